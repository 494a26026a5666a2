/**
 * Benchmark of the collaboration endpoint (a script that prints figures; not a test).
 *
 *   npm run bench:collab -- --conversations 100,300,600 --rate 2 --seconds 20
 *
 * For each size it starts the real server (`node dist/index.js`) as its own process on a fresh
 * data folder (SQLite; `--postgres` uses a fresh database made from DATABASE_URL), plans the
 * conversations through GraphQL as the demo admin, opens every invite, builds one finished
 * 40-minute conversation (8,000 keystrokes of three people) and times how long a newcomer
 * takes to load it, and then lets a separate load process open three raw clients per
 * conversation that type like people. Everything runs on 127.0.0.1 and stops by itself.
 *
 * Before Driehoek, each size runs the same load against the baseline: a minimal in-memory
 * y-protocols relay (bench/relay.ts: no durability, no auth) in its own process, with the same
 * finished 40-minute conversation typed into it for the newcomers who open it during the load;
 * the figures are printed side by side with their ratio (--skip-baseline leaves it out).
 * --rounds K repeats each size K times (relay, durable relay, Driehoek, then again) and prints
 * the medians of the rounds and of their ratios: this machine's other work comes and goes, and
 * one round's p99 can be twice another's. --durable-baseline adds a second baseline: the same relay storing every update in a SQLite
 * log (same driver, same sync) before relaying it and confirming it to its writer, the least a
 * server can do to keep Driehoek's promise: Driehoek against it is what Driehoek's own work
 * costs (access, checks at the door, projections, metrics), and it against the in-memory relay
 * is what durability itself costs on this machine.
 *
 * Flags: --conversations N[,N...] (default 100,300; e.g. 100,300,600)  --skip-baseline
 *        --rate keystrokes/s per client (default 2: all three typing quickly at once)
 *        --seconds S (measured)
 *        --rounds K (default 1)  --durable-baseline
 *        --warmup S (default 12)  --sync full|normal  --postgres  --awareness  --long-doc-keystrokes K
 *        --collab-rate messages/s per connection (server limit)  --seed N
 *        --server-env KEY=VALUE (a setting for Driehoek's server, repeatable; e.g.
 *        COLLAB_PROJECTION_DELAY_MS=600000 leaves the projection out of the window)
 *        --profile DIR (V8 CPU profile of the server during the load, summarised at the end)
 *        --allocations DIR (what the server allocates during the load, garbage included, by
 *        function: V8's sampling heap profiler over the inspector; the profile is kept in DIR)
 *        --perf DIR (Linux perf samples every server's CPU in the window, on every thread, and
 *        the comparison prints each one's main thread by what it is spent on, in µs per update:
 *        bench/perf.ts; the recordings are kept in DIR)
 *
 *   npm run bench:collab -- --processes 1,2,3 [--conversations 60]
 *
 * Scale-out: for each count, that many server processes on one fresh PostgreSQL database
 * (DATABASE_URL) and Redis (REDIS_URL or TEST_REDIS_URL, default redis://127.0.0.1:6379; its
 * own channel prefix), under the same load (the first --conversations size); a conversation's
 * three participants connect to different processes, so with two or more processes every
 * keystroke crosses the relay over Redis. Prints relay and stored latency and throughput per
 * count. No baseline and no long conversation in this mode.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  collabUrl,
  freePort,
  graphql,
  joinWithInvite,
  RawCollabClient,
  type ServerProcess,
  ticketedUrl,
} from "@driehoek/test-support";
import pg from "pg";
import sqlite3 from "sqlite3";
import * as Y from "yjs";
import { SERVER_DIR, SERVER_ENTRY, startBuiltServer } from "../test/crash/built-server.js";
import { Typist, visibleContent } from "../test/crash/typing.js";
import { seededRandom } from "../test/support/random.js";
import { type AllocationSummary, sampleAllocations } from "./allocations.js";
import {
  comparison,
  type LoadFigures,
  type Round,
  report,
  type SizeFigures,
  summaryTable,
} from "./collab-report.js";
import type { LoadConfig, LoadMessage, LoadResults } from "./load.js";
import {
  cpuSeconds,
  kb,
  machineTicks,
  monotonicMicros,
  ms,
  percentiles,
  postgresCpu,
  postgresCpuBetween,
  rssBytes,
  runQueueWait,
  threadCpuSeconds,
} from "./measure.js";
import { type PerfSpending, perfAvailable, readPerfScript, recordPerf, spentOn } from "./perf.js";
import { type ProfileWindow, summariseProfile } from "./profile.js";
import {
  type Buckets,
  doorChecksBetween,
  gcBetween,
  noServerMetrics,
  type ServerMetrics,
  serverMetrics,
  slowerBetween,
} from "./server-metrics.js";

const { values: flags } = parseArgs({
  options: {
    conversations: { type: "string", default: "100,300" },
    "skip-baseline": { type: "boolean", default: false },
    "durable-baseline": { type: "boolean", default: false },
    rate: { type: "string", default: "2" },
    seconds: { type: "string", default: "30" },
    // Longer than a projection cycle's longest wait (10 s): before the window, every
    // conversation has been projected, and every code path the load takes has run once in
    // each server (the server under measurement is a fresh process).
    warmup: { type: "string", default: "12" },
    sync: { type: "string", default: "full" },
    postgres: { type: "boolean", default: false },
    awareness: { type: "boolean", default: false },
    "long-doc-keystrokes": { type: "string", default: "8000" },
    "collab-rate": { type: "string", default: "2000" },
    seed: { type: "string", default: "42" },
    rounds: { type: "string", default: "1" },
    profile: { type: "string" },
    allocations: { type: "string" },
    perf: { type: "string" },
    processes: { type: "string" },
    "server-env": { type: "string", multiple: true, default: [] },
  },
});

/** Settings given to Driehoek's server with --server-env KEY=VALUE (repeatable). */
const serverEnv = Object.fromEntries(
  (flags["server-env"] ?? []).map((setting) => {
    const at = setting.indexOf("=");
    if (at < 1) throw new Error(`--server-env takes KEY=VALUE, got "${setting}"`);
    return [setting.slice(0, at), setting.slice(at + 1)];
  }),
);

