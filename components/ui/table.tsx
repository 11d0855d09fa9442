import { Fragment, type ReactNode } from "react";

export type TableColumn<Row> = {
  /** Unique among the columns. */
  key: string;
  header: ReactNode;
  /** Not needed when the table's `renderRow` renders the rows. */
  cell?: (row: Row) => ReactNode;
  /** Added to the header and every cell of the column (e.g. `text-right`, `whitespace-nowrap`). */
  className?: string;
  /** In card mode, shown first in each card (the status). */
  primary?: boolean;
  /** In card mode, the cell's label when `header` is not plain text. */
  cardLabel?: string;
};

/** Classes of a cell, for rows a component renders itself (`renderRow`). */
export const tableCellClass = "px-4 py-2";

/*
 * Card mode (`cards`): below the sm breakpoint each row is a card, the `primary` column first and
 * every other cell under its column's name, so a list fits a phone without scrolling sideways.
 * The elements keep their table roles explicitly, since restyling a table's display can make a
 * browser drop its table semantics.
 */
const CARD = {
  table: "max-sm:block",
  thead: "max-sm:sr-only",
  tbody: "max-sm:block max-sm:space-y-3 max-sm:p-3",
  row: "max-sm:flex max-sm:flex-col max-sm:gap-2 max-sm:rounded max-sm:border max-sm:border-line max-sm:p-3",
  cell: "max-sm:block max-sm:p-0 max-sm:break-words max-sm:whitespace-normal max-sm:text-left max-sm:before:block max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-muted max-sm:before:content-[attr(data-label)]",
  primaryCell: "max-sm:order-first max-sm:before:hidden",
};

/**
 * The one data table: a caption for assistive technology, column headers with `scope`, the
 * empty state instead of an empty table, and horizontal scrolling on narrow screens, or cards
 * there for lists (`cards`). Columns say what each cell shows; a row that holds its own state
 * (a form) renders itself.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
  renderRow,
  empty,
  before,
  cellClassName = tableCellClass,
  cards = false,
}: {
  caption?: string;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  /** A whole `<tr>` for rows with their own state; it uses `tableCellClass` for its cells. */
  renderRow?: (row: Row) => ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Shown above the table, inside its frame (e.g. "refreshing"). */
  before?: ReactNode;
  /** Padding of header and body cells; `px-4 py-3` for roomy rows. */
  cellClassName?: string;
  /** Rows become cards on narrow screens (see CARD); not with `renderRow`. */
  cards?: boolean;
}) {
  if (rows.length === 0) return <p className="rounded border border-line bg-white p-4">{empty}</p>;
  const card = cards && !renderRow;
  const role = (name: string) => (card ? name : undefined);
  return (
    <section
      // A table wider than a phone scrolls sideways in its frame; the frame takes focus so keyboard
      // users can scroll it (axe: scrollable-region-focusable), and is named by the caption.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so keyboard users can scroll it
      tabIndex={0}
      aria-label={caption}
      // `relative`: screen-reader-only text in a cell is positioned absolutely; without a positioned
      // scroll container it escapes the scrolling and widens the whole page on a phone.
      className={`relative ${card ? "sm:overflow-x-auto" : "overflow-x-auto"} rounded border border-line bg-white`}
    >
      {before}
      <table className={`w-full text-left text-sm ${card ? CARD.table : ""}`} role={role("table")}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={card ? CARD.thead : undefined} role={role("rowgroup")}>
          <tr className="border-b-2 border-line" role={role("row")}>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`${cellClassName} ${c.className ?? ""}`}
                role={role("columnheader")}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={card ? CARD.tbody : undefined} role={role("rowgroup")}>
          {rows.map((row) =>
            renderRow ? (
              <Fragment key={rowKey(row)}>{renderRow(row)}</Fragment>
            ) : (
              <tr
                key={rowKey(row)}
                className={`border-b border-line align-top ${card ? CARD.row : ""}`}
                data-testid={rowTestId?.(row)}
                role={role("row")}
              >
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={`${cellClassName} ${c.className ?? ""} ${card ? `${CARD.cell} ${c.primary ? CARD.primaryCell : ""}` : ""}`}
                    role={role("cell")}
                    data-label={
                      card ? (c.cardLabel ?? (typeof c.header === "string" ? c.header : undefined)) : undefined
                    }
                  >
                    {c.cell?.(row)}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}
