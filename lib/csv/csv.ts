/**
 * CSV as Excel in Norwegian expects it: semicolon-separated (Excel's list separator in the
 * Norwegian locale; a comma would put every row in one column), CRLF line ends, UTF-8 with a BOM
 * so æøå survive, and RFC 4180 quoting.
 */
export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs (CSV
// injection); a leading apostrophe makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const amountFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as a number Excel reads in the locale: decimal separator of the locale, no grouping.
 * One formatter per locale: making one costs more than the rest of a row.
 */
export function csvAmount(value: number | null, locale: string): string | null {
  if (value === null) return null;
  let format = amountFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
    amountFormats.set(locale, format);
  }
  return format.format(value);
}

export function csvRow(values: readonly CsvValue[]): string {
  // One string built in place: no array of cells per row (an export writes millions of cells).
  let line = "";
  for (let i = 0; i < values.length; i++) line += i === 0 ? csvCell(values[i]) : CSV_SEPARATOR + csvCell(values[i]);
  return `${line}\r\n`;
}

/**
 * A CSV file as a byte stream that asks `pages` for the next rows only when the client has
 * taken the previous ones, so memory holds one page whatever the size of the export.
 */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterable<readonly CsvValue[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        let text = "";
        for (const row of next.value) text += csvRow(row);
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One page at a time: pull() runs again only once the previous chunk has been read.
    { highWaterMark: 1 },
  );
}

/** `attachment; filename="innsendinger-2026-11-20.csv"` with the date in Norwegian time. */
export function csvContentDisposition(basename: string, now: Date): string {
  const date = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
  return `attachment; filename="${basename}-${date}.csv"`;
}

export function csvResponse(stream: ReadableStream<Uint8Array>, basename: string, now = new Date()): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": csvContentDisposition(basename, now),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
