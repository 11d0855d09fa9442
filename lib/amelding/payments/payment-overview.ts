import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { type CsvValue, csvAmount, csvStream } from "@/lib/csv/csv";
import type { Db, DbOrTx } from "@/lib/db/client";
import { ameldingFeedback, organisations, submissions, submissionVersions } from "@/lib/db/schema";
import type { Translator } from "@/lib/i18n/translator";
import { CURRENT_ACCEPTED, currentAcceptedIn } from "@/lib/overview/reported-amounts";
import { osloDate, shiftMonth } from "../deadlines";
import { arbeidsgiveravgiftTerm, forskuddstrekkDueDate } from "./payment-dates";

export type PaymentKind = "forskuddstrekk" | "arbeidsgiveravgift";
/** overdue: the due date has passed (we cannot see payments: the page asks to check it was paid). */
export type PaymentState = "upcoming" | "due_today" | "overdue";

export type PaymentItem = {
  organisation: { id: string; orgnr: string; name: string };
  kind: PaymentKind;
  kalendermaaned: string;
  /** forskuddstrekk: the salary payment date it was withheld at; arbeidsgiveravgift: null. */
  loennsutbetalingsdato: string | null;
  /** arbeidsgiveravgift: the two-month term (1–6) of the month. */
  term: number | null;
  dueDate: string;
  amount: number;
  /** From the A-melding's feedback, once fetched. */
  kontonummer: string | null;
  kid: string | null;
  state: PaymentState;
  submissionId: string;
};

/** The months shown: `fra`–`til` (YYYY-MM), at most 24; last month to next by default. */
export const paymentWindowSchema = z
  .object({
    fra: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .catch(undefined),
    til: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .catch(undefined),
  })
  .transform(({ fra, til }) => ({ fra, til }));

export const PAYMENT_WINDOW_MAX_MONTHS = 24;

export function paymentWindow(input: { fra?: string; til?: string }, today: string) {
  const current = today.slice(0, 7);
  let til = input.til ?? current;
  let fra = input.fra ?? shiftMonth(current, -2);
  if (fra > til) [fra, til] = [til, fra];
  if (fra < shiftMonth(til, -(PAYMENT_WINDOW_MAX_MONTHS - 1))) fra = shiftMonth(til, -(PAYMENT_WINDOW_MAX_MONTHS - 1));
  return { fra, til };
}

// What the stored payload's betalingsinformasjon holds (checked: a stored payload is data, not a promise).
const betalingsinformasjonSchema = z
  .object({
    sumArbeidsgiveravgift: z.coerce.number().finite().optional().catch(undefined),
    sumForskuddstrekkPerLoennsutbetalingsdato: z
      .array(
        z.object({
          loennsutbetalingsdato: z.iso.date(),
          beloep: z.coerce.number().finite(),
        }),
      )
      .max(400)
      .optional()
      .catch(undefined),
  })
  .partial();

function stateOf(dueDate: string, today: string): PaymentState {
  return dueDate > today ? "upcoming" : dueDate === today ? "due_today" : "overdue";
}

/**
 * What the user's organisations owe for the accepted A-meldinger of the months in the window:
 * forskuddstrekk per salary payment date and arbeidsgiveravgift per month with its term's due date,
 * with kontonummer and KID from each A-melding's feedback. A month's current A-melding is the one
 * accepted last (its latest replacement), as for the overview's reported amounts
 * (lib/overview/reported-amounts.ts). Ordered by due date, then organisation.
 */
