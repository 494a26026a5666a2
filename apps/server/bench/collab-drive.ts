/**
 * The collaboration benchmark's load (bench/collab.ts): runs the load process (bench/load.ts)
 * against a server or relay and measures the server during its window, with a probe of the
 * server's event loop alongside.
 */
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVER_DIR } from "../test/crash/built-server.js";
import { type AllocationSummary, sampleAllocations } from "./allocations.js";
import type { CollabOptions } from "./collab-options.js";
import type { LoadFigures } from "./collab-report.js";
import { log, sleep } from "./collab-setup.js";
import type { LoadConfig, LoadMessage, LoadResults } from "./load.js";
import {
  cpuSeconds,
  machineTicks,
  monotonicMicros,
  percentiles,
  postgresCpu,
  postgresCpuBetween,
  rssBytes,
  runQueueWait,
  threadCpuSeconds,
} from "./measure.js";
import { type PerfSpending, readPerfScript, recordPerf, spentOn } from "./perf.js";
import {
  type Buckets,
  doorChecksBetween,
  gcBetween,
  noServerMetrics,
  type ServerMetrics,
  serverMetrics,
  slowerBetween,
} from "./server-metrics.js";

/** Samples /healthz latency (the server's event loop) until stopped. */
function healthProbe(url: string) {
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        samples.push(performance.now() - started);
      } catch {
        // A failed probe is not a latency.
      }
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return percentiles(samples);
    },
  };
}

