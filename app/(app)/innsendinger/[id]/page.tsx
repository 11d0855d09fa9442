import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LiveSubmission } from "@/components/live/live-submission";
import { ApprovalPanel } from "@/components/submissions/approval-panel";
import { AttemptTimeline } from "@/components/submissions/attempt-timeline";
import { CancelButton } from "@/components/submissions/cancel-button";
import { FeedbackView } from "@/components/submissions/feedback-view";
import { NextStep } from "@/components/submissions/next-step";
import { RetryButton } from "@/components/submissions/retry-button";
import { StatusBadge } from "@/components/submissions/status-badge";
import { WhoDidItView } from "@/components/submissions/who-did-it-view";
import { Alert } from "@/components/ui/alert";
import { CopyValue } from "@/components/ui/copy-button";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { Tag } from "@/components/ui/tag";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { formatter } from "@/lib/i18n/format";
import { findFeedbackForSubmission } from "@/lib/submissions/feedback/feedback-rows";
import { approvalStateOf, findWhoDidIt } from "@/lib/submissions/four-eyes/who-did-it";
import { CORRECTABLE_STATUSES, isCancellable, RETRYABLE_STATUSES } from "@/lib/submissions/operations/operations";
import { bodyAsShown } from "@/lib/submissions/queries/attempt-timeline";
import { findSubmissionLiveState, findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";
import { describeStatusReason } from "@/lib/submissions/status-reason";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { formatOrgnr } from "@/lib/validation/orgnr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("detail"))("title") };
}

