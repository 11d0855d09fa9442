/**
 * A-melding import benchmark. Starts the built product the way `npm start` does (scripts/start.ts:
 * embedded PostgreSQL, migrations, demo seed, sandbox, Next) on its own ports and data folder,
 * signs in as the demo admin, and posts files to POST /api/amelding/import: a generated valid
 * A-melding of about 50 MB as JSON and as XML, and hostile files (1.5 million XML attributes,
 * 45 MB of nested or tiny JSON values, a 45 MB string, an XML bomb). Meanwhile it asks
 * /api/health every 50 ms and samples the resident memory of the web server's whole process tree
 * (the web server and the import process it starts) from /proc. Prints per file: size, time, answer, peak RSS, health p50/p99/max, against the
 * targets (RSS < 600 MB, health < 200 ms).
 *   npm run build && npm run bench:import [-- --port 3300 --only json]
 * Linux only (reads /proc). Synthetic data only (lib/testing/amelding-generator.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { DEMO_ORGANISATIONS, DEMO_USERS } from "@/lib/db/seed";
import { ameldingBody } from "@/lib/reporting/amelding/amelding-adapter";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { leveranseToXml } from "@/lib/testing/leveranse-to-xml";
import { startBuiltProduct } from "./built-product";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3300" },
    // Run only the files whose name contains this.
    only: { type: "string" },
    // Print the web server's RSS every half second while each file is handled.
    timeline: { type: "boolean", default: false },
  },
});
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const MB = 1024 * 1024;
const RSS_TARGET_MB = 600;
const HEALTH_TARGET_MS = 200;

type BenchFile = { name: string; intent: "check" | "draft"; body: () => string; contentType: string };

function validLeveranse(persons: number, seed: number) {
  const generated = generateLeveranse({
    opplysningspliktig: DEMO_ORGANISATIONS[0].orgnr,
    virksomhet: DEMO_ORGANISATIONS[1].orgnr,
    persons,
    seed,
  });
  // As a payroll system writes it: decimals as strings, exactly what the adapter sends.
  return ameldingBody(generated).leveranse as object;
}

/** Repeats `unit` until the text reaches `bytes`. */
const filled = (head: string, unit: string, tail: string, bytes: number) =>
  head + unit.repeat(Math.floor((bytes - head.length - tail.length) / unit.length)) + tail;

const FILES: BenchFile[] = [
  {
    name: "valid JSON, 80 000 persons",
    intent: "check",
    contentType: "application/json",
    body: () => JSON.stringify({ leveranse: validLeveranse(80_000, 1) }),
  },
  {
    name: "valid JSON, 80 000 persons (save as draft)",
    intent: "draft",
    contentType: "application/json",
    body: () => JSON.stringify({ leveranse: validLeveranse(80_000, 2) }),
  },
  {
    name: "valid XML, 32 500 persons",
    intent: "check",
    contentType: "application/xml",
    body: () => leveranseToXml(validLeveranse(32_500, 3)),
  },
  {
    name: "valid XML, 32 500 persons (save as draft)",
    intent: "draft",
    contentType: "application/xml",
    body: () => leveranseToXml(validLeveranse(32_500, 3)),
  },
  {
    name: "XML, 1.5 M attributes on one element",
    intent: "check",
    contentType: "application/xml",
    body: () =>
      `<melding ${Array.from({ length: 1_500_000 }, (_, i) => `a${i.toString(36).padStart(5, "0")}="12"`).join(" ")}/>`,
  },
  {
    name: "XML, 1.5 M elements with an attribute",
    intent: "check",
    contentType: "application/xml",
    body: () => filled("<melding>", '<e a="1"/>', "</melding>", 17.5 * MB),
  },
  {
    name: "XML, entity bomb (DOCTYPE)",
    intent: "check",
    contentType: "application/xml",
    body: () =>
      `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "${"x".repeat(1000)}"><!ENTITY b "${"&a;".repeat(1000)}">]><melding>${"&b;".repeat(1000)}</melding>`,
  },
  {
    name: "JSON, 45 MB nested [[[[…",
    intent: "check",
    contentType: "application/json",
    body: () => "[".repeat(22.5 * MB) + "]".repeat(22.5 * MB),
  },
  {
    name: "JSON, 45 MB of {} values",
    intent: "check",
    contentType: "application/json",
    body: () => filled('{"leveranse":[', "{},", "{}]}", 45 * MB),
  },
  {
    name: "JSON, one 45 MB string",
    intent: "check",
    contentType: "application/json",
    body: () => `{"leveranse":{"kildesystem":"${"x".repeat(45 * MB)}"}}`,
  },
];

