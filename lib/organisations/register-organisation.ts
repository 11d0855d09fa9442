import "server-only";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { insertOrganisation, lockOrgnrAmong } from "./queries";

/**
 * Registers an organisation for the admin and grants it to them. An orgnr already among the
 * admin's organisations is refused at the field; any other orgnr is registered, whether or not
 * someone else registered it too (their registration stays theirs, see lib/db/schema.ts), so the
 * answer never reveals which orgnrs are registered elsewhere.
 */
export async function registerOrganisation(
  tx: DbOrTx,
  admin: AuditUser & { organisationIds: string[] },
  input: { orgnr: string; name: string },
) {
  if (await lockOrgnrAmong(tx, input.orgnr, admin.organisationIds)) {
    throw new SafeError("conflict", "errors.validation", { orgnr: ["orgnrTaken"] });
  }
  const row = await insertOrganisation(tx, input, admin.id);
  await recordAudit(tx, userActor(admin), {
    action: "organisation.create",
    targetType: "organisation",
    targetId: row.id,
    organisationIds: [row.id],
    details: { orgnr: row.orgnr, name: row.name },
  });
  return row;
}
