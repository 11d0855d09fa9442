import { describe, expect, it } from "vitest";
import { describeErrorGroup } from "./describe-error-group";

describe("describeErrorGroup", () => {
  it("explains a code and its specification code in the reader's language, the specification's hint first", () => {
    const nb = describeErrorGroup({ code: "OAR_005", specCode: "OAR_1007" }, "nb");
    const en = describeErrorGroup({ code: "oar_005", specCode: "OAR_1007" }, "en");
    expect(nb.known).toBe(true);
    expect(nb.text).not.toBe(en.text);
    expect(nb.specText).toBeTruthy();
    expect(en.hint).toBeTruthy();
    expect(en.specText).toBe("Error in JSON content");
    expect(describeErrorGroup({ code: "OAR_005", specCode: null }, "en").hint).not.toBe(en.hint);
  });

  it("marks an unknown code and leaves the texts empty instead of guessing", () => {
    expect(describeErrorGroup({ code: "OAR_999", specCode: "XYZ_1" }, "nb")).toEqual({
      known: false,
      text: null,
      specText: null,
      hint: null,
    });
    expect(describeErrorGroup({ code: null, specCode: null }, "nb").known).toBe(true);
  });
});
