import { getLocale, getTranslations } from "next-intl/server";
import { CopyValue } from "@/components/ui/copy-button";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { Tag } from "@/components/ui/tag";
import type { DeliveryAttempt, SubmissionVersion } from "@/lib/db/schema";
import { formatter } from "@/lib/i18n/format";
import { attemptTimeline, bodyAsShown } from "@/lib/submissions/queries/attempt-timeline";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { DecodedErrorView, type FieldContext } from "./decoded-error-view";

const OUTCOME_TONE: Partial<Record<DeliveryAttempt["outcome"], "success" | "danger" | "warning" | "brand">> = {
  accepted: "success",
  validated: "success",
  uploaded: "brand",
  validating: "brand",
  in_flight: "brand",
  rejected: "danger",
  conflict: "danger",
};

/** A network error's own code (ECONNRESET, UND_ERR_SOCKET, …): shown as it is, like an HTTP status. */
const NETWORK_CODE = /^[A-Z][A-Z0-9_]{2,40}$/;

/**
 * A submission's attempts as a delivery log: newest first, identical attempts folded into one row
 * with their count and time span, each row's answer in words without a click, and (for roles that
 * may read raw bodies) the exact request and response one click away.
 */
export async function AttemptTimeline({
  attempts,
  versions,
  showRaw,
  unmasked,
  fields,
  rawBodyRetentionMonths,
}: {
  attempts: DeliveryAttempt[];
  versions: Pick<SubmissionVersion, "id" | "versionNo" | "payload">[];
  showRaw: boolean;
  unmasked: boolean;
  /** RAW_BODY_RETENTION_MONTHS, named where the retention job has emptied an attempt's bodies. */
  rawBodyRetentionMonths: number;
  /** Who the reader may see in a field's location, and the form that corrects the report. */
  fields: Omit<FieldContext, "payload">;
}) {
  const t = await getTranslations();
  const format = formatter(await getLocale());
  const mask = (text: string) => (unmasked ? text : maskPersonalNumbers(text));
  const when = (d: Date) => format.dateTime(d, { seconds: true });
  const span = (from: Date, to: Date) => format.dateTimeSpan(from, to);
  const body = (text: string) => bodyAsShown(text, (omitted) => t("detail.bodyTruncated", { omitted }));
  const viaUpload = attempts.some((a) => a.step !== "send");
  const entries = attemptTimeline(attempts);

  return (
    <section className="rounded border border-line bg-white p-6" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading" className="mb-3 text-lg font-semibold">
        {t("timeline.heading")}
      </h2>
      {viaUpload && (
        <p className="mb-3 text-sm" data-testid="upload-intro">
          {t("detail.uploadIntro")}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{t("detail.noAttempts")}</p>
      ) : (
        <ol className="space-y-3" data-testid="attempts">
          {entries.map(({ first, last: a, count, attempts: run }) => {
            const version = versions.find((v) => v.id === a.versionId);
            const explanation = a.decodedError ? null : explainWithoutAnswer(a);
            return (
              <li
                key={first.id}
                className="border-l-4 border-line pl-4"
                data-testid="attempt-row"
                data-attempt-count={count}
              >
                <p className="font-medium">
                  <span data-testid="attempt-title">
                    {count > 1
                      ? t("timeline.run", { count, span: span(first.startedAt, a.startedAt) })
                      : `${t("detail.attempt", { n: a.attemptNo })} · ${when(a.startedAt)}`}
                  </span>
                  {a.step !== "send" && <span data-testid="attempt-step"> · {t(`detail.steps.${a.step}`)}</span>}
                  {" · "}
                  <Tag tone={OUTCOME_TONE[a.outcome] ?? "warning"}>{t(`detail.outcomes.${a.outcome}`)}</Tag>
                </p>
                <p className="text-sm text-muted">
                  {count > 1 && `${t("detail.attemptRange", { from: first.attemptNo, to: a.attemptNo })} · `}
                  {t("detail.version", { n: version?.versionNo ?? "?" })} ·{" "}
                  {a.step === "send" ? (
                    <>
                      {t("detail.idempotencyKey")}: <code data-testid="attempt-key">{a.idempotencyKey}</code>
                    </>
                  ) : a.uploadId ? (
                    <span data-testid="attempt-upload-id">
                      {t("detail.uploadId")}: <CopyValue value={a.uploadId} label={t("detail.uploadId")} />
                    </span>
                  ) : (
                    t("detail.uploadIdUnknown")
                  )}
                  {a.responseStatus !== null && ` · ${t("detail.httpStatus")} ${a.responseStatus}`}
                  {a.durationMs !== null && ` · ${t("detail.durationMs", { ms: a.durationMs })}`}
                </p>
                {explanation && (
                  <p className="text-sm" data-testid="attempt-explanation">
                    {t(`timeline.withoutAnswer.${explanation.key}`, explanation.values)}
                  </p>
                )}
                {a.decodedError && (
                  <DecodedErrorView
                    decoded={a.decodedError}
                    mask={mask}
                    fields={{ ...fields, payload: version?.payload }}
                  />
                )}
                {!a.decodedError && a.korrelasjonsid && (
                  <p className="text-sm">
                    {t("detail.korrelasjonsid")}:{" "}
                    <CopyValue value={a.korrelasjonsid} label={t("detail.korrelasjonsid")} />
                  </p>
                )}
                {count > 1 && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm">{t("timeline.showEach", { count })}</summary>
                    <ul className="mt-1 text-sm" data-testid="attempt-run">
                      {run.toReversed().map((r) => (
                        <li key={r.id}>
                          {t("detail.attempt", { n: r.attemptNo })} · {when(r.startedAt)}
                          {r.durationMs !== null && ` · ${t("detail.durationMs", { ms: r.durationMs })}`}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {showRaw && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm">
                      {count > 1 ? t("timeline.rawExchangeLatest") : t("timeline.rawExchange")}
                    </summary>
                    {a.rawBodiesPrunedAt && (
                      <p className="mt-2 text-sm" data-testid="raw-bodies-pruned">
                        {t("retention.attemptBodies", {
                          date: format.date(a.rawBodiesPrunedAt),
                          months: rawBodyRetentionMonths,
                        })}
                      </p>
                    )}
                    <p className="mt-2 text-sm font-medium">{t("timeline.rawRequest")}</p>
                    <ScrollableCode>
                      {`${a.requestMethod} ${a.requestUrl}\n${Object.entries(a.requestHeaders)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join("\n")}${a.rawBodiesPrunedAt ? "" : `\n\n${body(a.requestBody)}`}`}
                    </ScrollableCode>
                    <p className="mt-2 text-sm font-medium">{t("timeline.rawResponse")}</p>
                    <ScrollableCode className="mt-1 max-h-96 text-xs">
                      {a.responseStatus === null
                        ? [t("detail.noBody"), a.transportError].filter(Boolean).join("\n\n")
                        : `HTTP ${a.responseStatus}\n${Object.entries(a.responseHeaders ?? {})
                            .map(([k, v]) => `${k}: ${v}`)
                            .join("\n")}${a.rawBodiesPrunedAt ? "" : `\n\n${a.responseBody || t("detail.noBody")}`}`}
                    </ScrollableCode>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * An attempt that got no error answer to decode, in words from its outcome (the code), never from
 * the stored transport text, which is the network library's English and stays in the raw view.
 */
function explainWithoutAnswer(
  a: Pick<DeliveryAttempt, "outcome" | "transportError" | "responseStatus">,
): { key: string; values?: Record<string, string | number> } | null {
  switch (a.outcome) {
    case "timeout":
      return { key: "timeout" };
    case "network_error":
      return a.transportError && NETWORK_CODE.test(a.transportError)
        ? { key: "networkCode", values: { code: a.transportError } }
        : { key: "network" };
    case "not_sent":
      // The engine records not_sent only when Maskinporten gave no token (deliver.ts).
      return { key: "noToken" };
    case "interrupted":
      return { key: "interrupted" };
    case "unreadable_answer":
      return { key: "unreadable", values: { status: a.responseStatus ?? "–" } };
    default:
      return null;
  }
}
