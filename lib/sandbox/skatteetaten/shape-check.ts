import "server-only";

/** One problem in a request body, reported as a spesifisering entry with a JSON-pointer path. */
export type Problem = { sti: string; angittVerdi: string | null; melding: string };

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The given value as the error body shows it: null when absent, JSON for objects, cut to stay readable. */
export function givenValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** RFC 6901 escaping, so a key containing "/" cannot fake a path. */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Collects structural problems (missing required fields, wrong JSON types) while walking a body,
 * so one answer lists every problem instead of the first only.
 */
export function createShapeCheck() {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  // One problem per path: a field two checks look at (required, and its JSON type) is reported once.
  const report = (sti: string, value: unknown, melding: string) => {
    if (reported.has(sti)) return;
    reported.add(sti);
    problems.push({ sti, angittVerdi: givenValue(value), melding });
  };
  const missing = (parent: JsonObject, key: string, base: string, required: boolean) => {
    if (parent[key] !== undefined && parent[key] !== null) return false;
    if (required) report(pointer(base, key), undefined, "Påkrevd felt mangler");
    return true;
  };

  return {
    problems,
    report,
    object(parent: JsonObject, key: string, base: string, required = true): JsonObject | undefined {
      if (missing(parent, key, base, required)) return undefined;
      const value = parent[key];
      if (isJsonObject(value)) return value;
      report(pointer(base, key), value, "Feltet må være et objekt");
      return undefined;
    },
    string(parent: JsonObject, key: string, base: string, required = true): string | undefined {
      if (missing(parent, key, base, required)) return undefined;
      const value = parent[key];
      if (typeof value === "string") return value;
      report(pointer(base, key), value, "Feltet må være en tekst");
      return undefined;
    },
    array(parent: JsonObject, key: string, base: string, required = false): unknown[] | undefined {
      if (missing(parent, key, base, required)) return undefined;
      const value = parent[key];
      if (Array.isArray(value)) return value;
      report(pointer(base, key), value, "Feltet må være en liste");
      return undefined;
    },
    date(parent: JsonObject, key: string, base: string, required = true): string | undefined {
      if (missing(parent, key, base, required)) return undefined;
      const value = parent[key];
      if (typeof value === "string" && isIsoDate(value)) return value;
      report(pointer(base, key), value, "Ugyldig dato, forventet format ÅÅÅÅ-MM-DD");
      return undefined;
    },
  };
}

export type ShapeCheck = ReturnType<typeof createShapeCheck>;
