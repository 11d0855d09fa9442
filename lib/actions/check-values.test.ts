import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOrganisationSchema } from "@/lib/organisations/validation";
import { checkValues } from "./check-values";

describe("checkValues", () => {
  it("answers with the schema's output when the values pass", () => {
    expect(checkValues({ orgnr: "310 900 567", name: " Havbris AS " }, createOrganisationSchema)).toEqual({
      ok: true,
      data: { orgnr: "310900567", name: "Havbris AS" },
    });
  });

  it("names each failing field by its dotted path with the schema's message keys, as defineAction does", () => {
    const schema = z.object({
      a: z.object({ b: z.string().min(1, { message: "required" }) }),
      c: z.string({ message: "textInvalid" }),
    });
    expect(checkValues({ a: { b: "" } }, schema)).toEqual({
      ok: false,
      fieldErrors: { "a.b": ["required"], c: ["textInvalid"] },
    });
  });

  it("adds the extra rule's errors, also when the schema failed, so every problem shows at once", () => {
    const schema = z.object({ name: z.string().min(1, { message: "required" }), confirmed: z.boolean().optional() });
    const rule = (data: { confirmed?: boolean } | null) =>
      data?.confirmed ? undefined : { confirmed: ["notConfirmed"] };
    expect(checkValues({ name: "" }, schema, rule)).toEqual({
      ok: false,
      fieldErrors: { name: ["required"], confirmed: ["notConfirmed"] },
    });
    expect(checkValues({ name: "x" }, schema, rule)).toEqual({
      ok: false,
      fieldErrors: { confirmed: ["notConfirmed"] },
    });
    expect(checkValues({ name: "x", confirmed: true }, schema, rule)).toEqual({
      ok: true,
      data: { name: "x", confirmed: true },
    });
  });

  it("takes values as they are without a schema, still applying the rule", () => {
    const rule = (data: unknown) => (data === null ? { source: ["missingSource"] } : undefined);
    expect(checkValues("check", undefined, rule)).toEqual({ ok: true, data: "check" });
    expect(checkValues(null, undefined, rule)).toEqual({ ok: false, fieldErrors: { source: ["missingSource"] } });
  });
});
