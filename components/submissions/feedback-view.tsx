import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FieldLocation } from "@/components/field-location/field-location";
import { Alert } from "@/components/ui/alert";
import { CopyValue } from "@/components/ui/copy-button";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { Tag } from "@/components/ui/tag";
import type { AmeldingFeedback } from "@/lib/db/schema";
import { type IdentityView, locateField, personalNumberShown } from "@/lib/field-location/locate-field";
import { formatter } from "@/lib/i18n/format";
import type { FeedbackDeviation, FeedbackOutcome, FeedbackSeverity } from "@/lib/reporting/amelding/feedback-adapter";
import { describeFeedbackProblem } from "@/lib/submissions/feedback/feedback-problem";
import { formatOrgnr } from "@/lib/validation/orgnr";

const SEVERITIES: FeedbackSeverity[] = ["rejection", "immediate", "guideline", "unknown"];
const OUTCOME_TONE: Record<FeedbackOutcome, "success" | "warning" | "danger"> = {
  accepted: "success",
  accepted_with_deviations: "warning",
  rejected: "danger",
};
const SEVERITY_TONE: Record<FeedbackSeverity, "danger" | "warning" | "neutral"> = {
  rejection: "danger",
  immediate: "warning",
  guideline: "neutral",
  unknown: "neutral",
};

/** Where the A-melding builder opens a replacement of this submission (FieldLocation adds the field to focus). */
function fixHref(submissionId: string) {
  return `/a-melding/ny?${new URLSearchParams({ erstatter: submissionId })}`;
}

/** "63450012345" → "6345 00 12345", the way Norwegian account numbers are written. */
const formatKontonummer = (n: string) => n.replace(/^(\d{4})(\d{2})(\d{5})$/, "$1 $2 $3");

type Props = {
  submissionId: string;
  feedback: AmeldingFeedback | null;
  mask: (text: string) => string;
  /** May send a replacement (the links lead to the A-melding builder). */
  canFix: boolean;
  showRaw: boolean;
  /** RAW_BODY_RETENTION_MONTHS, named where the retention job has removed the document. */
  rawBodyRetentionMonths: number;
  /** The accepted version's payload: names the person a deviation's field belongs to. */
  payload?: unknown;
  identity: IdentityView;
};

/**
 * The A-melding feedback from Skatteetaten: still waiting, why it could not be had, or what it says.
 * While it is awaited, the page's LiveSubmission re-renders it when the follower has checked again.
 */
