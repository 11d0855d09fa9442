import { describe, expect, it } from "vitest";
import { maskPersonalNumbers } from "./mask-personal-data";

describe("maskPersonalNumbers", () => {
  it("masks the birth date part of 11-digit numbers wherever they stand", () => {
    expect(maskPersonalNumbers('{"norskIdentifikator":"01019012345"}')).toBe('{"norskIdentifikator":"******12345"}');
  });

  it("leaves organisation numbers, amounts and longer digit runs alone", () => {
    expect(maskPersonalNumbers("310900125 and 450000.00 and 123456789012")).toBe(
      "310900125 and 450000.00 and 123456789012",
    );
  });
});
