import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisationAccessHealth } from "@/lib/db/schema";
import type { AccessProblemState } from "./access-outcome";

export type AccessHealth = typeof organisationAccessHealth.$inferSelect;

/** The organisation's access health, or null when nothing was sent for it yet. Scoped by the caller's organisation id. */
export async function getAccessHealth(db: DbOrTx, organisationId: string): Promise<AccessHealth | null> {
  const [row] = await db
    .select()
    .from(organisationAccessHealth)
    .where(eq(organisationAccessHealth.organisationId, organisationId));
  return row ?? null;
}

/**
 * Of `organisationIds` (the caller's, e.g. one page of the board), those whose access fails, with
 * how: read by primary key, so it costs the same however many organisations are healthy.
 */
export async function listAccessProblems(
  db: DbOrTx,
  organisationIds: string[],
): Promise<Map<string, { state: AccessProblemState; code: string | null }>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({
      organisationId: organisationAccessHealth.organisationId,
      state: organisationAccessHealth.state,
      code: organisationAccessHealth.lastFailureCode,
    })
    .from(organisationAccessHealth)
    .where(
      and(inArray(organisationAccessHealth.organisationId, organisationIds), ne(organisationAccessHealth.state, "ok")),
    );
  return new Map(rows.map((r) => [r.organisationId, { state: r.state as AccessProblemState, code: r.code }]));
}

/** Whether Maskinporten last refused the organisation's system user as deleted in Altinn. */
export async function isSystemUserRevoked(db: DbOrTx, organisationId: string): Promise<boolean> {
  return (await getAccessHealth(db, organisationId))?.state === "system_user_revoked";
}
