import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Percentiles of latency samples (ms); NaN when there are none. */
export function percentiles(samples: number[]): {
  count: number;
  p50: number;
  p99: number;
  max: number;
} {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

let ticks: number | null = null;
/** Clock ticks per second of /proc's CPU times. */
export function clockTicks(): number {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  return cpuOfStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
}

/** CPU seconds (user + system) in a /proc `stat` file of a process or a thread. */
function cpuOfStat(stat: string): number {
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/**
 * CPU seconds (user + system) of a process's main (JavaScript) thread and of all its other
 * threads together: libuv's thread pool (SQLite's statements and syncs) and V8's helpers
 * (garbage collection, compilation). Node 20 does not name its threads, so they are not told
 * apart further. Threads that ended are not counted.
 */
export function threadCpuSeconds(pid: number): { main: number; others: number } {
  const seconds = { main: 0, others: 0 };
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const cpu = cpuOfStat(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"));
      if (tid === String(pid)) seconds.main += cpu;
      else seconds.others += cpu;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return seconds;
}

/** Resident memory of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU seconds of each PostgreSQL process on this machine (its server runs locally here). */
export function postgresCpu(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (comm === "postgres" || comm.startsWith("postgres:"))
        seconds.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return seconds;
}

/** CPU seconds PostgreSQL used between two samples (backends that ended meanwhile are missed). */
export function postgresCpuBetween(from: Map<number, number>, to: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of to) total += seconds - (from.get(pid) ?? 0);
  return total;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
export const ms = (value: number) =>
  Number.isNaN(value) ? "-" : value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;

/** Now on the monotonic clock, in µs: the clock of V8's CPU profiles (`--cpu-prof`). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Seconds the process's threads spent runnable but waiting for a CPU (/proc/<pid>/task/<tid>/schedstat):
 * all threads together, and the main (JavaScript) thread alone. High values mean the machine,
 * not the process, was the limit. Also how often the main thread was taken off a CPU while it
 * could have run on (`nonvoluntary_ctxt_switches`): mostly by a pool thread it had just woken
 * (decision 0011, thirteenth round).
 */
export function runQueueWait(pid: number): { all: number; main: number; mainPreempted: number } {
  let all = 0;
  let main = 0;
  let mainPreempted = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const wait =
        Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1]) / 1e9;
      all += wait;
      if (tid === String(pid)) main = wait;
    } catch {
      // The thread ended meanwhile.
    }
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/task/${pid}/status`, "utf8");
    mainPreempted = Number(/nonvoluntary_ctxt_switches:\s*(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    // The process ended meanwhile.
  }
  return { all, main, mainPreempted };
}
