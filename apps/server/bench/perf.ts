/**
 * Where a server's CPU goes, sampled by Linux `perf` (bench:collab --perf DIR): only time on a
 * CPU is counted, on every thread, where V8's profile (--profile) samples the main thread's wall
 * time and counts a thread that waits for a CPU as busy (decision 0011, thirteenth round). With
 * `--perf-basic-prof` on the sampled process, its JavaScript functions are named too.
 *
 * Each main-thread sample is put under the first category whose pattern one of its frames
 * matches; the other threads (SQLite's statements on libuv's pool, V8's helpers) are counted
 * together.
 */
import { spawn, spawnSync } from "node:child_process";

/** Samples a second per thread. */
export const PERF_FREQUENCY = 499;

/** What a main-thread sample is spent on, by a pattern on its frames; the first match counts. */
export interface PerfCategory {
  name: string;
  pattern: RegExp;
}

/**
 * The collaboration server's categories, in the order they are tried: Driehoek's own work first
 * (the door's checks, projections, metrics), then what a relay does too, so that an apply or a
 * socket write made inside a commit's callback counts as what it is.
 */
export const COLLAB_CATEGORIES: PerfCategory[] = [
  { name: "the door's checks", pattern: /door\.js|shape\.js|readIncoming/ },
  { name: "projections", pattern: /projection/ },
  { name: "metrics", pattern: /prom-client|metrics\.js/ },
  {
    name: "socket writes",
    pattern: /connection\.js|sender\.js|clearBuffer|DoTryWrite|Writev|_writev/,
  },
  // Yjs's own code: applying an update, its transaction and the update it emits.
  { name: "Yjs apply", pattern: /\/yjs\/|applyUpdate/ },
  { name: "socket reads, ws frames", pattern: /receiver\.js|socketOnData|uv__read|onStreamRead/ },
  {
    name: "the log commit",
    pattern:
      /sqlite-store|kept-statements|sqlite-write-lock|group-commit|napi_queue_async_work|node_sqlite3|Statement::/,
  },
  { name: "garbage collection", pattern: /Scaveng|GarbageCollect|MinorGC|Heap::/ },
  { name: "switched out", pattern: /finish_task_switch|__schedule/ },
];

/** Samples counted by `spentOn`. */
export interface PerfSpending {
  /** Main-thread samples by category; "the rest" for those no category matched. */
  main: Map<string, number>;
  mainTotal: number;
  /** Samples of every other thread of the process. */
  others: number;
}

/** One sample of `perf script -F tid,ip,sym,dso`: its thread and frames, innermost first. */
interface Sample {
  tid: number;
  frames: string[];
}

function samplesOf(script: string): Sample[] {
  const samples: Sample[] = [];
  let current: Sample | null = null;
  for (const line of script.split("\n")) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    // A frame: "\t    7f6b48117 JS:*integrate file:///…/yjs.mjs:9910:13 (/tmp/perf-8340.map)".
    if (line.startsWith("\t")) {
      current?.frames.push(line.trim().replace(/^[0-9a-f]+\s+/, ""));
      continue;
    }
    // A sample's header: its thread id.
    const header = /^\s*(\d+)\s*$/.exec(line);
    current = header ? { tid: Number(header[1]), frames: [] } : null;
    if (current) samples.push(current);
  }
  return samples;
}

/** Counts the samples of a `perf script -F tid,ip,sym,dso` text, `mainTid` being the main thread. */
export function spentOn(
  script: string,
  mainTid: number,
  categories: PerfCategory[] = COLLAB_CATEGORIES,
): PerfSpending {
  const main = new Map<string, number>(
    [...categories.map((c) => c.name), "the rest"].map((n) => [n, 0]),
  );
  let mainTotal = 0;
  let others = 0;
  for (const sample of samplesOf(script)) {
    if (sample.tid !== mainTid) {
      others += 1;
      continue;
    }
    mainTotal += 1;
    const category = categories.find((c) => sample.frames.some((f) => c.pattern.test(f)));
    const name = category?.name ?? "the rest";
    main.set(name, (main.get(name) ?? 0) + 1);
  }
  return { main, mainTotal, others };
}

/** Whether `perf` is here and may sample this machine's processes. */
export function perfAvailable(): boolean {
  const probe = spawnSync("perf", ["record", "-q", "-o", "/dev/null", "--", "true"], {
    stdio: "ignore",
  });
  return probe.status === 0;
}

/** A `perf record` of one process, until stopped. */
export interface PerfRecording {
  /** Stops the recording; resolves once its file is written. */
  stop(): Promise<void>;
}

/** Starts sampling process `pid` (all its threads, with call stacks) into `file`. */
export function recordPerf(pid: number, file: string): PerfRecording {
  const child = spawn(
    "perf",
    ["record", "-q", "-F", String(PERF_FREQUENCY), "-g", "-p", String(pid), "-o", file],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
  return {
    stop() {
      child.kill("SIGINT");
      return exited;
    },
  };
}

/** Reads a recording back as `spentOn` takes it (the process's perf map names its JavaScript). */
export function readPerfScript(file: string): string {
  const result = spawnSync("perf", ["script", "-F", "tid,ip,sym,dso", "-i", file], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`perf script failed: ${result.stderr}`);
  return result.stdout;
}