export default async function SubmissionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // Read before the page's content, so a change in between makes the page re-render, never go unseen.
  const live = /^[0-9a-f-]{36}$/i.test(id) ? await findSubmissionLiveState(getDb(), id, user.organisationIds) : null;
  const s = live ? await findSubmissionWithHistory(getDb(), id, user.organisationIds) : null;
  if (!live || !s) notFound();
  const t = await getTranslations();
  const format = formatter(await getLocale());
  const showRaw = hasPermission(user.role, "submission:read_raw");
  const unmasked = hasPermission(user.role, "personal_data:read_unmasked");
  const mask = (text: string) => (unmasked ? text : maskPersonalNumbers(text));
  const identity = unmasked ? "birthdate" : "masked";
  const when = (d: Date) => format.dateTime(d, { seconds: true });
  const canRetry = hasPermission(user.role, "submission:retry") && RETRYABLE_STATUSES.includes(s.status);
  const canCorrect =
    hasPermission(user.role, "submission:resend") && s.kind === "oar" && CORRECTABLE_STATUSES.includes(s.status);
  const canChange = hasPermission(user.role, "submission:edit") && s.kind === "oar" && s.status === "accepted";
  const canEditAmelding =
    hasPermission(user.role, "submission:edit") && s.kind === "amelding" && CORRECTABLE_STATUSES.includes(s.status);
  const mayCancel = hasPermission(user.role, "submission:cancel");
  const canCancel = mayCancel && isCancellable(s);
  // A request under way: its answer decides; once the worker's lease runs out it may be cancelled.
  const cancelLater = mayCancel && s.status === "sending" && !canCancel && s.leaseUntil;
  const reason = describeStatusReason(t, s.statusReasonCode, s.statusReasonParams);
  const canReplaceAmelding =
    hasPermission(user.role, "submission:edit") && s.kind === "amelding" && s.status === "accepted";
  const showFeedback = s.kind === "amelding" && s.status === "accepted";
  const feedback = showFeedback ? await findFeedbackForSubmission(getDb(), s.id, user.organisationIds) : null;
  /** The form a field named in an answer is corrected in: the OAR form, or the builder for a rejected A-melding. */
  const fixUrl = canCorrect ? `/oppdrag/${s.id}/rediger` : canEditAmelding ? `/a-melding/ny?utkast=${s.id}` : null;
  const body = (text: string) => bodyAsShown(text, (omitted) => t("detail.bodyTruncated", { omitted }));
  const who = await findWhoDidIt(getDb(), s.id, user.organisationIds);
  const currentVersion = s.versions.find((v) => v.id === s.currentVersionId);
  const currentWho = who.find((v) => v.versionNo === currentVersion?.versionNo);
  const approval = approvalStateOf(currentWho);
  // Four-eyes (docs/four-eyes.md): the preparer is refused on the server; the page offers the decision to others.
  const preparedByMe = currentVersion?.preparedBy === user.id;
  const canDecide = approval === "awaiting" && hasPermission(user.role, "submission:edit") && !preparedByMe;

  return (
    <>
      <LiveSubmission submissionId={s.id} rendered={live} />
      <PageHeader
        title={`${t(`kind.${s.kind}`)} ${s.subject.trim() || t("submissions.untitled")}`}
        intro={`${s.organisation.name} (${formatOrgnr(s.organisation.orgnr)})`}
      />
      <section
        className="mb-6 grid gap-4 rounded border border-line bg-white p-6 md:grid-cols-2"
        aria-label={t("detail.status")}
      >
        <div>
          <p className="font-medium">{t("detail.status")}</p>
          <div data-testid="submission-status">
            <StatusBadge
              status={s.status}
              nextAttemptAt={s.nextAttemptAt?.toISOString()}
              feedbackStatus={feedback?.status}
            />
          </div>
          {s.status === "retrying" && s.nextAttemptAt && (
            <p className="text-sm">{t("detail.nextRetry", { time: when(s.nextAttemptAt) })}</p>
          )}
          {approval === "awaiting" && (
            <div className="mt-2" data-testid="approval-state">
              <Tag tone="warning">{t("fourEyes.awaiting")}</Tag>
              <p className="mt-1 text-sm">{preparedByMe ? t("fourEyes.awaitingOther") : t("fourEyes.awaitingHelp")}</p>
            </div>
          )}
          {approval === "declined" && currentWho && (
            <div className="mt-2" data-testid="approval-state">
              <Alert tone="warning">{t("fourEyes.declinedNotice", { reason: currentWho.declineReason ?? "" })}</Alert>
            </div>
          )}
          {reason && (
            <p className="mt-2 text-sm" data-testid="status-reason">
              {t("detail.statusReason")}: {mask(reason)}
            </p>
          )}
          {/* Awaiting approval says its own next step above. */}
          {approval !== "awaiting" && (
            <NextStep
              status={s.status}
              kind={s.kind}
              feedbackStatus={feedback?.status ?? null}
              latestError={s.attempts.at(-1)?.decodedError ?? null}
            />
          )}
        </div>
        <div>
          <p className="font-medium">{t("detail.receivedIds")}</p>
          {s.receivedIds && Object.keys(s.receivedIds).length ? (
            <dl className="text-sm" data-testid="received-ids">
              {Object.entries(s.receivedIds).map(([k, v]) => (
                <div key={k} className="flex flex-wrap gap-2">
                  <dt className="font-medium">{k}</dt>
                  <dd>
                    <CopyValue value={v} label={k} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-muted">{t("detail.noIds")}</p>
          )}
        </div>
        {canDecide && (
          <div className="md:col-span-2">
            <ApprovalPanel submissionId={s.id} />
          </div>
        )}
        <div className="flex flex-wrap gap-3 md:col-span-2">
          <DownloadLink href={`/api/submissions/${s.id}/receipt`}>{t("fourEyes.downloadReceipt")}</DownloadLink>
          {canRetry && <RetryButton submissionId={s.id} />}
          {canCancel && <CancelButton submissionId={s.id} />}
          {cancelLater && <p className="text-sm">{t("detail.cancelAfterLease", { time: when(cancelLater) })}</p>}
          {canCorrect && (
            <Link
              href={`/oppdrag/${s.id}/rediger`}
              className="rounded border border-interactive bg-white px-4 py-2 font-medium no-underline"
            >
              {s.status === "draft" ? t("detail.edit") : t("detail.correct")}
            </Link>
          )}
          {canChange && (
            <Link
              href={`/oppdrag/ny?endre=${s.id}`}
              className="rounded border border-interactive bg-white px-4 py-2 font-medium no-underline"
            >
              {t("detail.change")}
            </Link>
          )}
          {canEditAmelding && (
            <Link
              href={`/a-melding/ny?utkast=${s.id}`}
              className="rounded border border-interactive bg-white px-4 py-2 font-medium no-underline"
            >
              {s.status === "draft" ? t("ameldingBuilder.editDraft") : t("ameldingBuilder.correct")}
            </Link>
          )}
          {canReplaceAmelding && (
            <Link
              href={`/a-melding/ny?erstatter=${s.id}`}
              className="rounded border border-interactive bg-white px-4 py-2 font-medium no-underline"
            >
              {t("ameldingBuilder.sendReplacement")}
            </Link>
          )}
        </div>
      </section>

      {showFeedback && (
        <FeedbackView
          submissionId={s.id}
          feedback={feedback}
          mask={mask}
          canFix={hasPermission(user.role, "submission:resend")}
          showRaw={showRaw}
          rawBodyRetentionMonths={env.RAW_BODY_RETENTION_MONTHS}
          payload={s.versions.find((v) => v.id === s.currentVersionId)?.payload}
          identity={identity}
        />
      )}

      <WhoDidItView versions={who} />

      <AttemptTimeline
        attempts={s.attempts}
        versions={s.versions}
        showRaw={showRaw}
        unmasked={unmasked}
        fields={{ identity, fixUrl }}
        rawBodyRetentionMonths={env.RAW_BODY_RETENTION_MONTHS}
      />

      <section className="mt-6 rounded border border-line bg-white p-6" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="mb-3 text-lg font-semibold">
          {t("detail.versions")}
        </h2>
        {!unmasked && <p className="mb-2 text-sm text-muted">{t("detail.masked")}</p>}
        <ol className="space-y-3" data-testid="versions">
          {s.versions.map((v) => (
            <li key={v.id} className="rounded border border-line p-3">
              <p className="font-medium">
                {t("detail.version", { n: v.versionNo })} · {when(v.createdAt)}
              </p>
              <p className="text-sm">
                {t("detail.idempotencyKey")}: <CopyValue value={v.idempotencyKey} label={t("detail.idempotencyKey")} />
              </p>
              {showRaw && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm">{t("detail.payload")}</summary>
                  <ScrollableCode>{mask(body(JSON.stringify(v.payload, null, 2)))}</ScrollableCode>
                </details>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
