import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GENERATED_TYPES_PATH, generateDialogportenTypes } from "./generate-types";

describe("Dialogporten types", () => {
  it("are committed exactly as openapi-typescript generates them from the installed schema package", async () => {
    const committed = await readFile(GENERATED_TYPES_PATH, "utf8");
    const fresh = await generateDialogportenTypes();
    // A plain equality check would print 360 kB; say what to do instead.
    expect(
      committed === fresh,
      `${GENERATED_TYPES_PATH} is stale: run \`npm run dialogporten:types\` and commit the result`,
    ).toBe(true);
    expect(fresh).toContain('"/api/v1/enduser/dialogs/{dialogId}/transmissions"');
  });
});
