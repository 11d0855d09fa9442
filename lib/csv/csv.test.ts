import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/testing/parse-csv";
import { CSV_BOM, csvCell, csvContentDisposition, csvRow, csvStream } from "./csv";

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("CSV", () => {
  it("quotes separators, quotes and line breaks so every value stays in its own cell", () => {
    const values = ['Fjellvind "Bygg" AS', "a;b", "line 1\nline 2", "x,y", "plain", ""];
    expect(csvRow(values)).toBe('"Fjellvind ""Bygg"" AS";"a;b";"line 1\nline 2";"x,y";plain;\r\n');
    expect(parseCsv(csvRow(values))).toEqual([values]);
  });

  it("defuses text that a spreadsheet would run as a formula, but leaves numbers alone", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+47 999")).toBe("'+47 999");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell(-7000)).toBe("-7000");
    expect(csvCell(null)).toBe("");
  });

  it("streams a BOM and the header first, then asks for one page at a time as the reader takes them", async () => {
    const requested: number[] = [];
    async function* pages() {
      for (let i = 1; i <= 3; i++) {
        requested.push(i);
        yield [[`row ${i}`, i]];
      }
    }
    const reader = csvStream(["Navn", "Nr"], pages()).getReader();
    const first = (await reader.read()).value!;
    // The UTF-8 byte order mark Excel needs to read the file as UTF-8, then the header.
    expect([...first.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(first)).toBe(`${CSV_BOM}Navn;Nr\r\n`);
    const second = new TextDecoder().decode((await reader.read()).value);
    expect(second).toBe("row 1;1\r\n");
    // The stream keeps at most one page ahead of the reader, never the whole set.
    expect(requested.length).toBeLessThanOrEqual(2);
    const rest: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(new TextDecoder().decode(r.value));
    expect(rest.join("")).toBe("row 2;2\r\nrow 3;3\r\n");
  });

  it("stops asking for pages when the client breaks off the download", async () => {
    let finished = false;
    async function* pages() {
      try {
        for (let i = 0; ; i++) yield [[i]];
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(["n"], pages()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("keeps æøå intact through the byte stream", async () => {
    async function* pages() {
      yield [["Blåbær Ørsta"]];
    }
    const text = await readAll(csvStream(["Navn"], pages()));
    expect(parseCsv(text)).toEqual([["Navn"], ["Blåbær Ørsta"]]);
  });

  it("names the file with the date in Norwegian time", () => {
    // 23:30 UTC on 31 December is already 1 January in Norway.
    expect(csvContentDisposition("innsendinger", new Date("2026-12-31T23:30:00Z"))).toBe(
      'attachment; filename="innsendinger-2027-01-01.csv"',
    );
  });
});