// --- processes and memory, from /proc ----------------------------------------------------------

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

function processes() {
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .map((p) => {
      const stat = readProc(Number(p), "stat");
      if (!stat) return null;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return {
        pid: Number(p),
        ppid: Number(fields[1]),
        pgid: Number(fields[2]),
        cmdline: (readProc(Number(p), "cmdline") ?? "").replace(/\0/g, " "),
      };
    })
    .filter((p): p is NonNullable<typeof p> => p !== null);
}

/** The web server (`next start`, started by scripts/start.ts). */
function webProcess(startPgid: number): number {
  const web = processes().find((p) => p.pgid === startPgid && /next\/dist\/bin\/next|^next-server/.test(p.cmdline));
  if (!web) throw new Error("The web server process was not found");
  return web.pid;
}

/** A process and every process below it now (an import runs in a child process of the web server). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${tree[i]}/task`);
    } catch {
      continue; // ended meanwhile
    }
    for (const task of tasks) {
      const children = readProc(tree[i]!, `task/${task}/children`) ?? "";
      for (const child of children.split(" ").filter(Boolean)) tree.push(Number(child));
    }
  }
  return tree;
}

const kb = (status: string | null, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status ?? "")?.[1] ?? 0);
const rssBytes = (pids: number[]) => pids.reduce((sum, pid) => sum + kb(readProc(pid, "status"), "VmRSS") * 1024, 0);

/** Resets each process's peak RSS (VmHWM), where the kernel lets us; the sampling below covers the rest. */
function resetPeak(pids: number[]) {
  for (const pid of pids) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, "5");
    } catch {
      // not permitted here: the sampled figure stands alone
    }
  }
}
const peakBytes = (pids: number[]) => pids.reduce((sum, pid) => sum + kb(readProc(pid, "status"), "VmHWM") * 1024, 0);

// --- HTTP -----------------------------------------------------------------------------------------

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function keepCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

