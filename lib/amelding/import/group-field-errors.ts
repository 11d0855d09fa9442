import type { LeveranseError } from "@/lib/amelding/validate-leveranse";
import type { ImportErrorGroup } from "./import-result";

/**
 * Field errors grouped as the import page lists them: errors of the leveranse itself first, then
 * one group per person in file order, each with its virksomhet's orgnr. Every error is counted,
 * but at most `maxListed` are listed, so the answer stays small whatever the file.
 */
export function groupFieldErrors(
  errors: LeveranseError[],
  virksomheter: (string | null)[],
  maxListed = Number.POSITIVE_INFINITY,
) {
  const general: ImportErrorGroup = { person: null, virksomhet: null, errors: [] };
  const byPerson = new Map<string, ImportErrorGroup>();
  const persons = new Set<string>();
  let listed = 0;
  for (const error of errors) {
    const key = error.person ? `${error.person.virksomhetIndex}.${error.person.index}` : null;
    if (key) persons.add(key);
    if (listed >= maxListed) continue;
    listed++;
    const entry = { field: error.field, key: error.key, ...(error.params ? { params: error.params } : {}) };
    if (!error.person || !key) {
      general.errors.push(entry);
      continue;
    }
    let group = byPerson.get(key);
    if (!group) {
      group = {
        person: error.person.label,
        given: { ...error.person.given, position: error.person.index },
        virksomhet: virksomheter[error.person.virksomhetIndex] ?? null,
        errors: [],
      };
      byPerson.set(key, group);
    }
    group.errors.push(entry);
  }
  const groups = [...(general.errors.length > 0 ? [general] : []), ...byPerson.values()];
  return { groups, errorCount: errors.length, personCount: persons.size, listedCount: listed };
}