/** Scale-out mode: process counts to compare (see the top). */
const processCounts = flags.processes
  ? flags.processes.split(",").map((s) => Number(s.trim()))
  : null;
if (processCounts?.some((n) => !Number.isInteger(n) || n < 1 || n > 8))
  throw new Error("--processes takes 1..8 (comma-separated)");
if (processCounts && !process.env.DATABASE_URL)
  throw new Error("--processes needs DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)");

const sizes = (flags.conversations ?? "100,300").split(",").map((s) => Number(s.trim()));
const rate = Number(flags.rate);
const seconds = Math.min(Number(flags.seconds), 600);
const warmup = Math.min(Number(flags.warmup), 60);
const sync = flags.sync === "normal" ? "normal" : "full";
const longDocKeystrokes = Math.min(Number(flags["long-doc-keystrokes"]), 50_000);
const seed = Number(flags.seed);
const roundCount = Number(flags.rounds);
if (
  sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5000) ||
  !(rate > 0 && rate <= 50) ||
  !(Number.isInteger(roundCount) && roundCount >= 1 && roundCount <= 10)
) {
  throw new Error("--conversations takes 1..5000 (comma-separated), --rate 0..50, --rounds 1..10");
}
if (flags.postgres && !process.env.DATABASE_URL) {
  throw new Error("--postgres needs DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)");
}
if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`Build the server first: ${SERVER_ENTRY}`);
if (flags.perf) {
  if (!perfAvailable())
    throw new Error(
      "--perf needs Linux perf (Debian: linux-perf) and permission to sample processes",
    );
  fs.mkdirSync(path.resolve(flags.perf), { recursive: true });
}
/** Names JavaScript's functions for perf (a map file per process in /tmp). */
const perfNodeArgs = flags.perf ? ["--perf-basic-prof"] : [];
/** Where one server's recording goes with --perf (a new file for every run), else nothing. */
const perfFile = (server: string, conversations: number) =>
  flags.perf
    ? path.resolve(flags.perf, `${server}-${conversations}-${Date.now()}.perf.data`)
    : undefined;

