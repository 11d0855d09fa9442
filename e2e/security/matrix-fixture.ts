import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { generateApiKey } from "../../lib/api-keys/key-format";
import { embeddedDatabaseUrl } from "../../lib/db/embedded-url";
import { newOrgnr } from "../fixtures";
import type { MatrixFixture } from "./authorisation-matrix";

/** The database of the product under test (started by Playwright's webServer with E2E_PG_PORT). */
export function connectToProductDatabase() {
  return postgres(embeddedDatabaseUrl(Number(process.env.E2E_PG_PORT)), { max: 2, onnotice: () => {} });
}

/**
 * What the matrix needs beside the demo data, written straight into the database: an organisation
 * none of the demo users has, with a user, a failed submission and a bulk operation; in a demo
 * organisation an accepted submission (dated long ago, so no overview figure counts it) and a user.
 */
export async function createMatrixFixture(sql: postgres.Sql): Promise<MatrixFixture> {
  const [own] = await sql<
    { id: string; orgnr: string }[]
  >`select id, orgnr from organisations where orgnr = '310900125' order by created_at limit 1`;
  const [other] = await sql<{ id: string; orgnr: string }[]>`
    insert into organisations (orgnr, name) values (${newOrgnr()}, 'Matrise Annen AS') returning id, orgnr`;
  const user = async (organisationId: string, label: string) => {
    const [u] = await sql<{ id: string }[]>`
      insert into users (email, name, role) values (${`matrise-${label}-${randomUUID().slice(0, 8)}@innrapportering.test`}, ${`Matrise ${label}`}, 'manager') returning id`;
    await sql`insert into user_organisations (user_id, organisation_id) values (${u!.id}, ${organisationId})`;
    return u!.id;
  };
  const submission = async (organisationId: string, status: "accepted" | "failed") => {
    const id = randomUUID();
    const versionId = randomUUID();
    const at = new Date("2020-01-15T10:00:00Z");
    await sql.begin(async (tx) => {
      await tx`insert into submissions (id, organisation_id, kind, subject, status, current_version_id, created_at, updated_at, accepted_at)
               values (${id}, ${organisationId}, 'oar', ${`MATRISE-${status}`}, ${status}, ${versionId}, ${at}, ${at}, ${status === "accepted" ? at : null})`;
      await tx`insert into submission_versions (id, submission_id, version_no, payload, idempotency_key, created_at)
               values (${versionId}, ${id}, 1, ${tx.json({ matrise: true })}, ${randomUUID()}, ${at})`;
    });
    return id;
  };
  const otherSubmissionId = await submission(other!.id, "failed");
  const [operation] = await sql<{ id: string }[]>`
    insert into bulk_operations (kind, filter, total, status) values ('retry_same_key', '{}'::jsonb, 1, 'done') returning id`;
  await sql`insert into bulk_operation_members (operation_id, submission_id) values (${operation!.id}, ${otherSubmissionId})`;
  const otherUserId = await user(other!.id, "annen");
  const [view] = await sql<{ id: string }[]>`
    insert into saved_views (user_id, list, name, query) values (${otherUserId}, 'submissions', 'Matrise', 'status=failed') returning id`;
  const apiKey = async (createdBy: string, organisationId: string, scopes: string[]) => {
    const { key, publicId, secretHash } = generateApiKey();
    const [k] = await sql<{ id: string }[]>`
      insert into api_keys (name, public_id, secret_hash, scopes, expires_at, created_by)
      values ('Matrise', ${publicId}, ${secretHash}, ${scopes}, now() + interval '1 day', ${createdBy}) returning id`;
    await sql`insert into api_key_organisations (api_key_id, organisation_id) values (${k!.id}, ${organisationId})`;
    return { key, id: k!.id };
  };
  const [admin] = await sql<{ id: string }[]>`select id from users where email = 'admin@innrapportering.test'`;
  // A webhook of the other organisation, with a delivery already made (so the worker leaves it alone).
  const [webhook] = await sql<{ id: string }[]>`
    insert into webhook_subscriptions (name, url, events, secret, created_by)
    values ('Matrise', 'https://hooks.example.com/matrise', ${["submission.accepted"]}, 'whsec_bWF0cmlzZQ==', ${otherUserId})
    returning id`;
  await sql`insert into webhook_subscription_organisations (subscription_id, organisation_id) values (${webhook!.id}, ${other!.id})`;
  const [webhookDelivery] = await sql<{ id: string }[]>`
    insert into webhook_deliveries (subscription_id, organisation_id, event_type, payload, status, next_attempt_at, delivered_at)
    values (${webhook!.id}, ${other!.id}, 'submission.accepted', '{}'::jsonb, 'delivered', null, now()) returning id`;
  return {
    apiKey: (await apiKey(admin!.id, own!.id, ["read", "submit"])).key,
    readOnlyApiKey: (await apiKey(admin!.id, own!.id, ["read"])).key,
    otherApiKeyId: (await apiKey(otherUserId, other!.id, ["read"])).id,
    ownOrg: own!,
    otherOrg: other!,
    ownSubmissionId: await submission(own!.id, "accepted"),
    otherSubmissionId,
    otherBulkOperationId: operation!.id,
    ownUserId: await user(own!.id, "egen"),
    otherUserId,
    otherUsersViewId: view!.id,
    otherWebhookId: webhook!.id,
    otherWebhookDeliveryId: webhookDelivery!.id,
    unique: () => randomUUID().slice(0, 8),
  };
}

