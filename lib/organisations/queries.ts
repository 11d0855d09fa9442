import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import { organisations, userOrganisations } from "@/lib/db/schema";
import { inOrganisations } from "@/lib/submissions/queries/organisation-scope";

/** The organisations a user has been granted; everything organisation-scoped starts here. */
export async function listOrganisationsForUser(
  db: DbOrTx,
  organisationIds: string[],
  options: { limit?: number } = {},
) {
  if (organisationIds.length === 0) return [];
  const query = db
    .select({
      id: organisations.id,
      orgnr: organisations.orgnr,
      name: organisations.name,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(inOrganisations(organisations.id, organisationIds))
    .orderBy(asc(organisations.name))
    .$dynamic();
  return options.limit === undefined ? query : query.limit(options.limit);
}

/** The first registration of the orgnr (the demo seed's; an orgnr may be registered more than once). */
export async function findOrganisationByOrgnr(db: DbOrTx, orgnr: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Whether one of `organisationIds` has this orgnr. Locks the orgnr for the rest of the transaction
 * first, so two registrations of it by the same user cannot both pass the check.
 */
export async function lockOrgnrAmong(tx: DbOrTx, orgnr: string, organisationIds: string[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`organisation:${orgnr}`}, 0))`);
  if (organisationIds.length === 0) return false;
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.orgnr, orgnr), inArray(organisations.id, organisationIds)))
    .limit(1);
  return Boolean(row);
}

/** Creates the organisation and grants it to its creator. */
export async function insertOrganisation(
  db: DbOrTx,
  values: { orgnr: string; name: string },
  grantToUserId: string | null,
) {
  const row = firstRow(await db.insert(organisations).values(values).returning());
  if (grantToUserId) {
    await db.insert(userOrganisations).values({ userId: grantToUserId, organisationId: row.id });
  }
  return row;
}
