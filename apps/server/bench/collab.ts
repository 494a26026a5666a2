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
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type ServerProcess } from "@driehoek/test-support";
import { SERVER_DIR, startBuiltServer } from "../test/crash/built-server.js";
import { mainCluster } from "./collab-cluster.js";
import { driveLoad } from "./collab-drive.js";
import { type CollabOptions, collabOptions } from "./collab-options.js";
import {
  comparison,
  type LoadFigures,
  type Round,
  report,
  type SizeFigures,
  summaryTable,
} from "./collab-report.js";
import {
  BULK_PLANNING,
  buildLongConversation,
  commitFigures,
  freshStore,
  log,
  outboxSent,
  planConversations,
  timeLoad,
} from "./collab-setup.js";
import { kb, ms, percentiles } from "./measure.js";
import { type ProfileWindow, summariseProfile } from "./profile.js";

async function runSize(options: CollabOptions, conversations: number): Promise<SizeFigures> {
  const store = await freshStore(options);
  const port = await freePort();
  const env = {
    COLLAB_SYNC: options.sync,
    COLLAB_RATE: options.collabRate,
    ACCESS_TOKEN_TTL: "86400",
    ...BULK_PLANNING,
    ...options.serverEnv,
  };
  const inspectPort = await freePort();
  const start = (profile = false) =>
    startBuiltServer({
      port,
      dataDir: store.dataDir,
      databaseUrl: store.databaseUrl,
      env,
      nodeArgs: [
        ...(profile && options.profile
          ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile)}`]
          : []),
        ...(profile && options.allocations ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
        ...options.perfNodeArgs,
      ],
    });
  let server: ServerProcess = await start();
  const running: { load: ChildProcess | null } = { load: null };
  let profileWindow: ProfileWindow | undefined;
  try {
    const url = server.url;
    log(
      `N=${conversations}: server pid ${server.pid} on ${url} (${store.databaseUrl ? "PostgreSQL" : "SQLite"}, COLLAB_SYNC=${options.sync})`,
    );
    const setupStarted = performance.now();
    const planned = await planConversations(url, conversations + 1);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const long = planned.pop() as { id: string; tokens: string[] };
    log(
      `planned ${planned.length + 1} conversations and opened ${(planned.length + 1) * 3} invites in ${setupSeconds.toFixed(1)} s`,
    );

    // The finished 40-minute conversation, and how long a newcomer takes to load it.
    const built = await buildLongConversation(url, long, options.longDocKeystrokes, options.seed);
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
      `long conversation: ${options.longDocKeystrokes} keystrokes typed in ${built.seconds.toFixed(1)} s; ${kb(cold.bytes)} state, ${cold.chars} chars of content; load cold ${ms(longDoc.coldMs)}, warm ${ms(longDoc.warmMs)} / ${ms(longDoc.afterColdMs)}`,
    );

    const mails = await outboxSent(url);
    log(
      `invitation mails: ${mails.sent} more sent in ${mails.seconds.toFixed(1)} s before the load`,
    );

    // The load, in its own process.
    const driven = await driveLoad(options, {
      url,
      serverPid: server.pid,
      conversations: planned,
      longDoc: { id: long.id, token: long.tokens[1] as string },
      databaseUrl: store.databaseUrl,
      plainUrls: false,
      onLoad: (child) => {
        running.load = child;
      },
      inspectPort: options.allocations ? inspectPort : undefined,
      perfFile: options.perfFile("driehoek", conversations),
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
    if (options.profile)
      console.log(summariseProfile(path.resolve(options.profile), profileWindow));
  }
}

/**
 * Runs the load against the baseline relay (bench/relay.ts) in a process of its own; `durable`:
 * the relay stores every update first (see the top).
 */
async function runBaseline(
  options: CollabOptions,
  conversations: number,
  durable = false,
): Promise<LoadFigures> {
  const logDir = durable ? fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-relay-")) : null;
  const relay = fork(
    path.join(SERVER_DIR, "bench", "relay.ts"),
    logDir ? ["--durable", path.join(logDir, "log.sqlite")] : [],
    {
      cwd: SERVER_DIR,
      execArgv: ["--import", "tsx", ...options.perfNodeArgs],
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
      options.longDocKeystrokes,
      options.seed,
      true,
    );
    for (const c of built.clients) c.destroy();
    return await driveLoad(options, {
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
      perfFile: options.perfFile(durable ? "durable-relay" : "relay", conversations),
    });
  } finally {
    if (running.load && running.load.exitCode === null) running.load.kill("SIGKILL");
    relay.removeAllListeners("exit");
    relay.kill("SIGKILL");
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
  }
}

async function main(options: CollabOptions) {
  if (options.processCounts) return mainCluster(options, options.processCounts);
  log(
    `collab benchmark: sizes ${options.sizes.join(", ")}; ${options.rate} keystroke/s per client; ${options.warmup} s warm-up + ${options.seconds} s measured; ${options.postgres ? "PostgreSQL" : "SQLite"}, COLLAB_SYNC=${options.sync}${options.awareness ? ", with awareness" : ""}`,
  );
  const all: SizeFigures[] = [];
  const comparisons: string[] = [];
  for (const size of options.sizes) {
    const rounds: Round[] = [];
    for (let round = 1; round <= options.roundCount; round++) {
      if (options.roundCount > 1) log(`N=${size}: round ${round} of ${options.roundCount}`);
      const relay = options.skipBaseline ? null : await runBaseline(options, size);
      if (relay)
        log(
          `baseline: relay p50 ${ms(relay.results.relay.p50)}, p99 ${ms(relay.results.relay.p99)} (${relay.results.relayedInWindow}/${relay.results.relayExpected} arrivals); CPU ${(relay.serverCpu * 100).toFixed(0)}%; the 40-minute conversation opened under load in ${relay.results.loadUnderLoadMs.map(ms).join(" / ") || "-"}`,
        );
      const durable =
        relay && options.durableBaseline ? await runBaseline(options, size, true) : null;
      if (durable)
        log(
          `durable baseline: relay p50 ${ms(durable.results.relay.p50)}, p99 ${ms(durable.results.relay.p99)}; stored p50 ${ms(durable.results.stored.p50)}, p99 ${ms(durable.results.stored.p99)} (${durable.results.storedDuringWindow} confirmed); CPU ${(durable.serverCpu * 100).toFixed(0)}%`,
        );
      const driehoek = await runSize(options, size);
      all.push(driehoek);
      console.log(report(driehoek, options));
      if (relay) rounds.push({ driehoek, relay, durable });
    }
    if (rounds.length > 0) comparisons.push(comparison(rounds));
  }
  for (const c of comparisons) console.log(c);
  console.log(summaryTable(all));
}

main(collabOptions(process.argv.slice(2))).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
