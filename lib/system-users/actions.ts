"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { getAppSystemUserRequestClient } from "@/lib/altinn/app-system-user-request-client";
import { SystemUserRequestError, type SystemUserRequestClient } from "@/lib/altinn/system-user-request-client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { toOrganisationRows } from "./organisation-rows";
import { listOrganisationsWithSystemUser } from "./queries";
import { userActor } from "@/lib/audit/audit-events";
import { refreshPendingSystemUserRequests } from "./refresh-requests";
import { requestSystemUser, type AltinnErrorDetails, type RequestSystemUserResult } from "./request-system-user";

function altinnClient(): { ok: true; client: SystemUserRequestClient } | { ok: false; error: AltinnErrorDetails } {
  const altinn = getAppSystemUserRequestClient();
  if ("client" in altinn) return { ok: true, client: altinn.client };
  return { ok: false, error: new SystemUserRequestError({ kind: "config", message: altinn.configError, detail: altinn.configError }).toJSON() };
}

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

/**
 * Asks Altinn about pending requests (one organisation, or all the user's) and returns the
 * organisations as the page shows them. Called by the page's poll and its "check now" button;
 * status changes are audited with the calling user as actor.
 */
export const refreshSystemUserRequestsAction = defineAction(
  { name: "refreshSystemUserRequests", permission: "organisation:manage", schema: z.object({ organisationId: z.uuid().optional() }) },
  async ({ organisationId }, { user, db }) => {
    if (organisationId) assertOrganisationAccess(user, organisationId);
    const altinn = altinnClient();
    const failures = altinn.ok
      ? (await refreshPendingSystemUserRequests(db, altinn.client, userActor(user), organisationId ? [organisationId] : user.organisationIds)).failures
      : [{ organisationId: organisationId ?? null, error: altinn.error }];
    const rows = toOrganisationRows(await listOrganisationsWithSystemUser(db, user.organisationIds));
    return { rows, failures };
  },
);
