import { checkImport, saveImport } from "@/lib/amelding/import/import-leveranse";
import { payloadParts, prepareImport } from "@/lib/amelding/import/prepare-import";
import type { Db } from "@/lib/db/client";

/*
 * The import of a file's text with the import process's part (prepareImport) done on the test's
 * own thread, so database-level tests need not start a process; the route with its process is
 * tested in lib/amelding/import/answer-import.test.ts.
 */

export function checkImportText(db: Db, organisationIds: string[], text: string) {
  return checkImport(db, organisationIds, prepareImport(text, { payload: false }));
}

export function saveImportText(
  db: Db,
  actor: Parameters<typeof saveImport>[1],
  text: string,
  intent: "draft" | "submit",
) {
  const prepared = prepareImport(text, { payload: true });
  return saveImport(db, actor, prepared, payloadParts(prepared.ok ? (prepared.payloadJson ?? "") : ""), intent);
}
