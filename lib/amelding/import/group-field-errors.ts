import type { LeveranseError } from "@/lib/amelding/validate-leveranse";
import type { ImportErrorGroup } from "./import-result";

/**
 * Field errors grouped as the import page lists them: errors of the leveranse itself first, then
 * one group per person in file order, each with its virksomhet's orgnr.
 */
export function groupFieldErrors(errors: LeveranseError[], virksomheter: (string | null)[]) {
  const general: ImportErrorGroup = { person: null, virksomhet: null, errors: [] };
  const byPerson = new Map<string, ImportErrorGroup>();
  for (const error of errors) {
    const entry = { field: error.field, key: error.key, ...(error.params ? { params: error.params } : {}) };
    if (!error.person) {
      general.errors.push(entry);
      continue;
    }
    const key = `${error.person.virksomhetIndex}.${error.person.index}`;
    let group = byPerson.get(key);
    if (!group) {
      group = { person: error.person.label, virksomhet: virksomheter[error.person.virksomhetIndex] ?? null, errors: [] };
      byPerson.set(key, group);
    }
    group.errors.push(entry);
  }
  const groups = [...(general.errors.length > 0 ? [general] : []), ...byPerson.values()];
  return { groups, errorCount: errors.length, personCount: byPerson.size };
}