export async function getPaymentOverview(
  db: DbOrTx,
  organisationIds: string[],
  window: { fra: string; til: string },
  now = new Date(),
): Promise<PaymentItem[]> {
  if (organisationIds.length === 0) return [];
  const today = osloDate(now);
  const rows = await db
    .selectDistinctOn(CURRENT_ACCEPTED.distinctOn, {
      submissionId: submissions.id,
      kalendermaaned: submissions.subject,
      organisation: { id: organisations.id, orgnr: organisations.orgnr, name: organisations.name },
      betalingsinformasjon: sql<unknown>`${submissionVersions.payload}->'oppgave'->'betalingsinformasjon'`,
      kontonummer: sql<string | null>`${ameldingFeedback.parsed}->'sums'->>'kontonummer'`,
      kid: sql<string | null>`${ameldingFeedback.parsed}->'sums'->>'kid'`,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .innerJoin(submissionVersions, eq(submissionVersions.id, submissions.currentVersionId))
    .leftJoin(ameldingFeedback, eq(ameldingFeedback.submissionId, submissions.id))
    .where(currentAcceptedIn(organisationIds, window.fra, window.til))
    .orderBy(...CURRENT_ACCEPTED.orderBy);

  const items: PaymentItem[] = [];
  for (const row of rows) {
    const parsed = betalingsinformasjonSchema.safeParse(row.betalingsinformasjon ?? {});
    if (!parsed.success) continue;
    const base = {
      organisation: row.organisation,
      kalendermaaned: row.kalendermaaned,
      kontonummer: row.kontonummer,
      kid: row.kid,
      submissionId: row.submissionId,
    };
    for (const line of parsed.data.sumForskuddstrekkPerLoennsutbetalingsdato ?? []) {
      const dueDate = forskuddstrekkDueDate(line.loennsutbetalingsdato);
      items.push({
        ...base,
        kind: "forskuddstrekk",
        loennsutbetalingsdato: line.loennsutbetalingsdato,
        term: null,
        dueDate,
        amount: Math.abs(line.beloep),
        state: stateOf(dueDate, today),
      });
    }
    if (parsed.data.sumArbeidsgiveravgift !== undefined) {
      const { term, dueDate } = arbeidsgiveravgiftTerm(row.kalendermaaned);
      items.push({
        ...base,
        kind: "arbeidsgiveravgift",
        loennsutbetalingsdato: null,
        term,
        dueDate,
        amount: parsed.data.sumArbeidsgiveravgift,
        state: stateOf(dueDate, today),
      });
    }
  }
  return items.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.organisation.name.localeCompare(b.organisation.name, "nb") ||
      a.kind.localeCompare(b.kind),
  );
}

/**
 * The payment list as CSV rows (lib/csv/csv.ts), recorded in the audit log before the first byte
 * like every export (lib/submissions/queries/export-csv.ts): no audit entry, no export. The list
 * is small (one row per salary date or month and organisation), so it is read whole.
 */
export async function startPaymentsExport(
  db: Db,
  user: AuditUser & { organisationIds: string[] },
  window: { fra: string; til: string },
  options: { t: Translator; locale: string; readDb?: Db },
) {
  const items = await getPaymentOverview(options.readDb ?? db, user.organisationIds, window);
  await db.transaction((tx) =>
    recordAudit(tx, userActor(user), {
      action: "payments.exported",
      targetType: "submission",
      organisationIds: user.organisationIds,
      details: { format: "csv", fromMonth: window.fra, toMonth: window.til, rowCount: items.length },
    }),
  );
  const { t, locale } = options;
  const header = [
    "dueDate",
    "organisation",
    "orgnr",
    "kind",
    "kalendermaaned",
    "loennsutbetalingsdato",
    "term",
    "amount",
    "kontonummer",
    "kid",
    "state",
  ].map((key) => t(`ameldingPayments.csv.${key}`));
  const rows: CsvValue[][] = items.map((i) => [
    i.dueDate,
    i.organisation.name,
    i.organisation.orgnr,
    t(
      i.kind === "forskuddstrekk"
        ? "ameldingPayments.csv.kindForskuddstrekk"
        : "ameldingPayments.csv.kindArbeidsgiveravgift",
    ),
    i.kalendermaaned,
    i.loennsutbetalingsdato,
    i.term,
    csvAmount(i.amount, locale),
    i.kontonummer,
    i.kid,
    t(`ameldingPayments.state.${i.state}`),
  ]);
  async function* pages() {
    yield rows;
  }
  return { rowCount: items.length, stream: csvStream(header, pages()) };
}
