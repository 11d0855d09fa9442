// Our npm mirror serves only the Linux builds of packages that ship one binary package per
// platform (Next's SWC, Tailwind's oxide...). `npm install` then leaves the other platforms out
// of package-lock.json, and `npm ci` refuses the lock as out of sync. This adds the missing
// optional entries with their os/cpu, so npm skips them here and fetches them by version on
// machines of that platform. Run after `npm install`: node scripts/fill-lockfile-platform-entries.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p) || p === "win");
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("gnueabihf") ? "arm" : undefined);
  return { os: os === "win" ? "win32" : os, cpu };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue;
    packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(meta.dev ? { dev: true } : {}),
      ...(os && os !== "wasm32" ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
