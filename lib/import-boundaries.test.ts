import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY_ROOT, repositoryFiles } from "@/lib/testing/repository-files";

/**
 * The layer rule the product relies on: what runs in production never loads the sandbox (fake
 * Maskinporten, Skatteetaten and Altinn) or the test helpers, and the sandbox stands on its own
 * without the test helpers. Tests, benchmarks and the two scripts that start the sandbox may
 * import either.
 */
const ROOT = REPOSITORY_ROOT;

/** Scripts that start the sandbox servers beside the app, on purpose. */
const SANDBOX_LAUNCHERS = new Set(["scripts/start.ts", "scripts/sandbox.ts"]);

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST = /\.(test|spec)\.(ts|tsx)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

const walk = (dir: string) => repositoryFiles(dir, SOURCE);

/** The repository-relative target of an import, or null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return null;
}

function importsUnder(files: string[], forbidden: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const to = target(file, match[1]!);
      if (to && forbidden.some((f) => to === f || to.startsWith(`${f}/`))) found.push(`${file} → ${match[1]}`);
    }
  }
  return found;
}

const isUnder = (file: string, dir: string) => file.startsWith(`${dir}/`);

describe("import boundaries", () => {
  const rootFiles = readdirSync(ROOT).filter(
    (f) => SOURCE.test(f) && !f.endsWith(".config.ts") && !f.endsWith(".config.mjs"),
  );
  const production = [...walk("app"), ...walk("components"), ...walk("lib"), ...walk("scripts"), ...rootFiles].filter(
    (f) => !TEST.test(f) && !isUnder(f, "lib/sandbox") && !isUnder(f, "lib/testing") && !SANDBOX_LAUNCHERS.has(f),
  );

  it("walks the production sources", () => {
    // Guards the walk itself: an empty list would make the next assertion pass vacuously.
    expect(production).toEqual(
      expect.arrayContaining(["proxy.ts", "lib/env.ts", "lib/altinn/app-system-user-request-client.ts"]),
    );
    expect(production.some((f) => f.startsWith("app/"))).toBe(true);
  });

  it("production code imports neither lib/sandbox nor lib/testing", () => {
    expect(importsUnder(production, ["lib/sandbox", "lib/testing"])).toEqual([]);
  });

  it("lib/sandbox, its tests included, does not import lib/testing", () => {
    expect(importsUnder(walk("lib/sandbox"), ["lib/testing"])).toEqual([]);
  });

  it("recognises the import forms it guards", () => {
    const probe = ["lib/altinn/probe.ts"];
    const texts: Record<string, string> = {
      a: 'import { x } from "@/lib/sandbox/a";',
      b: 'export { y } from "../sandbox/b";',
      c: 'const m = await import("@/lib/testing/c");',
      d: 'import "../testing/d";',
    };
    for (const text of Object.values(texts)) {
      const hits = [...text.matchAll(IMPORT)].map((m) => target(probe[0]!, m[1]!));
      expect(hits.some((t) => t?.startsWith("lib/sandbox/") || t?.startsWith("lib/testing/"))).toBe(true);
    }
  });
});
