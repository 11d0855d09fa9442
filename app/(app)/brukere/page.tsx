import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { listManageableUsers } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "user:manage")) forbidden();
  const t = await getTranslations("users");
  const db = getDb();
  const [users, organisations] = await Promise.all([
    listManageableUsers(db, user.organisationIds),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <Table
          columns={[
            { key: "name", header: t("name") },
            { key: "role", header: t("role") },
            { key: "organisations", header: t("organisations") },
            { key: "status", header: t("status") },
            { key: "edit", header: <span className="sr-only">{t("edit")}</span> },
          ]}
          rows={users}
          rowKey={(u) => u.id}
          renderRow={(u) => <UserRow user={u} organisations={organisations} isSelf={u.id === user.id} />}
          empty={t("empty")}
        />
        <CreateUserForm organisations={organisations} />
      </div>
    </>
  );
}
