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

  it("drops Next's internal action fields", () => {
    const fd = new FormData();
    fd.set("$ACTION_ID_abc", "");
    fd.set("name", "x");
    expect(formDataToObject(fd)).toEqual({ name: "x" });
  });
});
