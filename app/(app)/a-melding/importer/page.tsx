import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/amelding/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ameldingImport"))("title") };
}

/** Import an A-melding made by a payroll system (JSON as the API takes it, or XML in the XSD v2.x format). */
export default async function AmeldingImportPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:edit")) forbidden();
  const t = await getTranslations("ameldingImport");
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={<Link href="/a-melding/frister">{t("toDeadlines")}</Link>}
      />
      <ImportForm />
    </>
  );
}
