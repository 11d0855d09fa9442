import "server-only";
import { inArray } from "drizzle-orm";
import { type SystemUserRequestClient, SystemUserRequestError } from "@/lib/altinn/system-user-request-client";
import type { AuditActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { organisations } from "@/lib/db/schema";
import { raiseNotification } from "@/lib/notifications/raise-notification";
import { latestSystemUserRequests, lockPendingRequest, recordStatusCheck } from "./queries";
import type { AltinnErrorDetails } from "./request-system-user";

export type RefreshResult = {
  checked: number;
  changed: number;
  /** Requests whose status could not be read this time; they are tried again on the next check. */
  failures: { organisationId: string; error: AltinnErrorDetails }[];
};

/**
 * Asks Altinn for the status of every pending (New) request among the organisations and
 * records what changed, each change with its audit entry in the same transaction. `actor` is
 * the user whose page or button triggered the check, or the system when it checks on its own.
 */
export async function refreshPendingSystemUserRequests(
  db: Db,
  client: Pick<SystemUserRequestClient, "get">,
  actor: AuditActor,
  organisationIds: string[],
): Promise<RefreshResult> {
  const pending = [...(await latestSystemUserRequests(db, organisationIds)).values()].filter((r) => r.status === "new");
  if (pending.length === 0) return { checked: 0, changed: 0, failures: [] };
  const orgs = await db
    .select({ id: organisations.id, orgnr: organisations.orgnr })
    .from(organisations)
    .where(
      inArray(
        organisations.id,
        pending.map((r) => r.organisationId),
      ),
    );
  const orgnrs = new Map(orgs.map((o) => [o.id, o.orgnr]));
  const result: RefreshResult = { checked: 0, changed: 0, failures: [] };
  for (const request of pending) {
    let current: Awaited<ReturnType<typeof client.get>>;
    try {
      current = await client.get(request.externalId);
    } catch (error) {
      if (!(error instanceof SystemUserRequestError)) throw error;
      result.failures.push({ organisationId: request.organisationId, error: error.toJSON() });
      continue;
    }
    result.checked++;
    const changed = await db.transaction(async (tx) => {
      // Another poll may have recorded the answer meanwhile; then there is nothing left to do.
      const locked = await lockPendingRequest(tx, request.organisationId, request.id);
      if (!locked) return false;
      await recordStatusCheck(tx, request.organisationId, request.id, current.status, new Date());
      if (current.status === "new") return false;
      await recordAudit(tx, actor, {
        action: "system_user.status_change",
        targetType: "organisation",
        targetId: request.organisationId,
        organisationIds: [request.organisationId],
        details: {
          orgnr: orgnrs.get(request.organisationId),
          altinnRequestId: request.externalId,
          from: "new",
          to: current.status,
          altinnStatus: current.altinnStatus,
        },
      });
      if (current.status === "rejected" || current.status === "timed_out")
        await raiseNotification(tx, {
          organisationId: request.organisationId,
          kind: "access_problem",
          dedupeKey: `system-user-request:${request.id}`,
          params: { problem: `system_user_${current.status}` },
          link: "/organisasjoner",
        });
      return true;
    });
    if (changed) result.changed++;
  }
  return result;
}
