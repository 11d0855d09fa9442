import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Legend } from "@/components/ui/legend";
import { DEADLINE_WARNING_WORKING_DAYS } from "@/lib/amelding/deadlines";
import { BOARD_STATES, type BoardState } from "@/lib/board/board-filter";
import type { Board, BoardCell, BoardMonth, BoardRow } from "@/lib/board/board-query";
import { formatter } from "@/lib/i18n/format";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { OwnerSelect } from "./owner-select";

/** Colour only supports the mark and the text; every cell says its state in words. */
const TONE: Record<BoardState, string> = {
  overdue: "bg-danger-light text-danger font-semibold",
  not_sent: "bg-white text-ink",
  rejected: "bg-danger-light text-danger font-semibold",
  sending: "bg-brand-light text-ink",
  deviations: "bg-warning-light text-ink font-semibold",
  awaiting_feedback: "bg-success-light text-ink",
  replaced: "bg-success-light text-success",
  accepted: "bg-success-light text-success",
  not_due: "bg-white text-muted",
  not_tracked: "bg-surface text-muted",
};

const MARK: Record<BoardState, string> = {
  overdue: "✕",
  not_sent: "○",
  rejected: "✕",
  sending: "↻",
  deviations: "!",
  awaiting_feedback: "✓",
  replaced: "✓",
  accepted: "✓",
  not_due: "·",
  not_tracked: "–",
};

export type BoardViewer = {
  /** May open the builder (submission:edit). */
  canEdit: boolean;
  /** May set owners (organisation:manage): the users offered per organisation. */
  ownerCandidates: { id: string; name: string; organisationIds: string[] }[] | null;
};

/** Where a cell leads: what must be done for that organisation-month. */
function cellHref(row: BoardRow, cell: BoardCell, viewer: BoardViewer): string {
  if (cell.submissionId) return `/innsendinger/${cell.submissionId}`;
  if (viewer.canEdit && (cell.state === "overdue" || cell.state === "not_sent" || cell.state === "not_due"))
    return cell.draftId
      ? `/a-melding/ny?utkast=${cell.draftId}`
      : `/a-melding/ny?${new URLSearchParams({ org: row.id, maaned: cell.kalendermaaned })}`;
  return `/innsendinger?${filterToSearchParams({ kind: "amelding", org: row.id, period: cell.kalendermaaned })}`;
}

/** The cell states of a month whose accepted A-melding stands, where its reconciliation is shown (docs/reconciliation.md). */
const RECONCILED_STATES: readonly BoardState[] = ["accepted", "replaced", "deviations", "awaiting_feedback"];
const RECONCILIATION_MARK = { reconciled: "=", differs: "≠", not_fetched: "?", failed: "✕" } as const;

