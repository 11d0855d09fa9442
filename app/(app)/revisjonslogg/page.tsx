import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/queries";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user.role, "audit:read")) return <ForbiddenNotice />;
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const before = Number((await searchParams).before) || undefined;
  const entries = await listAuditEntries(getDb(), user.organisationIds, { before, limit: PAGE_SIZE });
  const showDetails = hasPermission(user.role, "audit:read_details");
  const last = entries.at(-1);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="overflow-x-auto rounded border border-line bg-white p-4">
        {entries.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-4">{t("time")}</th>
                <th scope="col" className="py-2 pr-4">{t("actor")}</th>
                <th scope="col" className="py-2 pr-4">{t("action")}</th>
                <th scope="col" className="py-2 pr-4">{t("target")}</th>
                <th scope="col" className="py-2 pr-4">{t("organisation")}</th>
                {showDetails && <th scope="col" className="py-2">{t("details")}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {format.dateTime(e.createdAt, { dateStyle: "long", timeStyle: "short" })}
                  </td>
                  <td className="py-2 pr-4">{e.actorEmail ?? t("system")}</td>
                  <td className="py-2 pr-4 font-mono">{e.action}</td>
                  <td className="py-2 pr-4">
                    {e.targetType}
                    {e.targetId ? ` ${e.targetId.slice(0, 8)}` : ""}
                  </td>
                  <td className="py-2 pr-4">{e.organisationName ?? "–"}</td>
                  {showDetails && (
                    <td className="py-2">
                      <code className="break-all">{JSON.stringify(e.details)}</code>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {entries.length === PAGE_SIZE && last && (
        <p className="mt-4">
          <Link href={`/revisjonslogg?before=${last.id}`}>{t("older")}</Link>
        </p>
      )}
    </>
  );
}