export async function FeedbackView({
  submissionId,
  feedback,
  mask,
  canFix,
  showRaw,
  rawBodyRetentionMonths,
  payload,
  identity,
}: Props) {
  const t = await getTranslations("feedback");
  const format = formatter(await getLocale());
  const when = (d: Date) => format.dateTime(d, { seconds: true });
  const status = feedback?.status ?? "waiting";
  const parsed = feedback?.parsed;
  const problem = feedback
    ? describeFeedbackProblem(await getTranslations(), feedback.lastErrorCode, feedback.lastErrorParams)
    : null;

  return (
    <section
      className="mb-6 rounded border border-line bg-white p-6"
      aria-labelledby="feedback-heading"
      data-testid="feedback"
    >
      <h2 id="feedback-heading" className="mb-3 text-lg font-semibold">
        {t("heading")}
      </h2>

      {status === "waiting" && (
        <div data-testid="feedback-waiting">
          <p>
            {feedback?.lastCheckedAt
              ? t("waiting", { time: when(feedback.lastCheckedAt), count: feedback.checkCount })
              : t("notChecked")}
          </p>
          {problem && (
            <p className="mt-1 text-sm text-muted">
              {t("lastProblem")}: {mask(problem)}
            </p>
          )}
        </div>
      )}

      {status === "error" && (
        <Alert tone="danger">
          <p className="font-medium">{t("error")}</p>
          {problem && <p className="text-sm">{mask(problem)}</p>}
        </Alert>
      )}

      {parsed && feedback && status !== "waiting" && status !== "error" && (
        <div data-testid="feedback-result">
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone={OUTCOME_TONE[parsed.outcome]}>{t(`outcome.${parsed.outcome}`)}</Tag>
            {feedback.receivedAt && (
              <span className="text-sm text-muted">{t("receivedAt", { time: when(feedback.receivedAt) })}</span>
            )}
          </p>
          <p className="mt-2">{t(`outcomeHelp.${parsed.outcome}`)}</p>
          {canFix && parsed.outcome !== "accepted" && (
            <p className="mt-3">
              <Link
                href={fixHref(submissionId)}
                className="rounded border border-interactive bg-white px-4 py-2 font-medium no-underline"
              >
                {t(parsed.outcome === "rejected" ? "sendAgain" : "sendReplacement")}
              </Link>
            </p>
          )}

          <Deviations
            deviations={parsed.deviations}
            submissionId={submissionId}
            mask={mask}
            canFix={canFix}
            payload={payload}
            identity={identity}
          />

          {parsed.sums && (
            <div className="mt-6">
              <h3 className="mb-2 font-semibold">{t("sums")}</h3>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="feedback-sums">
                {parsed.sums.sumForskuddstrekk !== null && (
                  <>
                    <dt className="font-medium">{t("sumForskuddstrekk")}</dt>
                    <dd className="tabular-nums">{format.kroner(parsed.sums.sumForskuddstrekk)}</dd>
                  </>
                )}
                {parsed.sums.sumArbeidsgiveravgift !== null && (
                  <>
                    <dt className="font-medium">{t("sumArbeidsgiveravgift")}</dt>
                    <dd className="tabular-nums">{format.kroner(parsed.sums.sumArbeidsgiveravgift)}</dd>
                  </>
                )}
                {parsed.sums.kontonummer && (
                  <>
                    <dt className="font-medium">{t("kontonummer")}</dt>
                    <dd>
                      <CopyValue value={formatKontonummer(parsed.sums.kontonummer)} label={t("kontonummer")} />
                    </dd>
                  </>
                )}
                {parsed.sums.kid && (
                  <>
                    <dt className="font-medium">{t("kid")}</dt>
                    <dd>
                      <CopyValue value={parsed.sums.kid} label={t("kid")} />
                    </dd>
                  </>
                )}
                {parsed.sums.forfallsdato && (
                  <>
                    <dt className="font-medium">{t("forfallsdato")}</dt>
                    <dd>
                      {/^\d{4}-\d{2}-\d{2}$/.test(parsed.sums.forfallsdato)
                        ? format.date(parsed.sums.forfallsdato)
                        : parsed.sums.forfallsdato}
                    </dd>
                  </>
                )}
              </dl>
            </div>
          )}

          {showRaw && feedback.document && (
            <details className="mt-6">
              <summary className="cursor-pointer text-sm">{t("document")}</summary>
              <ScrollableCode>{mask(JSON.stringify(feedback.document, null, 2))}</ScrollableCode>
            </details>
          )}
          {showRaw && feedback.documentPrunedAt && (
            <p className="mt-6 text-sm" data-testid="feedback-document-pruned">
              {(await getTranslations("retention"))("feedbackDocument", {
                date: format.date(feedback.documentPrunedAt),
                months: rawBodyRetentionMonths,
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

async function Deviations({
  deviations,
  submissionId,
  mask,
  canFix,
  payload,
  identity,
}: {
  deviations: FeedbackDeviation[];
  submissionId: string;
  mask: (text: string) => string;
  canFix: boolean;
  payload: unknown;
  identity: IdentityView;
}) {
  const t = await getTranslations("feedback");
  const translate = await getTranslations();
  /** The person as the document names them, where the field's path does not lead to one in the report. */
  const person = (p: NonNullable<FeedbackDeviation["person"]>) => {
    const id = p.identifier ? mask(personalNumberShown(p.identifier, identity)) : null;
    return p.name && id ? `${p.name} (${id})` : (p.name ?? id ?? "");
  };
  if (deviations.length === 0) return <p className="mt-4">{t("noDeviations")}</p>;
  return (
    <div className="mt-6 space-y-5" data-testid="feedback-deviations">
      {canFix && <p className="text-sm text-muted">{t("fieldHelp")}</p>}
      {SEVERITIES.map((severity) => {
        const group = deviations.filter((d) => d.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} data-testid={`deviations-${severity}`}>
            <h3 className="mb-1 flex flex-wrap items-center gap-2 font-semibold">
              <Tag tone={SEVERITY_TONE[severity]}>{t(`severity.${severity}`)}</Tag>
              <span className="text-sm font-normal">{t(`severityHelp.${severity}`, { count: group.length })}</span>
            </h3>
            <ul className="divide-y divide-line">
              {group.map((d, i) => {
                const location = d.sti ? locateField("amelding", d.sti, { t: translate, payload, identity }) : null;
                const personInLocation = Boolean(
                  location?.modelPath && /inntektsmottaker\.\d+/.test(location.modelPath),
                );
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
                  <li key={i} className="py-2 text-sm">
                    <p>
                      {d.code && <span className="mr-2 font-mono font-semibold">{d.code}</span>}
                      {d.message ? mask(d.message) : t("noMessage")}
                    </p>
                    <dl className="mt-1 grid gap-x-4 sm:grid-cols-[auto_1fr]">
                      {d.person && !personInLocation && (
                        <>
                          <dt className="text-muted">{t("person")}</dt>
                          <dd data-testid="deviation-person">{person(d.person)}</dd>
                        </>
                      )}
                      {d.virksomhet && !location && (
                        <>
                          <dt className="text-muted">{t("virksomhet")}</dt>
                          <dd className="tabular-nums">{formatOrgnr(d.virksomhet)}</dd>
                        </>
                      )}
                      {location && (
                        <>
                          <dt className="text-muted">{t("field")}</dt>
                          <dd data-testid="deviation-field">
                            <FieldLocation location={location} fixUrl={canFix ? fixHref(submissionId) : null} />
                          </dd>
                        </>
                      )}
                    </dl>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