export async function BoardTable({ board, viewer }: { board: Board; viewer: BoardViewer }) {
  const t = await getTranslations("board");
  const tAccess = await getTranslations("accessHealth");
  const tr = await getTranslations("reconciliation.board");
  const trHelp = await getTranslations("reconciliation.stateHelp");
  const format = formatter(await getLocale());
  const monthOf = new Map(board.months.map((m) => [m.kalendermaaned, m]));

  const details = (cell: BoardCell, month: BoardMonth | undefined): string[] => {
    const lines: string[] = [];
    if (cell.state === "not_sent" && month) lines.push(t("workingDaysLeft", { count: month.workingDaysLeft }));
    if (cell.avvisning) lines.push(t("severity.avvisning", { count: cell.avvisning }));
    if (cell.oyeblikkelig) lines.push(t("severity.oyeblikkelig", { count: cell.oyeblikkelig }));
    if (cell.retningslinje) lines.push(t("severity.retningslinje", { count: cell.retningslinje }));
    return lines;
  };

  const oarText = (row: BoardRow) =>
    [
      row.oarOverdue ? t("oarOverdue", { count: row.oarOverdue }) : null,
      row.oarDue ? t("oarDue", { count: row.oarDue }) : null,
    ]
      .filter(Boolean)
      .join(", ") || t("oarNone");

  const stickyHead = "sticky top-0 z-10 bg-white";
  return (
    <>
      <section
        aria-labelledby="board-caption"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so keyboard users can scroll it (axe: scrollable-region-focusable)
        tabIndex={0}
        className="relative max-h-[75vh] overflow-auto rounded border border-line bg-white"
        data-testid="board"
      >
        <table className="border-separate border-spacing-0 text-left text-sm">
          <caption id="board-caption" className="px-4 py-2 text-left font-semibold">
            {t("caption", { today: format.date(board.today) })}
          </caption>
          <thead>
            <tr className="align-bottom">
              <th scope="col" className={`${stickyHead} left-0 z-20 min-w-48 border-b-2 border-line px-3 py-2`}>
                {t("organisation")}
              </th>
              <th scope="col" className={`${stickyHead} border-b-2 border-line px-2 py-2`}>
                {t("oar")}
              </th>
              {board.months.map((m) => (
                <th
                  key={m.kalendermaaned}
                  scope="col"
                  className={`${stickyHead} border-b-2 border-line px-2 py-2 whitespace-nowrap`}
                >
                  {format.month(m.kalendermaaned)}
                  <div className="text-xs font-normal text-muted">
                    {t("deadline", { date: format.dayMonth(m.deadline) })}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.id} className="align-top" data-testid={`board-row-${row.orgnr}`}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 min-w-48 border-b border-line bg-white px-3 py-2 font-normal"
                >
                  <span className="font-medium">{row.name}</span>
                  <div className="text-xs text-muted tabular-nums">{formatOrgnr(row.orgnr)}</div>
                  <AccessMark row={row} t={tAccess} />
                  <div className="mt-1 text-xs">
                    {viewer.ownerCandidates ? (
                      <OwnerSelect
                        organisationId={row.id}
                        organisationName={row.name}
                        ownerUserId={row.owner?.id ?? null}
                        candidates={viewer.ownerCandidates.filter(
                          (c) => c.organisationIds.includes(row.id) || c.id === row.owner?.id,
                        )}
                      />
                    ) : (
                      <span data-testid="board-owner">
                        {t("owner")}: {row.owner?.name ?? t("noOwner")}
                      </span>
                    )}
                  </div>
                </th>
                <td className="border-b border-line px-2 py-2 text-xs">
                  <Link
                    href={`/oppdrag?${filterToSearchParams({ org: row.id })}`}
                    aria-label={t("oarLabel", { organisation: row.name, text: oarText(row) })}
                    className={row.oarOverdue ? "font-semibold text-danger" : "text-inherit"}
                  >
                    {row.oarOverdue ? <span aria-hidden="true">✕ </span> : null}
                    {oarText(row)}
                  </Link>
                </td>
                {row.cells.map((cell) => {
                  const month = monthOf.get(cell.kalendermaaned);
                  const lines = details(cell, month);
                  const urgent =
                    cell.state === "not_sent" && month && month.workingDaysLeft <= DEADLINE_WARNING_WORKING_DAYS;
                  const stateText = t(`state.${cell.state}`);
                  const label = [
                    t("cellLabel", {
                      organisation: row.name,
                      month: format.month(cell.kalendermaaned),
                      state: stateText,
                    }),
                    ...lines,
                  ].join(", ");
                  return (
                    <td
                      key={cell.kalendermaaned}
                      className={`border-b border-line px-2 py-2 ${urgent ? "bg-danger-light text-danger font-semibold" : TONE[cell.state]}`}
                      data-testid={`board-cell-${row.orgnr}-${cell.kalendermaaned}`}
                      data-state={cell.state}
                    >
                      <Link
                        href={cellHref(row, cell, viewer)}
                        aria-label={label}
                        className="block text-inherit no-underline hover:underline"
                      >
                        <span aria-hidden="true">{MARK[cell.state]} </span>
                        {stateText}
                        {lines.map((line) => (
                          <span key={line} className="block text-xs font-normal whitespace-nowrap">
                            {line}
                          </span>
                        ))}
                      </Link>
                      {cell.reconciliation && RECONCILED_STATES.includes(cell.state) && (
                        <Link
                          href={`/avstemming/${row.id}/${cell.kalendermaaned}`}
                          aria-label={tr("linkLabel", {
                            organisation: row.name,
                            month: format.month(cell.kalendermaaned),
                            state: tr(cell.reconciliation),
                          })}
                          className={`mt-1 block text-xs whitespace-nowrap ${cell.reconciliation === "differs" || cell.reconciliation === "failed" ? "font-semibold text-danger" : "font-normal text-inherit"}`}
                          data-testid="board-reconciliation"
                          data-reconciliation={cell.reconciliation}
                        >
                          <span aria-hidden="true">{RECONCILIATION_MARK[cell.reconciliation]} </span>
                          {tr(cell.reconciliation)}
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Legend title={t("legendTitle")}>
        {BOARD_STATES.map((state) => (
          <div key={state} className="contents">
            <dt className="font-medium">
              <span aria-hidden="true">{MARK[state]} </span>
              {t(`state.${state}`)}
            </dt>
            <dd className="text-muted">{t(`stateHelp.${state}`)}</dd>
          </div>
        ))}
      </Legend>
      <Legend title={tr("legendTitle")}>
        {(Object.keys(RECONCILIATION_MARK) as (keyof typeof RECONCILIATION_MARK)[]).map((state) => (
          <div key={state} className="contents">
            <dt className="font-medium">
              <span aria-hidden="true">{RECONCILIATION_MARK[state]} </span>
              {tr(state)}
            </dt>
            <dd className="text-muted">{trHelp(state)}</dd>
          </div>
        ))}
      </Legend>
    </>
  );
}

/** A row's access problem, linking to its fix (docs/access-health.md). */
function AccessMark({ row, t }: { row: BoardRow; t: Awaited<ReturnType<typeof getTranslations<"accessHealth">>> }) {
  const problem = row.access;
  if (!problem) return null;
  const state = t(`state.${problem.state}`);
  return (
    <Link
      href={`/organisasjoner/${row.id}/tilgang`}
      aria-label={t("boardLabel", { organisation: row.name, state })}
      className="mt-1 block text-xs font-semibold text-danger"
      data-testid={`board-access-${row.orgnr}`}
      data-state={problem.state}
    >
      <span aria-hidden="true">⚠ </span>
      {t("boardMark", { state })}
    </Link>
  );
}
