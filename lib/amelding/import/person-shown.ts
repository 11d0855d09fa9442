import { type IdentityView, personalNumberShown } from "@/lib/field-location/locate-field";
import type { ImportErrorGroup, ImportRejected } from "./import-result";

/**
 * "Ola Prøvestad (021292·····)" or "Ola Prøvestad (******12345)": the person of an import error
 * group as the rest of the app shows people (lib/field-location/locate-field.ts): the birth date
 * for roles that may read personal data, masked otherwise, a foreign id only for the former.
 */
export function personShown(given: NonNullable<ImportErrorGroup["given"]>, identity: IdentityView): string {
  const id = given.norskIdentifikator
    ? personalNumberShown(given.norskIdentifikator, identity)
    : identity === "birthdate"
      ? given.foreignId
      : "";
  if (given.name && id) return `${given.name} (${id})`;
  return given.name || id || `#${given.position + 1}`;
}

/** The rejection as the reader gets it: each group's person in their view, and nothing of the file's numbers beyond it. */
export function showPersons(result: ImportRejected, identity: IdentityView): ImportRejected {
  return {
    ...result,
    groups: result.groups.map(({ given, ...group }) =>
      given ? { ...group, person: personShown(given, identity) } : group,
    ),
  };
}
