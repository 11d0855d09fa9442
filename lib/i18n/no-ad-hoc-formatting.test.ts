import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Dates and numbers on screen go through lib/i18n/format.ts, so every view writes them alike
 * ("29. nov. 2026", "14,1 %"). This fails on formatting written by hand in the UI's code.
 */

const AD_HOC: { pattern: RegExp; why: string }[] = [
  { pattern: /\.toLocale(Date|Time)?String\(/, why: "toLocale*String: browser- and server-dependent" },
  { pattern: /\.toISOString\(\)\s*\.(slice|substring|split)\(/, why: "a cut ISO string: UTC, not Norwegian time" },
  { pattern: /new Intl\.(DateTimeFormat|NumberFormat)\(/, why: "a formatter of its own" },
  { pattern: /\b(dateStyle|timeStyle)\s*:/, why: "an inline preset of next-intl's format" },
  { pattern: /\b(useFormatter|getFormatter)\b/, why: "next-intl's formatter: a second way beside lib/i18n/format.ts" },
];

function adHocFormatting(source: string): string[] {
  return source
    .split("\n")
    .flatMap((line, i) => AD_HOC.filter((a) => a.pattern.test(line)).map((a) => `line ${i + 1}: ${a.why}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("dates and numbers in the UI", () => {
  it("recognises formatting written by hand", () => {
    expect(adHocFormatting("const d = new Date().toISOString().slice(0, 10);")).toHaveLength(1);
    expect(adHocFormatting("x.toLocaleDateString('nb')")).toHaveLength(1);
    expect(adHocFormatting("n.toLocaleString()")).toHaveLength(1);
    expect(adHocFormatting("new Intl.NumberFormat('nb')")).toHaveLength(1);
    expect(adHocFormatting('format.dateTime(d, { dateStyle: "long" })')).toHaveLength(1);
    expect(adHocFormatting("const format = await getFormatter();")).toHaveLength(1);
    expect(adHocFormatting("formatDate(locale, d)")).toEqual([]);
  });

  it("are formatted only by lib/i18n/format.ts in app/ and components/", () => {
    const root = path.resolve(__dirname, "../..");
    const found = ["app", "components"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .map((file) => path.relative(root, file))
      .flatMap((file) => adHocFormatting(readFileSync(path.join(root, file), "utf8")).map((hit) => `${file} ${hit}`));
    expect(found).toEqual([]);
  });
});
