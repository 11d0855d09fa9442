import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("keeps single fields as strings and groups [] fields into arrays", () => {
    const fd = new FormData();
    fd.set("email", "a@b.test");
    fd.append("organisationIds[]", "o1");
    fd.append("organisationIds[]", "o2");
    fd.append("single[]", "only");
    expect(formDataToObject(fd)).toEqual({
      email: "a@b.test",
      organisationIds: ["o1", "o2"],
      single: ["only"],
    });
  });

  it("builds nested objects and arrays from dotted names, closing gaps left by removed rows", () => {
    const fd = new FormData();
    fd.set("oppdrag.arbeidssted.type", "land");
    fd.set("oppdrag.startdato", "2026-11-01");
    fd.set("vedlegg.0.type", "kontrakt");
    fd.set("vedlegg.2.type", "id_dokument");
    expect(formDataToObject(fd)).toEqual({
      oppdrag: { arbeidssted: { type: "land" }, startdato: "2026-11-01" },
      vedlegg: [{ type: "kontrakt" }, { type: "id_dokument" }],
    });
  });

  it("drops Next's internal action fields", () => {
    const fd = new FormData();
    fd.set("$ACTION_ID_abc", "");
    fd.set("name", "x");
    expect(formDataToObject(fd)).toEqual({ name: "x" });
  });
});