/**
 * A fingerprint of everything a request could change for a user: each table's rows, except what
 * the delivery worker changes on its own in the background (a submission's status, lease and
 * attempts; attempts; feedback), the sign-in and API rate counters and a key's last use. Audit
 * entries are compared by count and newest id.
 */
export async function databaseFingerprint(sql: postgres.Sql): Promise<Record<string, string>> {
  const rows = await sql<{ name: string; value: string }[]>`
    select 'users' as name, md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as value from users t
    union all select 'user_organisations', md5(coalesce(string_agg(t::text, '|' order by t.user_id, t.organisation_id), '')) from user_organisations t
    union all select 'organisations', md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from organisations t
    union all select 'sessions', md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from sessions t
    union all select 'submissions', md5(coalesce(string_agg(
      concat_ws(',', t.id, t.organisation_id, t.kind, t.subject, t.current_version_id, t.replaces_submission_id, t.queued_at, t.created_by,
        t.oar_contractor_name, t.oar_contract_value_nok, t.oar_start_date, t.oar_end_date), '|' order by t.id), ''))
      from submissions t
    union all select 'submission_versions', md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from submission_versions t
    union all select 'bulk_operations', md5(coalesce(string_agg(concat_ws(',', t.id, t.kind, t.filter, t.total, t.created_by), '|' order by t.id), '')) from bulk_operations t
    union all select 'bulk_operation_members', md5(coalesce(string_agg(t::text, '|' order by t.operation_id, t.submission_id), '')) from bulk_operation_members t
    union all select 'system_user_requests', md5(coalesce(string_agg(concat_ws(',', t.id, t.organisation_id, t.external_id, t.status), '|' order by t.id), '')) from system_user_requests t
    union all select 'saved_views', md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from saved_views t
    union all select 'api_keys', md5(coalesce(string_agg(concat_ws(',', t.id, t.public_id, t.secret_hash, t.scopes, t.expires_at, t.created_by, t.revoked_at), '|' order by t.id), '')) from api_keys t
    union all select 'api_key_organisations', md5(coalesce(string_agg(t::text, '|' order by t.api_key_id, t.organisation_id), '')) from api_key_organisations t
    -- Webhooks: what an admin changes; of deliveries, only the matrix's own (the worker delivers others meanwhile).
    union all select 'webhook_subscriptions', md5(coalesce(string_agg(concat_ws(',', t.id, t.name, t.url, t.events, t.secret, t.enabled), '|' order by t.id), '')) from webhook_subscriptions t
    union all select 'webhook_subscription_organisations', md5(coalesce(string_agg(t::text, '|' order by t.subscription_id, t.organisation_id), '')) from webhook_subscription_organisations t
    union all select 'webhook_deliveries', md5(coalesce(string_agg(concat_ws(',', t.id, t.status, t.round_attempts, t.next_attempt_at), '|' order by t.id), ''))
      from webhook_deliveries t where t.subscription_id in (select s.id from webhook_subscriptions s where s.name = 'Matrise')
    union all select 'api_idempotency_keys', concat(count(*), ':', md5(coalesce(string_agg(t.key, '|' order by t.key), ''))) from api_idempotency_keys t
    -- Every call with an API key is audited (api.request), also a refused one: not a change of anything it asked.
    union all select 'audit_log', concat(count(*), ':', max(id)) from audit_log where action <> 'api.request'`;
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}
