"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { registerOrganisation } from "./register-organisation";
import { createOrganisationSchema } from "./validation";

/** See registerOrganisation: the answer is the same whether or not the orgnr is registered elsewhere. */
export const createOrganisationAction = defineAction(
  { name: "createOrganisation", permission: "organisation:manage", schema: createOrganisationSchema },
  async (input, { user, db }) => {
    const created = await db.transaction((tx) => registerOrganisation(tx, user, input));
    revalidatePath("/organisasjoner");
    return { id: created.id };
  },
);
