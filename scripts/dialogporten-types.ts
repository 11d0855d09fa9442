/**
 * Regenerates the Dialogporten API types from the installed @digdir/dialogporten-schema:
 *   npm run dialogporten:types
 */
import { writeFile } from "node:fs/promises";
import { GENERATED_TYPES_PATH, generateDialogportenTypes } from "@/lib/dialogporten/generate-types";

await writeFile(GENERATED_TYPES_PATH, await generateDialogportenTypes());
console.log(`✔ Wrote ${GENERATED_TYPES_PATH}`);
