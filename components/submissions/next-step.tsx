import { getLocale, getTranslations } from "next-intl/server";
import type { FeedbackStatus, SubmissionStatus } from "@/lib/db/schema";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import { remediationHint } from "@/lib/reporting/errors/error-catalogue";

/** Statuses from which the engine still sends by itself; every other one waits for a person. */
const STILL_SENDING: readonly SubmissionStatus[] = ["queued", "sending", "retrying"];

/**
 * What to do next, on top of a submission's page: advice that follows from its status (a failed
 * submission is never told the system will try again), and, where Skatteetaten's answer calls for
 * a specific fix, the catalogue's hint for it.
 */
export async function NextStep({
  status,
  kind,
  feedbackStatus,
  latestError,
}: {
  status: SubmissionStatus;
  kind: "oar" | "amelding";
  feedbackStatus: FeedbackStatus | null;
  latestError: DecodedSkatteetatenError | null;
}) {
  const t = await getTranslations("timeline.next");
  const locale = await getLocale();
  const advice =
    status === "accepted" && kind === "amelding"
      ? t(`feedback.${feedbackStatus ?? "waiting"}`)
      : status === "rejected" && kind === "amelding"
        ? t("rejectedAmelding")
        : t(status);
  // A hint that only says "it is retried with the same key" repeats the advice above.
  const hint =
    latestError && latestError.action !== "retry_same_key" && ["rejected", "conflict", "failed"].includes(status)
      ? remediationHint(latestError, locale, STILL_SENDING.includes(status))
      : null;
  return (
    <div className="mt-3 rounded border border-line bg-surface p-3" data-testid="next-step">
      <p className="font-medium">{t("heading")}</p>
      <p className="text-sm">{advice}</p>
      {hint && (
        <p className="mt-1 text-sm">
          <span className="font-medium">{t("hint")}:</span> {hint}
        </p>
      )}
    </div>
  );
}
