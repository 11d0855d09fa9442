import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { AccessProblemState } from "@/lib/access-health/access-outcome";
import { addDays, ameldingDeadline, osloDate, shiftMonth, workingDaysUntil } from "@/lib/amelding/deadlines";
import type { DbOrTx } from "@/lib/db/client";
import { openOarObligations } from "@/lib/oppdrag/oar-obligations";
import type { ReconciliationView } from "@/lib/reconciliation/differences";
import { BOARD_PAGE_SIZE, BOARD_STATES, type BoardFilter, type BoardState } from "./board-filter";

/** The last 12 months, the current one and the next (docs/board.md). */
export const BOARD_PAST_MONTHS = 12;
export const BOARD_FUTURE_MONTHS = 1;

/** An OAR obligation (lib/oppdrag/oar-obligations.ts) whose deadline is this close counts as due (docs/board.md, "OAR"). */
export const OAR_DUE_WITHIN_DAYS = 7;

export type BoardMonth = {
  kalendermaaned: string;
  deadline: string;
  /** Working days after today up to the deadline (0: today; -1: passed), Norwegian holidays excluded. */
  workingDaysLeft: number;
};

export type BoardCell = {
  kalendermaaned: string;
  state: BoardState;
  /** The submission the state is about: the one sending or rejected, else the accepted one. */
  submissionId: string | null;
  /** A saved draft for the month, when nothing is sent yet. */
  draftId: string | null;
  avvisning: number;
  oyeblikkelig: number;
  retningslinje: number;
  /** For a month with an accepted A-melding: its reconciliation with Skatteetaten's report (docs/reconciliation.md). */
  reconciliation: ReconciliationView | null;
};

export type BoardRow = {
  id: string;
  orgnr: string;
  name: string;
  owner: { id: string; name: string } | null;
  /** The earliest deadline among months with work outstanding (overdue, not sent, rejected). */
  riskDeadline: string | null;
  oarDue: number;
  oarOverdue: number;
  /** When the organisation's access to Skatteetaten fails: how, and the last failure's code (docs/access-health.md). */
  access: { state: AccessProblemState; code: string | null } | null;
  cells: BoardCell[];
};

export type Board = {
  today: string;
  /** Newest first: the next month, the current one, then back 12. */
  months: BoardMonth[];
  rows: BoardRow[];
  /** Organisations matching the filter (all pages). */
  total: number;
  page: number;
  pageSize: number;
};

/** The board's months on `today` (YYYY-MM-DD, Norwegian time), newest first. */
export function boardMonths(today: string): BoardMonth[] {
  const current = today.slice(0, 7);
  return Array.from({ length: BOARD_PAST_MONTHS + BOARD_FUTURE_MONTHS + 1 }, (_, i) =>
    shiftMonth(current, BOARD_FUTURE_MONTHS - i),
  ).map((kalendermaaned) => {
    const deadline = ameldingDeadline(kalendermaaned);
    return { kalendermaaned, deadline, workingDaysLeft: workingDaysUntil(today, deadline) };
  });
}

const ORDER: Record<BoardFilter["sort"], SQL> = {
  // Nearest deadline with work outstanding first (an overdue month is nearer than any), then the
  // most rejected / Avvisning / Øyeblikkelig months, then by name.
  risk: sql`risk_deadline asc nulls last, serious desc, name asc, id asc`,
  name: sql`name asc, id asc`,
  orgnr: sql`orgnr asc, id asc`,
};

type Row = {
  id: string;
  orgnr: string;
  name: string;
  owner_id: string | null;
  owner_name: string | null;
  risk_deadline: string | null;
  total: number;
  oar_due: number;
  oar_overdue: number;
  access_state: AccessProblemState | null;
  access_code: string | null;
  cells: {
    m: string;
    s: BoardState;
    sid: string | null;
    did: string | null;
    av: number;
    oy: number;
    re: number;
    rc: ReconciliationView | null;
  }[];
};

/**
 * The board for the organisations in `organisationIds` (the caller's; scoped in the WHERE clause):
 * one set-based query derives every organisation-month's state from the facts kept for it
 * (board_month_facts), ranks the organisations and returns one page of them, each with its
 * cells' reconciliation and its access problem (docs/board.md). The page and GET /api/v1/board
 * both read it.
 */
