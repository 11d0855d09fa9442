import "server-only";
import { isSystemUserRevoked } from "@/lib/access-health/queries";
import { SafeError } from "@/lib/actions/action-result";
import {
  type SystemUserRequest as AltinnSystemUserRequest,
  type SystemUserRequestClient,
  SystemUserRequestError,
} from "@/lib/altinn/system-user-request-client";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { AltinnErrorDetails } from "./organisation-rows";
import {
  findSystemUserRequestByExternalId,
  insertSystemUserRequest,
  isSystemUserRequestHeldElsewhere,
  latestSystemUserRequest,
} from "./queries";

export type { AltinnErrorDetails };

export type RequestSystemUserResult =
  | { outcome: "requested"; requestId: string; confirmUrl: string | null }
  | { outcome: "failed"; error: AltinnErrorDetails };

/** Our own code (shown like Altinn's) for a request held by another registration of the orgnr. */
export const HELD_ELSEWHERE_CODE = "HELD_BY_OTHER_REGISTRATION";

/** Altinn's answers that mean "this request exists already": we take it over instead of failing. */
const EXISTING_REQUEST_CODES = new Set(["AUTH-00006", "AUTH-00007"]);

async function createAtAltinn(
  client: SystemUserRequestClient,
  orgnr: string,
): Promise<{ request: AltinnSystemUserRequest; adopted: boolean }> {
  try {
    return { request: await client.create({ partyOrgNo: orgnr }), adopted: false };
  } catch (error) {
    // Happens when our row was lost after Altinn created the request (or someone asked outside this app).
    if (error instanceof SystemUserRequestError && error.code && EXISTING_REQUEST_CODES.has(error.code)) {
      return { request: await client.getByExternalRef({ partyOrgNo: orgnr }), adopted: true };
    }
    throw error;
  }
}

/**
 * "Be om systembruker": asks Altinn for a system user for the organisation, then records the
 * request and its audit entry in one transaction. Altinn is called first, so when it refuses,
 * nothing is saved and its answer is returned decoded.
 */
export async function requestSystemUser(
  db: Db,
  client: SystemUserRequestClient,
  actor: AuditUser,
  organisation: { id: string; orgnr: string },
): Promise<RequestSystemUserResult> {
  const latest = await latestSystemUserRequest(db, organisation.id);
  if (latest?.status === "new") throw new SafeError("conflict", "systemUsers.errors.alreadyRequested");
  // An accepted system user the customer has since deleted in Altinn (docs/access-health.md) is replaced by a new request.
  if (latest?.status === "accepted" && !(await isSystemUserRevoked(db, organisation.id)))
    throw new SafeError("conflict", "systemUsers.errors.alreadyAccepted");

  let created: { request: AltinnSystemUserRequest; adopted: boolean };
  try {
    // Altinn keeps a rejected request in the way of a new one until the vendor deletes it.
    if (latest?.status === "rejected") await client.delete(latest.externalId).catch(ignoreMissing);
    created = await createAtAltinn(client, organisation.orgnr);
  } catch (error) {
    if (error instanceof SystemUserRequestError) return { outcome: "failed", error: error.toJSON() };
    throw error;
  }

  const { request, adopted } = created;
  // The same orgnr may be registered by admins who cannot see each other's registrations (see
  // lib/db/schema.ts). Altinn knows one request per orgnr for this system, so a registration must
  // never take over the request another one holds: it would send with that customer's consent.
  if (adopted && (await isSystemUserRequestHeldElsewhere(db, organisation.id, request.id))) {
    return {
      outcome: "failed",
      error: new SystemUserRequestError({
        kind: "rejected",
        code: HELD_ELSEWHERE_CODE,
        message: "Altinn's request for this organisation belongs to another registration of it.",
      }).toJSON(),
    };
  }
  const checkedAt = new Date();
  const row = await db.transaction(async (tx) => {
    const existing = await findSystemUserRequestByExternalId(tx, organisation.id, request.id);
    if (existing) return existing;
    const inserted = await insertSystemUserRequest(tx, {
      organisationId: organisation.id,
      externalId: request.id,
      status: request.status,
      confirmUrl: request.confirmUrl,
      rights: request.rights,
      requestedBy: actor.id,
      checkedAt,
    });
    await recordAudit(tx, userActor(actor), {
      action: "system_user.request",
      targetType: "organisation",
      targetId: organisation.id,
      organisationIds: [organisation.id],
      details: {
        orgnr: organisation.orgnr,
        altinnRequestId: request.id,
        systemId: request.systemId,
        altinnStatus: request.altinnStatus,
        resources: request.rights.flatMap((r) => r.resource.map((a) => a.value)),
        confirmUrl: request.confirmUrl,
        ...(adopted ? { adoptedExistingRequest: true } : {}),
        ...(latest?.status === "rejected" ? { replacesRejectedRequest: latest.externalId } : {}),
        ...(latest?.status === "accepted" ? { replacesRevokedSystemUser: latest.externalId } : {}),
      },
    });
    return inserted;
  });
  return { outcome: "requested", requestId: row.id, confirmUrl: row.confirmUrl };
}

function ignoreMissing(error: unknown) {
  if (error instanceof SystemUserRequestError && (error.kind === "not_found" || error.code === "AUTH-00010")) return;
  throw error;
}
