import { describe, expect, it } from "vitest";
import { problem } from "./problem";

describe("problem details", () => {
  it("carries the English text of a message key as detail, but never a message's placeholders", () => {
    expect(problem(404, "not_found", { messageKey: "errors.notFound" }).detail).toMatch(/^[^{}]+$/);
    // "The filter is too large: at most {limit} submissions …" has no values here.
    const tooMany = problem(409, "conflict", { messageKey: "errorGroups.bulk.tooMany" });
    expect(tooMany).toMatchObject({ status: 409, code: "conflict" });
    expect(tooMany).not.toHaveProperty("detail");
    expect(problem(400, "validation", { messageKey: "no.such.key" })).not.toHaveProperty("detail");
  });
});