const sleep = (time: number) => new Promise((r) => setTimeout(r, time));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs `work` over `items` with at most `concurrency` at once. */
async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** A fresh database for one size: a SQLite folder, or a new PostgreSQL database. */
async function freshStore(): Promise<{
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-"));
  if (!flags.postgres && !processCounts)
    return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true }) };
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `driehoek_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true });
    },
  };
}

/** Log entries and group-commit batches (rows sharing one commit timestamp) in a time window. */
async function commitFigures(
  store: { dataDir: string; databaseUrl?: string },
  from: Date,
  to: Date,
): Promise<{ entries: number; batches: number; largest: number }> {
  const sql = `SELECT COUNT(*) AS entries, COUNT(DISTINCT created_at) AS batches,
    (SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM collab_update
       WHERE created_at >= $1 AND created_at < $2 GROUP BY created_at) AS per) AS largest
    FROM collab_update WHERE created_at >= $1 AND created_at < $2`;
  const params = [from.toISOString(), to.toISOString()];
  let row: Record<string, unknown> | undefined;
  if (store.databaseUrl) {
    const client = new pg.Client({ connectionString: store.databaseUrl });
    await client.connect();
    row = (await client.query(sql, params)).rows[0];
    await client.end();
  } else {
    const db = new sqlite3.Database(
      path.join(store.dataDir, "driehoek.sqlite"),
      sqlite3.OPEN_READONLY,
    );
    row = await new Promise((resolve, reject) =>
      db.get(sql.replace(/\$1/g, "?1").replace(/\$2/g, "?2"), params, (e, r) =>
        e ? reject(e) : resolve(r as Record<string, unknown>),
      ),
    );
    await new Promise((r) => db.close(() => r(undefined)));
  }
  return {
    entries: Number(row?.entries ?? 0),
    batches: Number(row?.batches ?? 0),
    largest: Number(row?.largest ?? 0),
  };
}

/** Plans `count` conversations as the demo admin and opens every invite: tokens per conversation. */
async function planConversations(url: string, count: number) {
  const { login } = await graphql<{ login: { accessToken: string } }>(
    url,
    `mutation { login(email: "beheer@demo.driehoek.nl", password: "driehoek-demo") { accessToken } }`,
  );
  const admin = login.accessToken;
  const started = performance.now();
  const { placements } = await graphql<{ placements: { id: string }[] }>(
    url,
    "query { placements { id } }",
    {},
    admin,
  );
  const at = new Date(Date.now() + 3600_000).toISOString();
  const planned = await pool(
    Array.from({ length: count }, (_, i) => placements[i % placements.length]?.id as string),
    8,
    async (placementId) => {
      const { scheduleConversation } = await graphql<{
        scheduleConversation: { conversation: { id: string }; invites: { url: string }[] };
      }>(
        url,
        `mutation($input: ScheduleConversationInput!) { scheduleConversation(input: $input) {
          conversation { id } invites { url invite { role } } } }`,
        { input: { placementId, scheduledAt: at, mode: "in_person" } },
        admin,
      );
      return scheduleConversation;
    },
  );
  const plannedAt = performance.now();
  const links = planned.flatMap((p) => p.invites.map((i) => i.url));
  const sessions = await pool(links, 8, (link) => joinWithInvite(url, link));
  log(
    `  (scheduling ${((plannedAt - started) / 1000) | 0} s, opening invites ${((performance.now() - plannedAt) / 1000) | 0} s)`,
  );
  return planned.map((p, i) => ({
    id: p.conversation.id,
    tokens: sessions.slice(i * 3, i * 3 + 3).map((s) => s.accessToken),
  }));
}

/** Three people type `keystrokes` keystrokes (with corrections) into one conversation. */
async function buildLongConversation(
  url: string,
  conversation: { id: string; tokens: string[] },
  keystrokes: number,
  /** The baseline relay: plain addresses, and no confirmations to wait for. */
  isRelay = false,
): Promise<{ seconds: number; clients: RawCollabClient[] }> {
  const random = seededRandom(seed + 7);
  const clients = conversation.tokens.map(
    (t) =>
      new RawCollabClient(
        isRelay
          ? collabUrl(url, conversation.id, "none", false)
          : ticketedUrl(url, conversation.id, t),
      ),
  );
  await Promise.all(clients.map((c) => c.connect()));
  const typists = clients.map((c) => new Typist(c.doc, random, 0.08));
  const started = performance.now();
  let typed = 0;
  const giveUp = Date.now() + 180_000;
  while (typed < keystrokes) {
    if (Date.now() > giveUp) throw new Error(`Only ${typed} keystrokes confirmed in 180 s`);
    let progressed = false;
    clients.forEach((client, i) => {
      // At most 40 unconfirmed characters in flight per person.
      const own = Y.getState(client.doc.store, client.clientID);
      if (typed < keystrokes && (isRelay || own - client.storedOwn < 40)) {
        typists[i]?.keystroke();
        typed += 1;
        progressed = true;
      }
    });
    await (progressed ? new Promise((r) => setImmediate(r)) : sleep(1));
  }
  const vector = (c: RawCollabClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString("hex");
  const deadline = Date.now() + 30_000;
  while (
    Date.now() < deadline &&
    !clients.every(
      (c) =>
        (isRelay || c.storedOwn >= Y.getState(c.doc.store, c.clientID)) &&
        vector(c) === vector(clients[0] as RawCollabClient),
    )
  )
    await sleep(20);
  return { seconds: (performance.now() - started) / 1000, clients };
}

/** Connect → synced for a newcomer, in ms. */
async function timeLoad(url: string, conversationId: string, token: string) {
  const newcomer = new RawCollabClient(ticketedUrl(url, conversationId, token, false));
  const started = performance.now();
  await newcomer.connect(60_000);
  const elapsed = performance.now() - started;
  const bytes = Y.encodeStateAsUpdate(newcomer.doc).byteLength;
  const chars = visibleContent(newcomer.doc).length;
  newcomer.destroy();
  return { elapsed, bytes, chars };
}

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

/**
 * Waits until the outbox has sent every mail that is due: planning the conversations queued
 * three invitations each, and a school sends them when it plans, not while hundreds of
 * conversations are going on. Their delivery is measured here, not in the load's window.
 */
async function outboxSent(url: string): Promise<{ sent: number; seconds: number }> {
  const started = performance.now();
  const before = await serverMetrics(url);
  for (let metrics = before; ; metrics = await serverMetrics(url)) {
    const seconds = (performance.now() - started) / 1000;
    if (metrics.mailsWaiting === 0) return { sent: metrics.mailsSent - before.mailsSent, seconds };
    if (seconds > 600) throw new Error(`${metrics.mailsWaiting} mails still unsent after 600 s`);
    await sleep(500);
  }
}

/** Runs the load process against the server at `url` (process `serverPid`) and measures both. */
async function driveLoad(input: {
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
}): Promise<LoadFigures> {
  const rssIdle = rssBytes(input.serverPid);
  const config: LoadConfig = {
    url: input.url,
    urls: input.urls,
    plainUrls: input.plainUrls,
    conversations: input.conversations,
    rate,
    warmupSeconds: warmup,
    seconds,
    drainSeconds: 15,
    connectConcurrency: 32,
    awareness: flags.awareness ?? false,
    longDoc: input.longDoc,
    seed,
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
      (warmup + seconds + 300) * 1000 + input.conversations.length * 200,
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
        if (sampling && flags.allocations) {
          const file = path.resolve(
            flags.allocations,
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
    targetRate: results.clients * rate,
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

/**
 * The benchmark plans hundreds of conversations as one admin and opens every invite from one
 * address in a minute: more than the per-person and per-address GraphQL limits allow, and on a
 * busy machine slower than a request usually may take.
 */
const BULK_PLANNING = {
  GRAPHQL_RATE_PER_MINUTE: "1000000",
  GRAPHQL_IP_RATE_PER_MINUTE: "1000000",
  GRAPHQL_TIMEOUT_MS: "60000",
};

async function runSize(conversations: number): Promise<SizeFigures> {
  const store = await freshStore();
  const port = await freePort();
  const env = {
    COLLAB_SYNC: sync,
    COLLAB_RATE: String(flags["collab-rate"]),
    ACCESS_TOKEN_TTL: "86400",
    ...BULK_PLANNING,
    ...serverEnv,
  };
  const inspectPort = await freePort();
  const start = (profile = false) =>
    startBuiltServer({
      port,
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
      env,
      nodeArgs: [
        ...(profile && flags.profile
          ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(flags.profile)}`]
          : []),
        ...(profile && flags.allocations ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
        ...perfNodeArgs,
      ],
    });
  let server: ServerProcess = await start();
  const running: { load: ChildProcess | null } = { load: null };
  let profileWindow: ProfileWindow | undefined;
  try {
    const url = server.url;
    log(
      `N=${conversations}: server pid ${server.pid} on ${url} (${store.databaseUrl ? "PostgreSQL" : "SQLite"}, COLLAB_SYNC=${sync})`,
    );
    const setupStarted = performance.now();
    const planned = await planConversations(url, conversations + 1);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const long = planned.pop() as { id: string; tokens: string[] };
    log(
      `planned ${planned.length + 1} conversations and opened ${(planned.length + 1) * 3} invites in ${setupSeconds.toFixed(1)} s`,
    );

    // The finished 40-minute conversation, and how long a newcomer takes to load it.
    const built = await buildLongConversation(url, long, longDocKeystrokes);
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await timeLoad(url, long.id, long.tokens[0] as string));
    for (const c of built.clients) c.destroy();
    await server.stop("SIGTERM", 60_000);
    server = await start(true);
    const cold = await timeLoad(url, long.id, long.tokens[0] as string);
    const afterCold = [];
    for (let i = 0; i < 5; i++)
      afterCold.push(await timeLoad(url, long.id, long.tokens[0] as string));
    const median = (xs: number[]) => percentiles(xs).p50;
    const longDoc = {
      buildSeconds: built.seconds,
      bytes: cold.bytes,
      chars: cold.chars,
      warmMs: median(warm.map((w) => w.elapsed)),
      coldMs: cold.elapsed,
      afterColdMs: median(afterCold.map((w) => w.elapsed)),
    };
    log(
      `long conversation: ${longDocKeystrokes} keystrokes typed in ${built.seconds.toFixed(1)} s; ${kb(cold.bytes)} state, ${cold.chars} chars of content; load cold ${ms(longDoc.coldMs)}, warm ${ms(longDoc.warmMs)} / ${ms(longDoc.afterColdMs)}`,
    );

    const mails = await outboxSent(url);
    log(
      `invitation mails: ${mails.sent} more sent in ${mails.seconds.toFixed(1)} s before the load`,
    );

    // The load, in its own process.
    const driven = await driveLoad({
      url,
      serverPid: server.pid,
      conversations: planned,
      longDoc: { id: long.id, token: long.tokens[1] as string },
      databaseUrl: store.databaseUrl,
      plainUrls: false,
      onLoad: (child) => {
        running.load = child;
      },
      inspectPort: flags.allocations ? inspectPort : undefined,
      perfFile: perfFile("driehoek", conversations),
    });
    const complaints = server.output.filter((line) => /error|fail|could not/i.test(line));
    if (complaints.length > 0)
      log(
        `the server printed ${complaints.length} error lines, e.g.:\n  ${complaints.slice(0, 3).join("\n  ")}`,
      );
    profileWindow = driven.window.clock;
    const commits = await commitFigures(store, driven.window.from, driven.window.to);
    return {
      ...driven,
      conversations,
      setupSeconds,
      updatesPerSecond: driven.results.storedDuringWindow / driven.results.windowSeconds,
      commits,
      longDoc,
    };
  } finally {
    if (running.load && running.load.exitCode === null) running.load.kill("SIGKILL");
    await server.stop("SIGTERM", 30_000);
    await store.drop();
    if (flags.profile) console.log(summariseProfile(path.resolve(flags.profile), profileWindow));
  }
}

