import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { organisations, userOrganisations } from "@/lib/db/schema";

/** The organisations a user has been granted; everything organisation-scoped starts here. */
export async function listOrganisationsForUser(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name, createdAt: organisations.createdAt })
    .from(organisations)
    .where(inArray(organisations.id, organisationIds))
    .orderBy(asc(organisations.name));
}

export async function findOrganisationByOrgnr(db: DbOrTx, orgnr: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.orgnr, orgnr));
  return row ?? null;
}

/** Creates the organisation and grants it to its creator; null when the orgnr is taken. */
export async function insertOrganisation(
  db: DbOrTx,
  values: { orgnr: string; name: string },
  grantToUserId: string | null,
) {
  const [row] = await db
    .insert(organisations)
    .values(values)
    .onConflictDoNothing({ target: organisations.orgnr })
    .returning();
  if (row && grantToUserId) {
    await db.insert(userOrganisations).values({ userId: grantToUserId, organisationId: row.id });
  }
  return row ?? null;
}