export async function getBoard(
  db: DbOrTx,
  organisationIds: string[],
  viewer: { id: string },
  filter: BoardFilter,
  options: { now?: Date } = {},
): Promise<Board> {
  const today = osloDate(options.now ?? new Date());
  const months = boardMonths(today);
  const empty = { today, months, rows: [], total: 0, page: filter.page, pageSize: BOARD_PAGE_SIZE };
  if (organisationIds.length === 0) return empty;

  const currentMonth = today.slice(0, 7);
  const ownerCondition =
    filter.owner === undefined
      ? sql`true`
      : filter.owner === "none"
        ? sql`o.owner_user_id is null`
        : sql`o.owner_user_id = ${filter.owner === "mine" ? viewer.id : filter.owner}::uuid`;
  const textCondition = filter.q
    ? sql`(o.name ilike ${`%${escapeLike(filter.q)}%`} or o.orgnr like ${`${escapeLike(filter.q.replace(/\s/g, ""))}%`})`
    : sql`true`;
  // Sorting by risk or filtering by state ranks every organisation, from its timeline; either way
  // only the page's 50 rows' cells are derived.
  const rankAll = filter.sort === "risk" || filter.state.length > 0;
  const window = timelineWindow(months, today);

  const result = await db.execute<Row>(sql`
    with months as (
      select m.kalendermaaned, m.deadline::date as deadline
      from unnest(${sql.param(months.map((m) => m.kalendermaaned))}::text[], ${sql.param(months.map((m) => m.deadline))}::text[])
        as m(kalendermaaned, deadline)
    ),
    visible as (
      select o.id, o.orgnr, o.name, o.owner_user_id,
        (o.created_at at time zone 'Europe/Oslo')::date as tracked_from
      from organisations o
      where o.id = any(${sql.param(organisationIds)}::uuid[]) and ${ownerCondition} and ${textCondition}
    ),
    ${
      rankAll
        ? sql`${rankedFromTimelines(window)},
    page as (
      select r.id, r.orgnr, r.name, r.owner_user_id, r.tracked_from, r.risk_deadline, r.serious, count(*) over () as total
      from ranked r
      where ${stateCondition(filter.state, window)}
      order by ${ORDER[filter.sort]}
      limit ${BOARD_PAGE_SIZE} offset ${(filter.page - 1) * BOARD_PAGE_SIZE}
    )`
        : // Sorted by name or orgnr without a state filter: the page is chosen from the
          // organisations alone.
          sql`page as (
      select v.id, v.orgnr, v.name, v.owner_user_id, v.tracked_from, null::date as risk_deadline, 0 as serious,
        count(*) over () as total
      from visible v
      order by ${ORDER[filter.sort]}
      limit ${BOARD_PAGE_SIZE} offset ${(filter.page - 1) * BOARD_PAGE_SIZE}
    )`
    },
    cells as (${cellsOf(sql`page`, { currentMonth, today })})
    select pg.id, pg.orgnr, pg.name, pg.owner_user_id as owner_id, u.name as owner_name,
      to_char(pg.risk_deadline, 'YYYY-MM-DD') as risk_deadline, pg.total::int as total,
      coalesce(oar.due, 0) as oar_due, coalesce(oar.overdue, 0) as oar_overdue,
      ah.state as access_state, ah.code as access_code,
      json_agg(json_build_object('m', c.kalendermaaned, 's', c.state, 'sid', c.submission_id,
          'did', c.draft_id, 'av', c.avvisning, 'oy', c.oyeblikkelig, 're', c.retningslinje, 'rc', c.reconciliation)
        order by c.kalendermaaned desc) as cells
    from page pg
    join cells c on c.organisation_id = pg.id
    left join users u on u.id = pg.owner_user_id
    left join lateral (
      -- Open OAR obligations (the work starting, an arbeidstaker's first or last day, a change)
      -- whose deadline is near or passed: the same definition the deadline scan notifies.
      select count(*) filter (where due.deadline >= ${today}::date)::int as due,
        count(*) filter (where due.deadline < ${today}::date)::int as overdue
      from (${openOarObligations({
        organisationScope: sql`ob.organisation_id = pg.id`,
        deadlineFrom: null,
        deadlineTo: addDays(today, OAR_DUE_WITHIN_DAYS),
      })}) due
    ) oar on true
    left join lateral (
      -- The organisation's access problem, by primary key (docs/access-health.md); a healthy one has
      -- none. Limit 1 keeps it a lookup per page row rather than a join planned over the table.
      select h.state, h.last_failure_code as code from organisation_access_health h
      where h.organisation_id = pg.id and h.state <> 'ok' limit 1
    ) ah on true
    group by pg.id, pg.orgnr, pg.name, pg.owner_user_id, u.name, pg.risk_deadline, pg.serious, pg.total, oar.due, oar.overdue,
      ah.state, ah.code
    order by ${ORDER[filter.sort]}
  `);

  const rows = [...result] as Row[];
  return {
    ...empty,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      orgnr: r.orgnr,
      name: r.name,
      owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
      riskDeadline: r.risk_deadline,
      oarDue: r.oar_due,
      oarOverdue: r.oar_overdue,
      access: r.access_state ? { state: r.access_state, code: r.access_code } : null,
      cells: r.cells.map((c) => ({
        kalendermaaned: c.m,
        state: c.s,
        submissionId: c.sid,
        draftId: c.did,
        avvisning: c.av,
        oyeblikkelig: c.oy,
        retningslinje: c.re,
        reconciliation: c.rc,
      })),
    })),
  };
}

