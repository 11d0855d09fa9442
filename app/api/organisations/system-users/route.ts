import { z } from "zod";
import { assertOrganisationAccess } from "@/lib/actions/define-action";
import { userActor } from "@/lib/audit/audit-events";
import { getDb } from "@/lib/db/client";
import { defineRoute } from "@/lib/routes/define-route";
import { altinnClient } from "@/lib/system-users/app-altinn-client";
import { organisationSystemUsersSchema, toOrganisationRows } from "@/lib/system-users/organisation-rows";
import { listOrganisationsWithSystemUser } from "@/lib/system-users/queries";
import { refreshPendingSystemUserRequests } from "@/lib/system-users/refresh-requests";

export const dynamic = "force-dynamic";

/**
 * Asks Altinn about pending system-user requests (one organisation, or all the user's) and answers
 * the organisations as /organisasjoner shows them; polled by that page while a customer has yet to
 * answer, and called by its "check now" button. A POST, not a GET: an answer found is recorded and
 * audited with the calling user as actor.
 */
export const POST = defineRoute(
  {
    name: "system-user-requests-refresh",
    access: { session: ["organisation:manage"] },
    body: { schema: z.object({ organisationId: z.uuid().optional() }), maxBytes: 1024 },
    output: organisationSystemUsersSchema,
  },
  async ({ body: { organisationId } }, { user }) => {
    if (organisationId) assertOrganisationAccess(user, organisationId);
    const db = getDb();
    const altinn = altinnClient();
    const failures = altinn.ok
      ? (
          await refreshPendingSystemUserRequests(
            db,
            altinn.client,
            userActor(user),
            organisationId ? [organisationId] : user.organisationIds,
          )
        ).failures
      : [{ organisationId: organisationId ?? null, error: altinn.error }];
    return { rows: toOrganisationRows(await listOrganisationsWithSystemUser(db, user.organisationIds)), failures };
  },
);
