import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import nb from "./messages/nb.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message files", () => {
  it("have the same keys in bokmål and English, so no text is missing in either language", () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });
});