/** What one scale-out run measured. */
interface ClusterFigures extends LoadFigures {
  processes: number;
  conversations: number;
  updatesPerSecond: number;
  commits: { entries: number; batches: number; largest: number };
}

/** Runs the load against `count` server processes on one PostgreSQL database and Redis. */
async function runCluster(count: number, conversations: number): Promise<ClusterFigures> {
  const store = await freshStore();
  const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  const prefix = `bench-collab:${randomUUID().slice(0, 8)}:`;
  const env = {
    COLLAB_SYNC: sync,
    COLLAB_RATE: String(flags["collab-rate"]),
    ACCESS_TOKEN_TTL: "86400",
    REDIS_URL: redisUrl,
    COLLAB_REDIS_PREFIX: prefix,
    RATE_LIMIT_PREFIX: `${prefix}rate`,
    ...BULK_PLANNING,
  };
  const servers: ServerProcess[] = [];
  const running: { load: ChildProcess | null } = { load: null };
  try {
    // One after the other: the first migrates and seeds the demo school.
    for (let i = 0; i < count; i++)
      servers.push(
        await startBuiltServer({ port: await freePort(), databaseUrl: store.databaseUrl, env }),
      );
    log(
      `${count} process(es) ${servers.map((s) => `${s.pid} on ${s.url}`).join(", ")} (PostgreSQL, Redis ${redisUrl}, COLLAB_SYNC=${sync})`,
    );
    const first = servers[0] as ServerProcess;
    const planned = await planConversations(first.url, conversations);
    await outboxSent(first.url);
    const driven = await driveLoad({
      url: first.url,
      urls: servers.map((s) => s.url),
      serverPid: first.pid,
      serverPids: servers.map((s) => s.pid),
      conversations: planned,
      longDoc: null,
      databaseUrl: store.databaseUrl,
      plainUrls: false,
      onLoad: (child) => {
        running.load = child;
      },
    });
    for (const server of servers) {
      const complaints = server.output.filter((line) => /error|fail|could not/i.test(line));
      if (complaints.length > 0)
        log(
          `process ${server.pid} printed ${complaints.length} error lines, e.g.:\n  ${complaints.slice(0, 3).join("\n  ")}`,
        );
    }
    const commits = await commitFigures(store, driven.window.from, driven.window.to);
    return {
      ...driven,
      processes: count,
      conversations,
      updatesPerSecond: driven.results.storedDuringWindow / driven.results.windowSeconds,
      commits,
    };
  } finally {
    if (running.load && running.load.exitCode === null) running.load.kill("SIGKILL");
    await Promise.all(servers.map((s) => s.stop("SIGTERM", 30_000)));
    await store.drop();
  }
}

