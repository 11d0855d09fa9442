import { describe, expect, it } from "vitest";
import { createOrganisationSchema } from "./validation";

describe("createOrganisationSchema", () => {
  it("accepts a valid orgnr typed with spaces and stores it without", () => {
    const r = createOrganisationSchema.parse({ orgnr: "310 123 455", name: " Fjordkraft Test AS " });
    expect(r).toEqual({ orgnr: "310123455", name: "Fjordkraft Test AS" });
  });

  it("names the field and the rule that failed", () => {
    const r = createOrganisationSchema.safeParse({ orgnr: "310123456", name: "" });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["orgnr", "orgnrChecksum"]);
    expect(issues).toContainEqual(["name", "required"]);
  });

  it("reports a wrong format separately from a wrong check digit", () => {
    const r = createOrganisationSchema.safeParse({ orgnr: "12345", name: "X" });
    expect(r.error!.issues[0]!.message).toBe("orgnrFormat");
  });
});
