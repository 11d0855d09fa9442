import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateOrganisationForm } from "@/components/organisations/create-organisation-form";
import { FourEyesSettings } from "@/components/organisations/four-eyes-settings";
import { OrganisationsTable } from "@/components/organisations/organisations-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listFourEyesSettings } from "@/lib/submissions/four-eyes/four-eyes";
import { toOrganisationRows } from "@/lib/system-users/organisation-rows";
import { listOrganisationsWithSystemUser } from "@/lib/system-users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

export default async function OrganisationsPage() {
  const user = await requireUser();
  const t = await getTranslations("organisations");
  const rows = toOrganisationRows(await listOrganisationsWithSystemUser(getDb(), user.organisationIds));
  const canManage = hasPermission(user.role, "organisation:manage");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="flex flex-col gap-8">
        <div className="relative overflow-x-auto rounded border border-line bg-white p-4">
          <OrganisationsTable initial={rows} canManage={canManage} />
        </div>
        {canManage && <FourEyesSettings rows={await listFourEyesSettings(getDb(), user.organisationIds)} />}
        {canManage && (
          <div className="max-w-xl">
            <CreateOrganisationForm />
          </div>
        )}
      </div>
    </>
  );
}
