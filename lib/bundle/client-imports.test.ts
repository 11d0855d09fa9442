import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * What the browser must not load, checked on the source: classic zod (31 KB gzip; client code
 * parses with `zod/mini`) and the database schema (drizzle's column builders, 12.5 KB), reached
 * from any client component through imports that are not type-only (docs/benchmarks.md,
 * "First-load JavaScript (`npm run bench:js`)"). A server action module is a boundary: the
 * browser gets only a reference to it.
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(ROOT, file)).isDirectory()) return name === "node_modules" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.join(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return path.normalize(candidate);
  }
  return null;
}

/** Every forbidden import reachable from the client components, as "module ← … ← client component". */
function forbiddenInBrowser(isForbidden: (spec: string, resolved: string | null) => boolean): string[] {
  const clients = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => readFileSync(path.join(ROOT, file), "utf8").startsWith('"use client"'));
  const parent = new Map<string, string | null>();
  const found: string[] = [];
  const chain = (file: string) => {
    const names = [file];
    for (let p = parent.get(file); p; p = parent.get(p)) names.push(p);
    return names.join(" ← ");
  };
  const visit = (file: string, from: string | null) => {
    if (parent.has(file)) return;
    parent.set(file, from);
    const text = readFileSync(path.join(ROOT, file), "utf8");
    if (from && text.startsWith('"use server"')) return;
    for (const [, spec] of text.matchAll(IMPORT)) {
      const resolved = resolveLocal(file, spec!);
      if (isForbidden(spec!, resolved)) found.push(`${spec} ← ${chain(file)}`);
      else if (resolved) visit(resolved, file);
    }
  };
  for (const client of clients) visit(client, null);
  return found;
}

describe("the browser's JavaScript", () => {
  it("has no classic zod: client code parses with zod/mini", () => {
    expect(forbiddenInBrowser((spec) => spec === "zod" || spec === "zod/v4")).toEqual([]);
  });

  it("has no database schema", () => {
    expect(
      forbiddenInBrowser((spec, resolved) => resolved === "lib/db/schema.ts" || spec.startsWith("drizzle-orm")),
    ).toEqual([]);
  });
});