/** The scale-out comparison: the same load on 1, 2, 3, … processes. */
async function mainCluster(counts: number[]): Promise<void> {
  const conversations = sizes[0] ?? 60;
  log(
    `collab scale-out benchmark: ${counts.join(", ")} processes; ${conversations} conversations (${conversations * 3} clients), ${rate} keystroke/s per client; ${warmup} s warm-up + ${seconds} s measured; PostgreSQL + Redis, COLLAB_SYNC=${sync}`,
  );
  const all: ClusterFigures[] = [];
  for (const count of counts) {
    const f = await runCluster(count, conversations);
    all.push(f);
    const r = f.results;
    log(
      `${count} process(es): relay p50 ${ms(r.relay.p50)}, p99 ${ms(r.relay.p99)} (${r.relayedInWindow}/${r.relayExpected} arrivals); stored p50 ${ms(r.stored.p50)}, p99 ${ms(r.stored.p99)}; ${f.updatesPerSecond.toFixed(0)} updates/s stored; server CPU ${(f.serverCpu * 100).toFixed(0)}% (all processes); closes ${JSON.stringify(r.closes)}; unconfirmed after drain ${r.unconfirmedAfterDrain}`,
    );
  }
  console.log(
    "\n| processes | clients | typed/s | stored/s | relay arrivals/s | relay p50 | relay p99 | stored p50 | stored p99 | server CPU (sum) | commits/s |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const f of all) {
    const r = f.results;
    console.log(
      `| ${f.processes} | ${f.clients} | ${(r.typedInWindow / r.windowSeconds).toFixed(0)} | ${f.updatesPerSecond.toFixed(0)} | ${(r.relayedInWindow / r.windowSeconds).toFixed(0)} | ${ms(r.relay.p50)} | ${ms(r.relay.p99)} | ${ms(r.stored.p50)} | ${ms(r.stored.p99)} | ${(f.serverCpu * 100).toFixed(0)}% | ${(f.commits.batches / r.windowSeconds).toFixed(0)} |`,
    );
  }
}

