import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { FORM_DATA_LIMITS, parseFormData } from "./form-data";

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const refusal = (entries: [string, string][]) => {
  const result = parseFormData(form(entries));
  return result.ok ? null : result.refusal;
};

describe("parseFormData", () => {
  it("keeps single fields as strings and groups [] fields into arrays", () => {
    const fd = new FormData();
    fd.set("email", "a@b.test");
    fd.append("organisationIds[]", "o1");
    fd.append("organisationIds[]", "o2");
    fd.append("single[]", "only");
    expect(parseFormData(fd)).toEqual({
      ok: true,
      value: { email: "a@b.test", organisationIds: ["o1", "o2"], single: ["only"] },
    });
  });

  it("builds nested objects and arrays from dotted names, closing gaps left by removed rows", () => {
    const fd = new FormData();
    fd.set("oppdrag.arbeidssted.type", "land");
    fd.set("oppdrag.startdato", "2026-11-01");
    fd.set("vedlegg.0.type", "kontrakt");
    fd.set("vedlegg.2.type", "id_dokument");
    expect(parseFormData(fd)).toEqual({
      ok: true,
      value: {
        oppdrag: { arbeidssted: { type: "land" }, startdato: "2026-11-01" },
        vedlegg: [{ type: "kontrakt" }, { type: "id_dokument" }],
      },
    });
  });

  it("drops Next's internal action fields", () => {
    const fd = new FormData();
    fd.set("$ACTION_ID_abc", "");
    fd.set("name", "x");
    expect(parseFormData(fd)).toEqual({ ok: true, value: { name: "x" } });
  });

  it("refuses names that reach or shadow the prototype, and leaves Object.prototype alone", () => {
    for (const name of [
      "__proto__.q",
      "a.__proto__.q",
      "constructor.prototype.q",
      "a.constructor",
      "prototype",
      "toString",
      "x.0.__proto__",
    ]) {
      expect(refusal([[name, "1"]]), name).toMatchObject({ code: "forbiddenKey", path: [name] });
    }
    expect(({} as Record<string, unknown>).q).toBeUndefined();
  });

  it("refuses a huge array index at once instead of building a sparse array", () => {
    const started = performance.now();
    expect(refusal([["x.4294967294", "1"]])).toMatchObject({ code: "arrayIndexInvalid" });
    expect(refusal([["x.4294967294.y", "1"]])).toMatchObject({ code: "arrayIndexInvalid" });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("takes an index only when the number of fields can fill the list up to it, and without leading zeros", () => {
    expect(
      parseFormData(
        form([
          ["v.0", "a"],
          ["v.1", "b"],
        ]),
      ),
    ).toMatchObject({ ok: true });
    expect(
      refusal([
        ["v.0", "a"],
        ["v.2", "b"],
      ]),
    ).toMatchObject({ code: "arrayIndexInvalid", limit: 1 });
    expect(
      refusal([
        ["v.0", "a"],
        ["v.01", "b"],
      ]),
    ).toMatchObject({ code: "arrayIndexInvalid" });
  });

  it("refuses names that cannot both hold", () => {
    expect(
      refusal([
        ["a", "1"],
        ["a.b", "2"],
      ]),
    ).toMatchObject({ code: "fieldConflict", path: ["a.b"] });
    expect(
      refusal([
        ["a.b", "2"],
        ["a", "1"],
      ]),
    ).toMatchObject({ code: "fieldConflict", path: ["a"] });
    expect(
      refusal([
        ["a.0", "1"],
        ["a.x", "2"],
      ]),
    ).toMatchObject({ code: "fieldConflict" });
  });

  it("keeps repeated values of a name, whether or not some are sent with []", () => {
    expect(
      parseFormData(
        form([
          ["a", "1"],
          ["a[]", "2"],
        ]),
      ),
    ).toEqual({ ok: true, value: { a: ["1", "2"] } });
    expect(
      parseFormData(
        form([
          ["a", "1"],
          ["a", "2"],
        ]),
      ),
    ).toEqual({ ok: true, value: { a: ["1", "2"] } });
  });

  it("refuses U+0000 in a value or a name, naming the field", () => {
    expect(refusal([["oppdrag.beskrivelse", "a\u0000b"]])).toEqual({
      code: "nulCharacter",
      path: ["oppdrag.beskrivelse"],
    });
    expect(refusal([["a\u0000", "x"]])).toMatchObject({ code: "nulCharacter" });
  });

  it("bounds the number of fields, name length, depth, value length and total size, each with its own code", () => {
    const many = Array.from({ length: FORM_DATA_LIMITS.maxFields + 1 }, (_, i) => [`f${i}`, "x"] as [string, string]);
    expect(refusal(many)).toMatchObject({ code: "tooManyNodes", limit: FORM_DATA_LIMITS.maxFields });
    expect(refusal([["n".repeat(FORM_DATA_LIMITS.maxNameLength + 1), "x"]])).toMatchObject({ code: "keyTooLong" });
    expect(refusal([[Array.from({ length: FORM_DATA_LIMITS.maxDepth + 1 }, () => "a").join("."), "x"]])).toMatchObject({
      code: "tooDeep",
    });
    expect(refusal([["a", "x".repeat(FORM_DATA_LIMITS.maxValueLength + 1)]])).toMatchObject({
      code: "textTooLong",
      path: ["a"],
    });
    const large = Array.from(
      { length: 60 },
      (_, i) => [`f${i}`, "x".repeat(FORM_DATA_LIMITS.maxValueLength)] as [string, string],
    );
    expect(refusal(large)).toMatchObject({ code: "tooLarge" });
  });
});
