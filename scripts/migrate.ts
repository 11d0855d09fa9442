/**
 * Applies the database migrations and indexes versions saved before the search index existed,
 * as `npm start` does before it starts anything; for deployments where the web app and workers
 * run on their own (compose.yaml's `migrate` service, a Kubernetes Job before a rollout).
 *   npm run db:migrate
 * Needs DATABASE_URL (the primary, not a read replica or a transaction-mode pooler) and, outside
 * sandbox mode, SEARCH_HASH_SECRET.
 */
import { searchHashSecret } from "@/lib/config/derived";
import { createDb, requireDatabaseUrl } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { indexPendingVersions } from "@/lib/submissions/search/search-index";

async function main() {
  const url = requireDatabaseUrl();
  const secret = searchHashSecret(env);
  if (!secret) throw new Error(`SEARCH_HASH_SECRET must be set in ${env.APP_MODE} mode (openssl rand -base64 33).`);
  await runMigrations(url);
  console.log("✔ Migrations applied");
  const { db, sql } = createDb(url, { max: 1 });
  const indexed = await indexPendingVersions(db, secret).finally(() => sql.end());
  if (indexed > 0) console.log(`✔ Search index: ${indexed} earlier versions indexed`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
