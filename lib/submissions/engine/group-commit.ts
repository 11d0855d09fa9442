/**
 * Group commit: calls made while a statement is being prepared or is under way are answered by the
 * NEXT statement, together. At low load each call gets its own statement at once; under load a
 * statement carries many (a delivery worker then pays one round trip per batch, not per
 * submission, which is what bounded its throughput).
 */
export function createGroupCommit<I, O>(run: (items: I[]) => Promise<O[]>, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 200;
  let pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        const results = await run(batch.map((b) => b.item));
        if (results.length !== batch.length)
          throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
        for (const [i, result] of results.entries()) batch[i]?.resolve(result);
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    scheduled = false;
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After the current turn, so calls started together (a batch of jobs) share a statement.
        setImmediate(() => void drain());
      }
    });
}
