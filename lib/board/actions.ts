"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod/mini";
import { defineAction } from "@/lib/actions/define-action";
import { setOrganisationOwner } from "./owners";

const setOwnerSchema = z.object({
  organisationId: z.uuid(),
  /** Empty: no one. */
  ownerUserId: z.union([
    z.uuid(),
    z.pipe(
      z.literal(""),
      z.transform(() => null),
    ),
  ]),
});

/** An admin makes a user responsible for one of their organisations on the board (docs/board.md, "Owners"). */
export const setOrganisationOwnerAction = defineAction(
  { name: "setOrganisationOwner", permission: "organisation:manage", schema: setOwnerSchema },
  async (input, { user, db }) => {
    const result = await db.transaction((tx) => setOrganisationOwner(tx, user, input));
    revalidatePath("/tavle");
    return result;
  },
);
