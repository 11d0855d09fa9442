import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { formatOrgnr } from "@/lib/validation/orgnr";

export default async function OverviewPage() {
  const user = await requireUser();
  const t = await getTranslations("overview");
  const orgs = await listOrganisationsForUser(getDb(), user.organisationIds);
  return (
    <>
      <PageHeader title={t("title")} intro={t("welcome", { name: user.name })} />
      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="mb-3 text-lg font-semibold">
          {t("organisations")}
        </h2>
        {orgs.length === 0 ? (
          <p>{t("noOrganisations")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {orgs.map((o) => (
              <li key={o.id} className="rounded border border-line bg-white p-4">
                <p className="font-medium">{o.name}</p>
                <p className="text-sm text-muted">{formatOrgnr(o.orgnr)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
