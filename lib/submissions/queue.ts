import "server-only";
import PgBoss from "pg-boss";

export const DELIVERY_QUEUE = "deliver-submission";

export async function startQueue(databaseUrl: string, options: { supervise?: boolean } = {}) {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    supervise: options.supervise ?? true,
    schedule: false,
    max: 4,
  });
  boss.on("error", (error) => console.error("[queue]", error.message));
  await boss.start();
  // "stately": per submission at most one waiting and one running job, so repeated wake-ups for
  // the same submission collapse into one.
  if (!(await boss.getQueue(DELIVERY_QUEUE))) {
    await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: "stately", retryLimit: 0 });
  }
  return boss;
}

/**
 * Wakes a worker for the submission, now or at `startAfter`. The submissions table, not the job,
 * is the source of truth, so a lost or duplicate job is harmless: the reconciler re-sends lost
 * ones and the worker's claim ignores duplicates.
 */
export async function enqueueDelivery(boss: PgBoss, submissionId: string, startAfter?: Date) {
  await boss.send(DELIVERY_QUEUE, { submissionId }, { singletonKey: submissionId, ...(startAfter ? { startAfter } : {}) });
}
