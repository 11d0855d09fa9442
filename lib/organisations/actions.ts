"use server";

import { revalidatePath } from "next/cache";
import { SafeError } from "@/lib/actions/action-result";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { insertOrganisation } from "./queries";
import { createOrganisationSchema } from "./validation";

export const createOrganisationAction = defineAction(
  { name: "createOrganisation", permission: "organisation:manage", schema: createOrganisationSchema },
  async (input, { user, db }) => {
    const created = await db.transaction(async (tx) => {
      const row = await insertOrganisation(tx, input, user.id);
      if (!row) throw new SafeError("conflict", "errors.validation", { orgnr: ["orgnrTaken"] });
      await recordAudit(tx, user, {
        action: "organisation.create",
        targetType: "organisation",
        targetId: row.id,
        organisationId: row.id,
        details: { orgnr: row.orgnr, name: row.name },
      });
      return row;
    });
    revalidatePath("/organisasjoner");
    return { id: created.id };
  },
);
