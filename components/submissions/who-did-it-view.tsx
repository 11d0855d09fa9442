import { getLocale, getTranslations } from "next-intl/server";
import { formatter } from "@/lib/i18n/format";
import { describePerson } from "@/lib/submissions/four-eyes/describe-person";
import type { VersionWho } from "@/lib/submissions/four-eyes/who-did-it";

/** Who prepared, approved or declined, and sent each version, newest first (docs/four-eyes.md). */
export async function WhoDidItView({ versions }: { versions: VersionWho[] }) {
  const t = await getTranslations();
  const format = formatter(await getLocale());
  const when = (d: Date) => format.dateTime(d, { seconds: true });
  return (
    <section className="mt-6 rounded border border-line bg-white p-6" aria-labelledby="who-heading">
      <h2 id="who-heading" className="mb-3 text-lg font-semibold">
        {t("fourEyes.heading")}
      </h2>
      {/* Compact: the submission page should fit two screens (e2e/errors-bulk.spec.ts). */}
      <ol className="divide-y divide-line" data-testid="who-did-it">
        {[...versions].reverse().map((v) => (
          <li key={v.versionNo} className="py-2 text-sm first:pt-0 last:pb-0">
            {versions.length > 1 && <p className="font-medium">{t("detail.version", { n: v.versionNo })}</p>}
            <dl className="grid gap-x-4 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">{t("fourEyes.preparedBy")}</dt>
              <dd>
                {describePerson(t, v.preparedBy, v.preparedByApiKey)} · {when(v.preparedAt)}
              </dd>
              {v.approvalRequestedAt && (
                <>
                  <dt className="font-medium">{t("fourEyes.approvalRequested")}</dt>
                  <dd>{when(v.approvalRequestedAt)}</dd>
                </>
              )}
              {v.approvedAt && (
                <>
                  <dt className="font-medium">{t("fourEyes.approvedBy")}</dt>
                  <dd>
                    {describePerson(t, v.approvedBy)} · {when(v.approvedAt)}
                  </dd>
                </>
              )}
              {v.declinedAt && (
                <>
                  <dt className="font-medium">{t("fourEyes.declinedBy")}</dt>
                  <dd>
                    {describePerson(t, v.declinedBy)} · {when(v.declinedAt)}: {v.declineReason}
                  </dd>
                </>
              )}
              <dt className="font-medium">{t("fourEyes.sentBy")}</dt>
              <dd data-testid={`sent-by-${v.versionNo}`}>
                {v.sentAt
                  ? `${describePerson(t, v.sentBy, v.sentByApiKey)} · ${when(v.sentAt)}`
                  : t("fourEyes.notSent")}
              </dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
