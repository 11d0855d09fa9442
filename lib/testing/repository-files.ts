import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The repository's root folder (this file is lib/testing/repository-files.ts). */
export const REPOSITORY_ROOT = path.resolve(__dirname, "../..");

/**
 * The files under `dir` (relative to the repository root, as posix paths) whose name matches
 * `name`, skipping node_modules and hidden folders: what the repository-wide guard tests read.
 */
export function repositoryFiles(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(REPOSITORY_ROOT, dir))) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const rel = path.posix.join(dir, entry);
    if (statSync(path.join(REPOSITORY_ROOT, rel)).isDirectory()) out.push(...repositoryFiles(rel, name));
    else if (name.test(entry)) out.push(rel);
  }
  return out;
}