/** Runs the load process against the server at `url` (process `serverPid`) and measures both. */
export async function driveLoad(
  options: Pick<
    CollabOptions,
    "rate" | "warmup" | "seconds" | "awareness" | "seed" | "allocations"
  >,
  input: {
    url: string;
    /** Every server process's address, when several share the load (see LoadConfig.urls). */
    urls?: string[];
    serverPid: number;
    /** Every server process, when several: their CPU is added up. */
    serverPids?: number[];
    conversations: { id: string; tokens: string[] }[];
    longDoc: { id: string; token: string } | null;
    databaseUrl?: string;
    plainUrls: boolean;
    onLoad: (child: ChildProcess) => void;
    /** The server's inspector port: its allocations in the window are sampled (--allocations). */
    inspectPort?: number;
    /** Where the server's CPU in the window is recorded (--perf); its name says which server. */
    perfFile?: string;
  },
): Promise<LoadFigures> {
  const rssIdle = rssBytes(input.serverPid);
  const config: LoadConfig = {
    url: input.url,
    urls: input.urls,
    plainUrls: input.plainUrls,
    conversations: input.conversations,
    rate: options.rate,
    warmupSeconds: options.warmup,
    seconds: options.seconds,
    drainSeconds: 15,
    connectConcurrency: 32,
    awareness: options.awareness,
    longDoc: input.longDoc,
    seed: options.seed,
  };
  const child = fork(path.join(SERVER_DIR, "bench", "load.ts"), [], {
    cwd: SERVER_DIR,
    execArgv: ["--import", "tsx", "--max-old-space-size=4096"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  input.onLoad(child);
  const serverPid = input.serverPid;
  const serverCpuSeconds = () =>
    (input.serverPids ?? [serverPid]).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let rssLoaded = 0;
  let connectSeconds = 0;
  let window = {
    wait: { all: 0, main: 0, mainPreempted: 0 },
    threads: { main: 0, others: 0 },
    cpu: 0,
    machine: machineTicks(),
    load: 0,
    postgres: new Map<number, number>(),
    at: 0,
    from: new Date(),
    to: new Date(),
    clock: { from: 0, to: 0 },
  };
  let cpu = {
    server: 0,
    machine: 0,
    load: 0,
    postgres: 0,
    waitAll: 0,
    waitMain: 0,
    preemptedMain: 0,
    threads: { main: 0, others: 0 },
  };
  let health: { stop(): Promise<ReturnType<typeof percentiles>> } | null = null;
  const none: ServerMetrics = noServerMetrics();
  let metricsAtStart: Promise<ServerMetrics> = Promise.resolve(none);
  let metricsAtEnd: Promise<ServerMetrics> = Promise.resolve(none);
  let sampling: ReturnType<typeof sampleAllocations> | null = null;
  let allocations: Promise<AllocationSummary> | null = null;
  let perfRecording: ReturnType<typeof recordPerf> | null = null;
  let perfStopped: Promise<void> | null = null;
  const results = await new Promise<LoadResults>((resolve, reject) => {
    const timeout = setTimeout(
      () => reject(new Error("The load did not finish in time.")),
      (options.warmup + options.seconds + 300) * 1000 + input.conversations.length * 200,
    );
    child.on("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`The load process exited (${code}) without results.`));
    });
    child.on("message", (message: LoadMessage) => {
      if (message.type === "connected") {
        connectSeconds = message.seconds;
        log(`${message.clients} clients connected and synced in ${message.seconds.toFixed(1)} s`);
        void sleep(1000).then(() => {
          rssLoaded = rssBytes(serverPid);
          child.send({ type: "go" });
        });
      } else if (message.type === "window-start") {
        window = {
          wait: runQueueWait(serverPid),
          threads: threadCpuSeconds(serverPid),
          cpu: serverCpuSeconds(),
          machine: machineTicks(),
          load: cpuSeconds(child.pid as number),
          postgres: input.databaseUrl ? postgresCpu() : new Map<number, number>(),
          at: performance.now(),
          from: new Date(),
          to: new Date(),
          clock: { from: monotonicMicros(), to: 0 },
        };
        health = healthProbe(input.url);
        metricsAtStart = serverMetrics(input.url);
        if (input.inspectPort) sampling = sampleAllocations(input.inspectPort);
        if (input.perfFile) perfRecording = recordPerf(serverPid, input.perfFile);
      } else if (message.type === "window-end") {
        const elapsed = (performance.now() - window.at) / 1000;
        const machine = machineTicks();
        const wait = runQueueWait(serverPid);
        cpu = {
          waitAll: (wait.all - window.wait.all) / elapsed,
          waitMain: (wait.main - window.wait.main) / elapsed,
          preemptedMain: (wait.mainPreempted - window.wait.mainPreempted) / elapsed,
          threads: (({ main, others }) => ({
            main: (main - window.threads.main) / elapsed,
            others: (others - window.threads.others) / elapsed,
          }))(threadCpuSeconds(serverPid)),
          server: (serverCpuSeconds() - window.cpu) / elapsed,
          machine: (machine.busy - window.machine.busy) / (machine.total - window.machine.total),
          load: (cpuSeconds(child.pid as number) - window.load) / elapsed,
          postgres: input.databaseUrl
            ? postgresCpuBetween(window.postgres, postgresCpu()) / elapsed
            : 0,
        };
        metricsAtEnd = serverMetrics(input.url);
        perfStopped = perfRecording?.stop() ?? null;
        if (sampling && options.allocations) {
          const file = path.resolve(
            options.allocations,
            `allocations-${input.conversations.length}.heapprofile`,
          );
          allocations = sampling.then((s) => s.stop(file));
        }
        window.to = new Date();
        window.clock.to = monotonicMicros();
      } else if (message.type === "results") {
        clearTimeout(timeout);
        child.removeAllListeners("exit");
        resolve(message.results);
      } else if (message.type === "error") {
        clearTimeout(timeout);
        child.removeAllListeners("exit");
        reject(new Error(`The load failed: ${message.message}`));
      }
    });
    child.send({ type: "start", config });
  });
  const healthFigures = await (
    health as { stop(): Promise<ReturnType<typeof percentiles>> } | null
  )?.stop();
  const rssEnd = rssBytes(serverPid);
  const [metricsFrom, metricsTo] = [await metricsAtStart, await metricsAtEnd];
  const gc = gcBetween(metricsFrom.gc, metricsTo.gc);
  const slowCommits = slowerBetween(metricsFrom.commitBuckets, metricsTo.commitBuckets);
  const logLockWaits = slowerBetween(metricsFrom.logLockWait, metricsTo.logLockWait);
  const otherLongTurns = slowerBetween(metricsFrom.otherLockHeld, metricsTo.otherLockHeld);
  const count = (b: Buckets) => b.get(Number.POSITIVE_INFINITY) ?? 0;
  const otherTurns = count(metricsTo.otherLockHeld) - count(metricsFrom.otherLockHeld);
  const allocated = await allocations;
  let perf: PerfSpending | null = null;
  if (perfStopped && input.perfFile) {
    await perfStopped;
    perf = spentOn(readPerfScript(input.perfFile), serverPid);
    fs.rmSync(`/tmp/perf-${serverPid}.map`, { force: true });
  }
  return {
    clients: results.clients,
    connectSeconds,
    targetRate: results.clients * options.rate,
    results,
    typedPerSecond: results.typedInWindow / results.windowSeconds,
    serverCpu: cpu.server,
    serverWaitMain: cpu.waitMain,
    serverWaitAll: cpu.waitAll,
    serverPreemptedMain: cpu.preemptedMain,
    serverThreads: cpu.threads,
    machineCpu: cpu.machine,
    loadCpu: cpu.load,
    postgresCpu: input.databaseUrl ? cpu.postgres : null,
    rssIdle,
    rssLoaded,
    rssEnd,
    health: healthFigures ?? percentiles([]),
    gc,
    slowCommits,
    lock: { logWaits: logLockWaits, otherTurns, otherLongTurns },
    doorChecks: doorChecksBetween(metricsFrom, metricsTo),
    mailsSent: metricsTo.mailsSent - metricsFrom.mailsSent,
    allocated,
    perf,
    window: { from: window.from, to: window.to, clock: window.clock },
  };
}
