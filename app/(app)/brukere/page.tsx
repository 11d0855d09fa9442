import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
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
  if (!hasPermission(user.role, "user:manage")) return <ForbiddenNotice />;
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
        <div className="overflow-x-auto rounded border border-line bg-white p-4">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-4">{t("name")}</th>
                <th scope="col" className="py-2 pr-4">{t("role")}</th>
                <th scope="col" className="py-2 pr-4">{t("organisations")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("edit")}</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} organisations={organisations} isSelf={u.id === user.id} />
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm organisations={organisations} />
      </div>
    </>
  );
}