/**
 * Every organisation-month of `scope` (visible, or the page): its state from the maintained facts
 * (board_month_facts, docs/board.md); a month without a row has no A-melding at all.
 */
function cellsOf(scope: SQL, months: { currentMonth: string; today: string }) {
  const { currentMonth, today } = months;
  return sql`
      select v.id as organisation_id, m.kalendermaaned, m.deadline, f.draft_id,
        coalesce(f.avvisning, 0) as avvisning, coalesce(f.oyeblikkelig, 0) as oyeblikkelig,
        coalesce(f.retningslinje, 0) as retningslinje,
        case when o.open_after then f.open_id else f.accepted_id end as submission_id,
        -- Reconciled against the accepted A-melding that stands; one of an older one is not fetched.
        case when f.accepted_id is null then null when r.submission_id = f.accepted_id then r.state::text
          else 'not_fetched' end as reconciliation,
        case
          when o.open_after and f.open_status in ('queued', 'sending', 'retrying') then 'sending'
          when o.open_after then 'rejected'
          when f.accepted_id is not null then case
            when f.feedback_status in ('rejected', 'deviations') or f.avvisning + f.oyeblikkelig + f.retningslinje > 0
              then 'deviations'
            when f.feedback_status is null or f.feedback_status in ('waiting', 'error') then 'awaiting_feedback'
            when f.accepted_replaces then 'replaced'
            else 'accepted' end
          when m.kalendermaaned > ${currentMonth} then 'not_due'
          when m.deadline < ${today}::date then case when m.deadline < v.tracked_from then 'not_tracked' else 'overdue' end
          else 'not_sent'
        end as state
      from ${scope} v
      cross join months m
      -- By primary key for the page's months (a join was planned as a hash of the whole table).
      left join lateral (
        select * from board_month_facts f where f.organisation_id = v.id and f.kalendermaaned = m.kalendermaaned limit 1
      ) f on true
      left join lateral (
        select * from amelding_reconciliations r where r.organisation_id = v.id and r.kalendermaaned = m.kalendermaaned limit 1
      ) r on true
      cross join lateral (
        -- Sent after the last acceptance (or with none): that one is what stands.
        select f.open_id is not null and (f.accepted_at is null or f.open_created_at > f.accepted_at) as open_after
      ) o
  `;
}

/**
 * The board's window as positions in an organisation's timeline string (board_organisation_timelines,
 * docs/board.md "Ranking"): oldest month first, so position 1 is the oldest month shown.
 */
