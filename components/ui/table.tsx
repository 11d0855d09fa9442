import { Fragment, type ReactNode } from "react";

export type TableColumn<Row> = {
  /** Unique among the columns. */
  key: string;
  header: ReactNode;
  /** Not needed when the table's `renderRow` renders the rows. */
  cell?: (row: Row) => ReactNode;
  /** Added to the header and every cell of the column (e.g. `text-right`, `whitespace-nowrap`). */
  className?: string;
};

/** Classes of a cell, for rows a component renders itself (`renderRow`). */
export const tableCellClass = "px-4 py-2";

/**
 * The one data table: a caption for assistive technology, column headers with `scope`, the
 * empty state instead of an empty table, and horizontal scrolling on narrow screens. Columns
 * say what each cell shows; a row that holds its own state (a form) renders itself.
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
}) {
  if (rows.length === 0) return <p className="rounded border border-line bg-white p-4">{empty}</p>;
  return (
    <section
      // A table wider than a phone scrolls sideways in its frame; the frame takes focus so keyboard
      // users can scroll it (axe: scrollable-region-focusable), and is named by the caption.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so keyboard users can scroll it
      tabIndex={0}
      aria-label={caption}
      // `relative`: screen-reader-only text in a cell is positioned absolutely; without a positioned
      // scroll container it escapes the scrolling and widens the whole page on a phone.
      className="relative overflow-x-auto rounded border border-line bg-white"
    >
      {before}
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b-2 border-line">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${cellClassName} ${c.className ?? ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            renderRow ? (
              <Fragment key={rowKey(row)}>{renderRow(row)}</Fragment>
            ) : (
              <tr key={rowKey(row)} className="border-b border-line align-top" data-testid={rowTestId?.(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={`${cellClassName} ${c.className ?? ""}`}>
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
