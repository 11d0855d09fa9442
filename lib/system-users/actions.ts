"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod/mini";
import { SafeError } from "@/lib/actions/action-result";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { altinnClient } from "./app-altinn-client";
import { type RequestSystemUserResult, requestSystemUser } from "./request-system-user";

/** "Be om systembruker" for one organisation the admin has access to. */
export const requestSystemUserAction = defineAction(
  { name: "requestSystemUser", permission: "organisation:manage", schema: z.object({ organisationId: z.uuid() }) },
  async ({ organisationId }, { user, db }): Promise<RequestSystemUserResult> => {
    assertOrganisationAccess(user, organisationId);
    const [organisation] = await listOrganisationsForUser(db, [organisationId]);
    if (!organisation) throw new SafeError("not_found", "errors.notFound");
    const altinn = altinnClient();
    if (!altinn.ok) return { outcome: "failed", error: altinn.error };
    const result = await requestSystemUser(db, altinn.client, user, organisation);
    revalidatePath("/organisasjoner");
    return result;
  },
);