type TimelineWindow = {
  /** The oldest month as months since year 0 (board_month_number in SQL). */
  firstMonthNumber: number;
  /** The months' deadlines, oldest first. */
  deadlines: string[];
  /** The current month's position. */
  current: number;
  /** The first position whose deadline is today or later (before it, deadlines have passed). */
  open: number;
};

function timelineWindow(months: BoardMonth[], today: string): TimelineWindow {
  const oldestFirst = [...months].reverse();
  const oldest = oldestFirst[0]?.kalendermaaned ?? today.slice(0, 7);
  return {
    firstMonthNumber: Number(oldest.slice(0, 4)) * 12 + Number(oldest.slice(5, 7)) - 1,
    deadlines: oldestFirst.map((m) => m.deadline),
    current: BOARD_PAST_MONTHS + 1,
    open: oldestFirst.filter((m) => m.deadline < today).length + 1,
  };
}

/**
 * Every visible organisation with its window string `w` (one letter per month, oldest first; see
 * drizzle/0025_speed.sql for the letters, "-" where nothing is sent or accepted), `tracked` (the
 * first position whose deadline is on or after the day the organisation was added), its risk
 * deadline and its number of serious months: one row of board_organisation_timelines per
 * organisation instead of its 14 months.
 */
function rankedFromTimelines(window: TimelineWindow) {
  const length = window.deadlines.length;
  const deadlines = sql`${sql.param(window.deadlines)}::text[]::date[]`;
  // Months with work outstanding and nothing sent: from the first one tracked (or not yet past
  // its deadline) to the current month.
  const outstandingFrom = sql`least(x.tracked, ${window.open}::int)`;
  const outstanding = sql`substr(x.w, ${outstandingFrom}, greatest(0, ${window.current}::int - ${outstandingFrom} + 1))`;
  // Materialised: each organisation's window string is built once, not once per use below.
  return sql`windows as materialized (
      select v.id, v.orgnr, v.name, v.owner_user_id, v.tracked_from,
        rpad(substr(repeat('-', greatest(0, 1 - p.start)) || coalesce(t.timeline, ''), greatest(p.start, 1), ${length}::int), ${length}::int, '-') as w,
        width_bucket(v.tracked_from - 1, ${deadlines}) + 1 as tracked
      from visible v
      left join board_organisation_timelines t on t.organisation_id = v.id
      cross join lateral (select ${window.firstMonthNumber}::int - coalesce(board_month_number(t.first_month), ${window.firstMonthNumber}::int) + 1 as start) p
    ),
    ranked as (
      select x.*,
        (${deadlines})[least(nullif(strpos(x.w, 'R'), 0),
          case when strpos(${outstanding}, '-') > 0 then ${outstandingFrom} - 1 + strpos(${outstanding}, '-') end)] as risk_deadline,
        length(x.w) - length(translate(x.w, 'SRD', '')) as serious
      from windows x
    )`;
}

/** Organisations with at least one month of one of `states` in the window (`r` a row of rankedFromTimelines). */
function stateCondition(states: BoardState[], window: TimelineWindow): SQL {
  if (states.length === 0 || states.length === BOARD_STATES.length) return sql`true`;
  const { current, open } = window;
  const dashIn = (from: SQL, count: SQL) => sql`strpos(substr(r.w, ${from}, greatest(0, ${count})), '-') > 0`;
  const byState: Record<BoardState, SQL> = {
    sending: sql`r.w ~ '[sS]'`,
    rejected: sql`strpos(r.w, 'R') > 0`,
    deviations: sql`r.w ~ '[dD]'`,
    awaiting_feedback: sql`strpos(r.w, 'w') > 0`,
    replaced: sql`strpos(r.w, 'p') > 0`,
    accepted: sql`strpos(r.w, 'a') > 0`,
    not_due: dashIn(sql`${current + 1}::int`, sql`${window.deadlines.length - current}::int`),
    not_sent: dashIn(sql`${open}::int`, sql`${current - open + 1}::int`),
    overdue: dashIn(sql`r.tracked`, sql`${open}::int - r.tracked`),
    not_tracked: dashIn(sql`1`, sql`least(r.tracked, ${open}::int) - 1`),
  };
  return sql`(${sql.join(
    states.map((state) => byState[state]),
    sql` or `,
  )})`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
