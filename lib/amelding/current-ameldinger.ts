import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { submissions } from "@/lib/db/schema";

/**
 * The month's current A-meldinger, one definition for every reader (the overview's reported
 * amounts, the payment overview, the control rules' previous month, reconciliation): accepted, and
 * not superseded by an accepted replacement. An organisation may send several A-meldinger for one
 * month (each its own meldingsId); they add up, and only a replacement (`erstatterMeldingsId`,
 * `replaces_submission_id` here) takes another's place (docs/domain.md, "meldingsId and replacement").
 * The superseding lookup is served by submissions_replaces_idx and scoped to the same organisation.
 */
export function isCurrentAmelding(): SQL {
  return and(
    eq(submissions.kind, "amelding"),
    eq(submissions.status, "accepted"),
    sql`not exists (select 1 from ${submissions} superseding
          where superseding.replaces_submission_id = ${submissions.id}
            and superseding.organisation_id = ${submissions.organisationId}
            and superseding.status = 'accepted')`,
  ) as SQL;
}
