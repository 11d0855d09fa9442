import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateOrganisationForm } from "@/components/organisations/create-organisation-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { formatOrgnr } from "@/lib/validation/orgnr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

export default async function OrganisationsPage() {
  const user = await requireUser();
  const t = await getTranslations("organisations");
  const format = await getFormatter();
  const orgs = await listOrganisationsForUser(getDb(), user.organisationIds);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <div className="overflow-x-auto rounded border border-line bg-white p-4">
          {orgs.length === 0 ? (
            <p>{t("empty")}</p>
          ) : (
            <table className="w-full text-left">
              <thead>
                <tr className="border-b-2 border-line">
                  <th scope="col" className="py-2 pr-4">{t("name")}</th>
                  <th scope="col" className="py-2 pr-4">{t("orgnr")}</th>
                  <th scope="col" className="py-2">{t("created")}</th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((o) => (
                  <tr key={o.id} className="border-b border-line">
                    <td className="py-2 pr-4">{o.name}</td>
                    <td className="py-2 pr-4 tabular-nums">{formatOrgnr(o.orgnr)}</td>
                    <td className="py-2">{format.dateTime(o.createdAt, { dateStyle: "long" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {hasPermission(user.role, "organisation:manage") && <CreateOrganisationForm />}
      </div>
    </>
  );
}
