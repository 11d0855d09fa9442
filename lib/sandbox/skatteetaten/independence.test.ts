import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.dirname(new URL(import.meta.url).pathname);

describe("the Skatteetaten sandbox", () => {
  it("takes nothing from our adapters or error catalogue, so it can catch them getting the contract wrong", () => {
    const offenders = readdirSync(DIR)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .filter((f) => /from\s+["'][^"']*lib\/reporting\//.test(readFileSync(path.join(DIR, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
