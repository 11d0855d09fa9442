"use server";

import { revalidatePath } from "next/cache";
import { SafeError } from "@/lib/actions/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { insertOrganisation, lockOrgnrAmong } from "./queries";
import { createOrganisationSchema } from "./validation";

/**
 * Registers an organisation for the admin. An orgnr already among the admin's organisations is
 * refused at the field; any other orgnr is registered, whether or not someone else has registered
 * it too (their registration stays theirs, see lib/db/schema.ts), so the answer never reveals
 * which orgnrs are registered elsewhere.
 */
export const createOrganisationAction = defineAction(
  { name: "createOrganisation", permission: "organisation:manage", schema: createOrganisationSchema },
  async (input, { user, db }) => {
    const created = await db.transaction(async (tx) => {
      if (await lockOrgnrAmong(tx, input.orgnr, user.organisationIds)) {
        throw new SafeError("conflict", "errors.validation", { orgnr: ["orgnrTaken"] });
      }
      const row = await insertOrganisation(tx, input, user.id);
      await recordAudit(tx, user, {
        action: "organisation.create",
        targetType: "organisation",
        targetId: row.id,
        organisationIds: [row.id],
        details: { orgnr: row.orgnr, name: row.name },
      });
      return row;
    });
    revalidatePath("/organisasjoner");
    return { id: created.id };
  },
);