/**
 * Runs the load against the baseline relay (bench/relay.ts) in a process of its own; `durable`:
 * the relay stores every update first (see the top).
 */
async function runBaseline(conversations: number, durable = false): Promise<LoadFigures> {
  const logDir = durable ? fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-relay-")) : null;
  const relay = fork(
    path.join(SERVER_DIR, "bench", "relay.ts"),
    logDir ? ["--durable", path.join(logDir, "log.sqlite")] : [],
    {
      cwd: SERVER_DIR,
      execArgv: ["--import", "tsx", ...perfNodeArgs],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const running: { load: ChildProcess | null } = { load: null };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      relay.once("message", (m: { type: string; port: number }) => resolve(m.port));
      relay.once("exit", (code) =>
        reject(new Error(`The relay exited (${code}) before listening.`)),
      );
    });
    log(
      `N=${conversations}: baseline ${durable ? "durable relay" : "relay"} pid ${relay.pid} on port ${port}`,
    );
    // The same finished conversation as Driehoek's, which newcomers open during the load.
    const long = { id: "bench-long", tokens: ["a", "b", "c"] };
    const built = await buildLongConversation(
      `http://127.0.0.1:${port}`,
      long,
      longDocKeystrokes,
      true,
    );
    for (const c of built.clients) c.destroy();
    return await driveLoad({
      url: `http://127.0.0.1:${port}`,
      serverPid: relay.pid as number,
      conversations: Array.from({ length: conversations }, (_, i) => ({
        id: `bench-${i}`,
        tokens: ["a", "b", "c"],
      })),
      longDoc: { id: long.id, token: "a" },
      plainUrls: true,
      onLoad: (child) => {
        running.load = child;
      },
      perfFile: perfFile(durable ? "durable-relay" : "relay", conversations),
    });
  } finally {
    if (running.load && running.load.exitCode === null) running.load.kill("SIGKILL");
    relay.removeAllListeners("exit");
    relay.kill("SIGKILL");
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
  }
}

