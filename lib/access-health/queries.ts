import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisationAccessHealth } from "@/lib/db/schema";

export type AccessHealth = typeof organisationAccessHealth.$inferSelect;

/** The organisation's access health, or null when nothing was sent for it yet. Scoped by the caller's organisation id. */
export async function getAccessHealth(db: DbOrTx, organisationId: string): Promise<AccessHealth | null> {
  const [row] = await db
    .select()
    .from(organisationAccessHealth)
    .where(eq(organisationAccessHealth.organisationId, organisationId));
  return row ?? null;
}

/** Whether Maskinporten last refused the organisation's system user as deleted in Altinn. */
export async function isSystemUserRevoked(db: DbOrTx, organisationId: string): Promise<boolean> {
  return (await getAccessHealth(db, organisationId))?.state === "system_user_revoked";
}
