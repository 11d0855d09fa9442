/** Finds a field's id, initial value and errors by its dotted path (the same path zod reports). */
export type FieldLookup = {
  idPrefix: string;
  value(path: string): string;
  errors(path: string): string[] | undefined;
  props(path: string): { idPrefix: string; name: string; defaultValue: string; errors: string[] | undefined };
};

export function createFieldLookup(idPrefix: string, initial: unknown, errors: Record<string, string[]>): FieldLookup {
  const value = (path: string) => {
    let node: unknown = initial;
    for (const key of path.split("."))
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    return node === undefined || node === null ? "" : String(node);
  };
  const lookupErrors = (path: string) => errors[path];
  return {
    idPrefix,
    value,
    errors: lookupErrors,
    props: (path) => ({ idPrefix, name: path, defaultValue: value(path), errors: lookupErrors(path) }),
  };
}
