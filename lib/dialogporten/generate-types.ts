import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

export const GENERATED_TYPES_PATH = "lib/dialogporten/generated/openapi.d.ts";

const HEADER = `/**
 * Generated from @digdir/dialogporten-schema (swagger.verified.json) by \`npm run dialogporten:types\`.
 * Do not edit: regenerate after upgrading the package. A unit test fails when this file is stale.
 */

`;

/** The Dialogporten OpenAPI spec shipped in the npm package (the file starts with a BOM). */
async function readSpec(): Promise<OpenAPI3> {
  const file = createRequire(import.meta.url).resolve("@digdir/dialogporten-schema/swagger.verified.json");
  return JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
}

/** The TypeScript declarations for the whole spec, exactly as committed in GENERATED_TYPES_PATH. */
export async function generateDialogportenTypes(): Promise<string> {
  const ast = await openapiTS(await readSpec());
  return HEADER + astToString(ast);
}
