/**
 * CPU time used by groups of processes, read from /proc (Linux only; elsewhere the figures are
 * simply not printed). Lets the pipeline benchmark say where a submission's CPU goes.
 */
import { readdirSync, readFileSync } from "node:fs";

export type CpuGroups = Record<string, number>;

const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) per group; a process belongs to the first group whose test matches. */
export function cpuMsByGroup(
  groups: Record<string, (proc: { pid: number; ppid: number; pgid: number; comm: string }) => boolean>,
): CpuGroups | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const totals: CpuGroups = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // comm may contain spaces and parentheses: the fields after it start after the LAST ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const proc = { pid: Number(pid), ppid: Number(fields[1]), pgid: Number(fields[2]), comm };
    const ticks = Number(fields[11]) + Number(fields[12]);
    for (const [name, test] of Object.entries(groups)) {
      if (test(proc)) {
        totals[name]! += (ticks * 1000) / TICKS_PER_SECOND;
        break;
      }
    }
  }
  return totals;
}

export function cpuDelta(before: CpuGroups | null, after: CpuGroups | null): CpuGroups | null {
  if (!before || !after) return null;
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}
