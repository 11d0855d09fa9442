import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, tableCellClass } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { listOrganisationsForUser } from "@/lib/organisations/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

/** Keys for the public API (/api/v1): created and revoked by admins; a key is shown once, when created. */
export default async function ApiKeysPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "api_key:manage")) forbidden();
  const [t, locale] = await Promise.all([getTranslations("apiKeys"), getLocale()]);
  const db = getDb();
  const [keys, organisations] = await Promise.all([
    listApiKeys(db, user.organisationIds),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const now = Date.now();
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="mb-4">
        <a className="underline" href="/api/v1/reference">
          {t("reference")}
        </a>
      </p>
      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <Table
          columns={[
            { key: "name", header: t("name") },
            { key: "scopes", header: t("scopes") },
            { key: "organisations", header: t("organisations") },
            { key: "expires", header: t("expires") },
            { key: "lastUsed", header: t("lastUsed") },
            { key: "status", header: t("status") },
            { key: "revoke", header: <span className="sr-only">{t("revoke")}</span> },
          ]}
          rows={keys}
          rowKey={(k) => k.id}
          renderRow={(k) => {
            const state = k.revokedAt ? "revoked" : k.expiresAt.getTime() <= now ? "expired" : "active";
            return (
              <tr key={k.id} className="border-b border-line align-top" data-testid={`api-key-${k.publicId}`}>
                <td className={tableCellClass}>
                  <div className="font-medium">{k.name}</div>
                  <code className="text-sm text-muted">{k.hint}</code>
                  <div className="text-sm text-muted">
                    {t("createdBy")}: {k.createdByEmail}
                  </div>
                </td>
                <td className={tableCellClass}>{k.scopes.map((s) => t(`scope.${s}`)).join(", ")}</td>
                <td className={tableCellClass}>{k.organisationNames.join(", ")}</td>
                <td className={tableCellClass}>{formatDateTime(locale, k.expiresAt)}</td>
                <td className={tableCellClass}>{k.lastUsedAt ? formatDateTime(locale, k.lastUsedAt) : t("never")}</td>
                <td className={tableCellClass}>
                  <Tag tone={state === "active" ? "success" : "neutral"}>{t(state)}</Tag>
                </td>
                <td className={tableCellClass}>
                  {state !== "revoked" && <RevokeApiKeyButton apiKeyId={k.id} name={k.name} />}
                </td>
              </tr>
            );
          }}
          empty={t("empty")}
        />
        <CreateApiKeyForm organisations={organisations} />
      </div>
    </>
  );
}