async function main() {
  if (processCounts) return mainCluster(processCounts);
  log(
    `collab benchmark: sizes ${sizes.join(", ")}; ${rate} keystroke/s per client; ${warmup} s warm-up + ${seconds} s measured; ${flags.postgres ? "PostgreSQL" : "SQLite"}, COLLAB_SYNC=${sync}${flags.awareness ? ", with awareness" : ""}`,
  );
  const all: SizeFigures[] = [];
  const comparisons: string[] = [];
  for (const size of sizes) {
    const rounds: Round[] = [];
    for (let round = 1; round <= roundCount; round++) {
      if (roundCount > 1) log(`N=${size}: round ${round} of ${roundCount}`);
      const relay = flags["skip-baseline"] ? null : await runBaseline(size);
      if (relay)
        log(
          `baseline: relay p50 ${ms(relay.results.relay.p50)}, p99 ${ms(relay.results.relay.p99)} (${relay.results.relayedInWindow}/${relay.results.relayExpected} arrivals); CPU ${(relay.serverCpu * 100).toFixed(0)}%; the 40-minute conversation opened under load in ${relay.results.loadUnderLoadMs.map(ms).join(" / ") || "-"}`,
        );
      const durable = relay && flags["durable-baseline"] ? await runBaseline(size, true) : null;
      if (durable)
        log(
          `durable baseline: relay p50 ${ms(durable.results.relay.p50)}, p99 ${ms(durable.results.relay.p99)}; stored p50 ${ms(durable.results.stored.p50)}, p99 ${ms(durable.results.stored.p99)} (${durable.results.storedDuringWindow} confirmed); CPU ${(durable.serverCpu * 100).toFixed(0)}%`,
        );
      const driehoek = await runSize(size);
      all.push(driehoek);
      console.log(report(driehoek, { rate, longDocKeystrokes }));
      if (relay) rounds.push({ driehoek, relay, durable });
    }
    if (rounds.length > 0) comparisons.push(comparison(rounds));
  }
  for (const c of comparisons) console.log(c);
  console.log(summaryTable(all));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
