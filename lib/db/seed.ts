import "server-only";
import { SEED_ACTOR } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { findOrganisationByOrgnr, insertOrganisation } from "@/lib/organisations/queries";
import { insertPreapprovedSystemUser, latestSystemUserRequest } from "@/lib/system-users/queries";
import { findUserByEmail, insertUser, replaceUserOrganisations } from "@/lib/users/queries";
import type { Db } from "./client";
import type { Role } from "./schema";

/** Synthetic organisations (valid mod-11 numbers in the 310… test range, no real companies). */
export const DEMO_ORGANISATIONS = [
  { orgnr: "310900125", name: "Fjellvind Bygg AS" },
  { orgnr: "310900230", name: "Havbris Regnskap AS" },
  { orgnr: "310900346", name: "Nordlys Offshore AS" },
] as const;

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@innrapportering.test", name: "Ada Lønnsansvarlig", role: "admin" },
  { email: "support@innrapportering.test", name: "Sindre Brukerstøtte", role: "support" },
  { email: "leder@innrapportering.test", name: "Marte Leder", role: "manager" },
  // A second payroll administrator in the same organisations, so four-eyes (docs/four-eyes.md) can
  // be seen at work: one prepares, the other approves.
  { email: "godkjenner@innrapportering.test", name: "Gustav Godkjenner", role: "admin" },
];

/**
 * Idempotent: creates what is missing and leaves existing rows (and changed passwords) alone,
 * so it runs on every start.
 */
export async function seedDemo(db: Db, password: string) {
  await db.transaction(async (tx) => {
    const orgIds: string[] = [];
    for (const org of DEMO_ORGANISATIONS) {
      const row = (await findOrganisationByOrgnr(tx, org.orgnr)) ?? (await insertOrganisation(tx, org, null));
      orgIds.push(row.id);
      // The sandbox has system users for the demo organisations from the start.
      if (!(await latestSystemUserRequest(tx, row.id))) {
        await insertPreapprovedSystemUser(tx, row.id);
        await recordAudit(tx, SEED_ACTOR, {
          action: "system_user.status_change",
          targetType: "organisation",
          targetId: row.id,
          organisationIds: [row.id],
          details: { orgnr: org.orgnr, from: null, to: "accepted", seed: true },
        });
      }
    }
    for (const u of DEMO_USERS) {
      if (await findUserByEmail(tx, u.email)) continue;
      const created = await insertUser(tx, { ...u, passwordHash: await hashPassword(password) });
      if (!created) continue;
      await replaceUserOrganisations(tx, created.id, orgIds, orgIds);
      await recordAudit(tx, SEED_ACTOR, {
        action: "user.create",
        targetType: "user",
        targetId: created.id,
        organisationIds: orgIds,
        details: { email: u.email, role: u.role, seed: true },
      });
    }
  });
}
