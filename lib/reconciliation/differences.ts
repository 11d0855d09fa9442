import { z } from "zod";

/*
 * What one reconciliation found, as stored in amelding_reconciliations.differences and read back
 * (docs/reconciliation.md). Plain types and a zod schema, safe to import anywhere: the page reads
 * the stored JSON through the same schema it was written with.
 */

export const RECONCILIATION_STATES = ["reconciled", "differs", "failed"] as const;
export type ReconciliationState = (typeof RECONCILIATION_STATES)[number];
/** What the board shows for an accepted month: a stored state, or not fetched (none, or for an older A-melding). */
export const RECONCILIATION_VIEWS = [...RECONCILIATION_STATES, "not_fetched"] as const;
export type ReconciliationView = (typeof RECONCILIATION_VIEWS)[number];

export const AMOUNT_KINDS = ["inntekt", "forskuddstrekk", "arbeidsgiveravgift"] as const;
export type AmountKind = (typeof AMOUNT_KINDS)[number];

const oere = z.number().int().safe();

export const differenceSchema = z.object({
  /** person: per inntektsmottaker; virksomhet: per sub-unit; total: the organisation's month. */
  scope: z.enum(["person", "virksomhet", "total"]),
  /** The person's fødselsnummer / d-nummer (or foreign id), the virksomhet's orgnr; null for a total. */
  id: z.string().max(40).nullable(),
  kind: z.enum(AMOUNT_KINDS),
  /** Whole øre: what our accepted A-melding states, what Skatteetaten's report states, theirs − ours. */
  ours: oere,
  theirs: oere,
  difference: oere,
});
export type Difference = z.infer<typeof differenceSchema>;

/** At most this many differences are stored per month (a report of another organisation's size would differ everywhere). */
export const MAX_STORED_DIFFERENCES = 5_000;
export const differencesSchema = z.array(differenceSchema).max(MAX_STORED_DIFFERENCES);
