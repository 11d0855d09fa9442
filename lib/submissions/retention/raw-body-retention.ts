import "server-only";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ameldingFeedback, deliveryAttempts, submissions } from "@/lib/db/schema";
import { every } from "@/lib/jobs/every";
import { logger } from "@/lib/log/logger";

/*
 * Retention of raw bodies. Every attempt keeps the exact request and response, and every A-melding
 * feedback row the document as fetched: they hold personal data and make up most of the database.
 * After RAW_BODY_RETENTION_MONTHS the bodies are emptied; what was read from them stays (the
 * answer's status and headers, error code, decoded error, korrelasjonsid, the feedback's parsed
 * result), so the submission's history reads the same, less the raw view. Only the bodies go:
 * rows, submissions, versions and the audit log are never deleted here.
 */

export type RetentionOptions = {
  /** Bodies of attempts started (feedback received) more than this many months ago are removed. */
  retentionMonths: number;
  /** Rows per transaction: short transactions, so the job never holds many row locks at once. */
  batchSize: number;
};

export type RetentionBatchResult = { attempts: number; feedbackDocuments: number };

type PrunedByOrganisation = { organisation_id: string; pruned: number };

/**
 * Empties one batch of attempts and one batch of feedback documents older than the retention
 * age, oldest first, and records one audit entry per organisation concerned in the same
 * transaction. SKIP LOCKED: several workers may run this side by side, and an attempt the engine
 * is writing is left for the next round.
 */
export async function pruneRawBodiesBatch(db: Db, options: RetentionOptions): Promise<RetentionBatchResult> {
  const months = options.retentionMonths;
  return db.transaction(async (tx) => {
    const attempts = await tx.execute<PrunedByOrganisation>(sql`
      with picked as (
        select a.id from ${deliveryAttempts} a
        where a.raw_bodies_pruned_at is null
          and a.started_at < now() - make_interval(months => ${months}::int)
          and a.outcome <> 'in_flight'
        order by a.started_at
        limit ${options.batchSize}
        for update skip locked
      ), pruned as (
        update ${deliveryAttempts} a
        set request_body = '', response_body = null, raw_bodies_pruned_at = now()
        from picked where a.id = picked.id
        returning a.submission_id
      )
      select s.organisation_id, count(*)::int as pruned
      from pruned p join ${submissions} s on s.id = p.submission_id
      group by s.organisation_id`);
    const feedback = await tx.execute<PrunedByOrganisation>(sql`
      with picked as (
        select f.submission_id from ${ameldingFeedback} f
        where f.document is not null
          and f.received_at < now() - make_interval(months => ${months}::int)
        order by f.received_at
        limit ${options.batchSize}
        for update skip locked
      ), pruned as (
        update ${ameldingFeedback} f
        set document = null, document_pruned_at = now()
        from picked where f.submission_id = picked.submission_id
        returning f.submission_id
      )
      select s.organisation_id, count(*)::int as pruned
      from pruned p join ${submissions} s on s.id = p.submission_id
      group by s.organisation_id`);

    const byOrganisation = new Map<string, { attempts: number; feedbackDocuments: number }>();
    const entry = (id: string) => {
      const found = byOrganisation.get(id) ?? { attempts: 0, feedbackDocuments: 0 };
      byOrganisation.set(id, found);
      return found;
    };
    for (const r of attempts) entry(r.organisation_id).attempts += r.pruned;
    for (const r of feedback) entry(r.organisation_id).feedbackDocuments += r.pruned;
    // One entry per organisation, so each organisation's readers see what was removed of theirs.
    for (const [organisationId, counts] of byOrganisation) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "retention.raw_bodies_pruned",
        targetType: "system",
        organisationIds: [organisationId],
        details: { retentionMonths: months, ...counts },
      });
    }
    return {
      attempts: attempts.reduce((n, r) => n + r.pruned, 0),
      feedbackDocuments: feedback.reduce((n, r) => n + r.pruned, 0),
    };
  });
}

/** Runs batches until nothing older than the retention age is left; returns the totals. */
export async function pruneRawBodies(
  db: Db,
  options: RetentionOptions & { pauseMs?: number; shouldStop?: () => boolean },
): Promise<RetentionBatchResult> {
  const total = { attempts: 0, feedbackDocuments: 0 };
  for (;;) {
    const batch = await pruneRawBodiesBatch(db, options);
    total.attempts += batch.attempts;
    total.feedbackDocuments += batch.feedbackDocuments;
    const more = batch.attempts >= options.batchSize || batch.feedbackDocuments >= options.batchSize;
    if (!more || options.shouldStop?.()) return total;
    // A breath between batches, so a first run over years of history does not crowd out deliveries.
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
}

/**
 * The worker's scheduled retention job: a run at start and every `intervalMs` after. Each worker
 * runs it; SKIP LOCKED keeps concurrent runs from waiting on each other or pruning twice.
 */
export function startRawBodyRetention(
  db: Db,
  options: RetentionOptions & { intervalMs: number; pauseMs: number; workerId: string },
) {
  return every(options.intervalMs, "raw body retention run", options.workerId, async (stopping) => {
    const pruned = await pruneRawBodies(db, { ...options, shouldStop: stopping });
    if (pruned.attempts > 0 || pruned.feedbackDocuments > 0)
      logger.info({ workerId: options.workerId, ...pruned }, "raw bodies past retention removed");
  });
}