/** Signs in through Auth.js's credentials callback, as the login form does; returns the session cookies. */
async function signIn(email: string, password: string) {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: BASE }),
    redirect: "manual",
  });
  keepCookies(jar, response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in failed (${response.status})`);
  return cookieHeader(jar);
}

/** A POST on a connection of its own (a kept-alive one may have been closed by the server while the next file was generated). */
function post(
  pathname: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${BASE}${pathname}`,
      { method: "POST", agent: false, headers: { ...headers, "Content-Length": body.byteLength } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/*
 * The health poller runs in a thread of its own, so that this process writing 50 MB to the
 * upload's socket does not delay it: what it measures is the server's answer alone. Each GET is
 * on a connection of its own, as a load balancer's check would come.
 */
const POLLER = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { url, target } = workerData;
const times = [], failures = [], slow = [];
const begun = performance.now();
let stopped = false;
parentPort.once("message", () => (stopped = true));
const get = () => new Promise((resolve) => {
  const request = http.get(url, { agent: false, timeout: 30000 }, (response) => {
    response.resume();
    response.on("end", () => resolve(response.statusCode === 200 || "HTTP " + response.statusCode));
  });
  request.on("timeout", () => request.destroy(new Error("no answer in 30 s")));
  request.on("error", (e) => resolve(e.message));
});
(async () => {
  while (!stopped) {
    const started = performance.now();
    const ok = await get();
    const ms = performance.now() - started;
    const at = ((started - begun) / 1000).toFixed(1) + " s";
    if (ok !== true) failures.push(at + ": " + ok);
    else if (ms > target) slow.push(at + ": " + ms.toFixed(0) + " ms");
    times.push(ok === true ? ms : Infinity);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage({ times, failures, slow });
})();
`;

/** Asks /api/health every 50 ms until stopped; each answer's time (an unanswered one counts as infinite). */
function pollHealth() {
  const poller = new Worker(POLLER, {
    eval: true,
    workerData: { url: `${BASE}/api/health`, target: HEALTH_TARGET_MS },
  });
  const result = new Promise<{ times: number[]; failures: string[]; slow: string[] }>((resolve) =>
    poller.once("message", resolve),
  );
  return async () => {
    poller.postMessage("stop");
    const { times, failures, slow } = await result;
    await poller.terminate();
    if (failures.length > 0) console.log(`  health polls that failed: ${failures.join("; ")}`);
    if (slow.length > 0 && args.timeline)
      console.log(`  health polls over ${HEALTH_TARGET_MS} ms (time after the upload began): ${slow.join("; ")}`);
    return times;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main() {
  const product = await startBuiltProduct(PORT, "import");
  const { password } = product;

  const rows: string[][] = [];
  try {
    await product.healthy();
    const admin = DEMO_USERS.find((u) => u.role === "admin")!;
    const cookie = await signIn(admin.email, password);
    const web = webProcess(product.pid);
    const tree = () => processTree(web);
    console.log(`Web server process ${web}; RSS at rest ${(rssBytes(tree()) / MB).toFixed(0)} MB\n`);

    // The same figures with no import running: what the machine gives the health check by itself.
    const idleHealth = pollHealth();
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = (await idleHealth()).sort((a, b) => a - b);
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "—");
    const healthCell = (sorted: number[]) =>
      `${fmt(percentile(sorted, 50))} / ${fmt(percentile(sorted, 99))} / ${fmt(sorted.at(-1) ?? Number.NaN)} ms (${sorted.length})`;
    rows.push([
      "no import (10 s, for comparison)",
      "—",
      "—",
      "—",
      `${(rssBytes(tree()) / MB).toFixed(0)} MB`,
      healthCell(idle),
      "",
    ]);
    console.log(rows.at(-1)!.join(" | "));

    for (const file of FILES.filter((f) => !args.only || f.name.includes(args.only))) {
      // Encoded before the clock starts; the upload itself is then only socket writes.
      const body = Buffer.from(file.body());
      global.gc?.();
      resetPeak([web]);
      let sampled = rssBytes(tree());
      const timeline: string[] = [];
      const sampler = setInterval(() => {
        const pids = tree();
        const now = rssBytes(pids);
        sampled = Math.max(sampled, now);
        if (args.timeline && timeline.length < (performance.now() - started) / 500) {
          timeline.push(
            `${(now / MB).toFixed(0)}${pids.length > 1 ? `(${(rssBytes(pids.slice(1)) / MB).toFixed(0)})` : ""}`,
          );
        }
      }, 20);
      const started = performance.now();
      const stopHealth = pollHealth();
      const response = await post(`/api/amelding/import?intent=${file.intent}`, body, {
        Cookie: cookie,
        "Content-Type": file.contentType,
        Origin: BASE,
      });
      const answer = (() => {
        try {
          return JSON.parse(response.body) as {
            ok?: boolean;
            documentErrors?: { code: string; reason?: string }[];
            submissionId?: string;
          };
        } catch {
          return null;
        }
      })();
      const ms = performance.now() - started;
      await new Promise((r) => setTimeout(r, 200));
      const health = (await stopHealth()).sort((a, b) => a - b);
      clearInterval(sampler);
      const peak = Math.max(sampled, peakBytes([web]));
      if (args.timeline)
        console.log(`  RSS every 0.5 s (MB; in brackets the import process's part): ${timeline.join(" ")}`);
      const error = answer?.documentErrors?.[0];
      const what = answer?.ok
        ? answer.submissionId
          ? "saved"
          : "checked"
        : error
          ? `${error.code}${error.reason ? `: ${error.reason}` : ""}`
          : "?";
      rows.push([
        file.name,
        `${(body.byteLength / MB).toFixed(1)} MB`,
        `${(ms / 1000).toFixed(1)} s`,
        `${response.status} ${what}`,
        `${(peak / MB).toFixed(0)} MB`,
        healthCell(health),
        peak < RSS_TARGET_MB * MB && (health.at(-1) ?? 0) < HEALTH_TARGET_MS ? "met" : "MISSED",
      ]);
      console.log(rows.at(-1)!.join(" | "));
    }
  } finally {
    await product.stop();
  }

  const header = [
    "file",
    "size",
    "time",
    "answer",
    "peak RSS (web + import)",
    "health p50 / p99 / max (polls)",
    `RSS < ${RSS_TARGET_MB} MB, health < ${HEALTH_TARGET_MS} ms`,
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(
    `\nImport benchmark (Node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
