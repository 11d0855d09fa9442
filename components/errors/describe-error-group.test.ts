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

  it("never promises an automatic retry for a group whose submissions have stopped being retried", () => {
    // OAR_010 / OAR_1009: a backend fault Skatteetaten's catalogue marks as retry-with-the-same-key.
    for (const locale of ["nb", "en"]) {
      const hint = describeErrorGroup({ code: "OAR_010", specCode: "OAR_1009" }, locale).hint ?? "";
      expect(hint).not.toMatch(/prøver igjen|retries (automatically|later)/);
      expect(hint).toMatch(/samme nøkkel|same key/);
    }
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
