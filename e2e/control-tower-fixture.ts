import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { newOrgnr } from "./fixtures";

/*
 * An accounting firm as issue 18's e2e describes it: one payroll administrator with 50 client
 * organisations, the three demo organisations (whose system users the sandbox knows, so they can
 * really send) and 47 written straight into the database. The 47 became clients in mid-September
 * 2026 and had September to November 2026 accepted with clean feedback, except one whose November
 * is not sent. Synthetic data only: orgnr from the 39… range, no persons.
 */

export const FIRM_CLIENTS = 47;
/** The demo organisations (lib/db/seed.ts, which only the server may import). */
const DEMO_ORGNRS = ["310900125", "310900230", "310900346"];
/** Each seeded client became one on this day: months whose deadline passed before are not asked for. */
const CLIENT_SINCE = "2026-09-15T08:00:00Z";
const SENT_MONTHS = ["2026-09", "2026-10", "2026-11"] as const;

export type Firm = {
  email: string;
  clients: { id: string; orgnr: string; name: string }[];
  /** The client whose November 2026 A-melding is not sent. */
  notSent: { id: string; orgnr: string; name: string };
};

export async function seedAccountingFirm(sql: postgres.Sql): Promise<Firm> {
  const tag = randomUUID().slice(0, 8);
  const email = `regnskap-${tag}@innrapportering.test`;
  return sql.begin(async (tx) => {
    // The firm's administrator signs in with the demo password (its hash is the demo admin's).
    const [user] = await tx<{ id: string }[]>`
      insert into users (email, name, role, password_hash)
      select ${email}, 'Regine Regnskapsfører', 'admin', password_hash from users where email = 'admin@innrapportering.test'
      returning id`;
    const clients: Firm["clients"] = [];
    for (let n = 1; n <= FIRM_CLIENTS; n++) {
      const [org] = await tx<{ id: string; orgnr: string; name: string }[]>`
        insert into organisations (orgnr, name, created_at)
        values (${newOrgnr()}, ${`Klient ${String(n).padStart(2, "0")} ${tag} AS`}, ${CLIENT_SINCE})
        returning id, orgnr, name`;
      clients.push(org!);
      await tx`insert into system_user_requests (organisation_id, external_id, status, rights, decided_at, last_checked_at)
               values (${org!.id}, ${randomUUID()}, 'accepted', '[]'::jsonb, now(), now())`;
    }
    const demo = await tx<{ id: string }[]>`
      select distinct on (orgnr) id from organisations
      where orgnr in ${tx(DEMO_ORGNRS)} order by orgnr, created_at`;
    for (const org of [...clients, ...demo]) {
      await tx`insert into user_organisations (user_id, organisation_id) values (${user!.id}, ${org.id})`;
    }
    const notSent = clients[FIRM_CLIENTS - 1]!;
    for (const org of clients) {
      for (const month of SENT_MONTHS) {
        if (org === notSent && month === "2026-11") continue;
        await acceptedAmelding(tx, org.id, month);
      }
    }
    return { email, clients, notSent };
  }) as Promise<Firm>;
}

/** An A-melding accepted by Skatteetaten on the 3rd of the month after, with clean feedback. */
async function acceptedAmelding(tx: postgres.TransactionSql, organisationId: string, month: string) {
  const id = randomUUID();
  const versionId = randomUUID();
  const [year, m] = month.split("-").map(Number) as [number, number];
  const acceptedAt = new Date(Date.UTC(year, m, 3, 10));
  await tx`insert into submissions (id, organisation_id, kind, subject, status, current_version_id, created_at, updated_at, queued_at, accepted_at)
           values (${id}, ${organisationId}, 'amelding', ${month}, 'accepted', ${versionId}, ${acceptedAt}, ${acceptedAt}, ${acceptedAt}, ${acceptedAt})`;
  await tx`insert into submission_versions (id, submission_id, version_no, payload, idempotency_key, created_at)
           values (${versionId}, ${id}, 1, ${tx.json({ seeded: true })}, ${randomUUID()}, ${acceptedAt})`;
  await tx`insert into amelding_feedback (submission_id, status, received_at, parsed)
           values (${id}, 'ok', ${acceptedAt}, ${tx.json({
             outcome: "accepted",
             statedResult: "GODKJENT",
             deviations: [],
             sums: {
               sumForskuddstrekk: null,
               sumArbeidsgiveravgift: null,
               kontonummer: null,
               kid: null,
               forfallsdato: null,
             },
             meldingsId: null,
             forsendelseId: null,
             processedAt: null,
           })})`;
}
