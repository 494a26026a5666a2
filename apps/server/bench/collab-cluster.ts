/**
 * The collaboration benchmark's scale-out mode (--processes; see the top of bench/collab.ts): the
 * same load against one, two, three, … server processes sharing PostgreSQL and Redis.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { freePort, type ServerProcess } from "@driehoek/test-support";
import { startBuiltServer } from "../test/crash/built-server.js";
import { driveLoad } from "./collab-drive.js";
import type { CollabOptions } from "./collab-options.js";
import type { LoadFigures } from "./collab-report.js";
import {
  BULK_PLANNING,
  commitFigures,
  freshStore,
  log,
  outboxSent,
  planConversations,
} from "./collab-setup.js";
import { ms } from "./measure.js";

/** What one scale-out run measured. */
interface ClusterFigures extends LoadFigures {
  processes: number;
  conversations: number;
  updatesPerSecond: number;
  commits: { entries: number; batches: number; largest: number };
}

/** Runs the load against `count` server processes on one PostgreSQL database and Redis. */
async function runCluster(
  options: CollabOptions,
  count: number,
  conversations: number,
): Promise<ClusterFigures> {
  const store = await freshStore(options);
  const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  const prefix = `bench-collab:${randomUUID().slice(0, 8)}:`;
  const env = {
    COLLAB_SYNC: options.sync,
    COLLAB_RATE: options.collabRate,
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
      `${count} process(es) ${servers.map((s) => `${s.pid} on ${s.url}`).join(", ")} (PostgreSQL, Redis ${redisUrl}, COLLAB_SYNC=${options.sync})`,
    );
    const first = servers[0] as ServerProcess;
    const planned = await planConversations(first.url, conversations);
    await outboxSent(first.url);
    const driven = await driveLoad(options, {
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
export async function mainCluster(
  options: CollabOptions,
  counts: readonly number[],
): Promise<void> {
  const conversations = options.sizes[0] ?? 60;
  log(
    `collab scale-out benchmark: ${counts.join(", ")} processes; ${conversations} conversations (${conversations * 3} clients), ${options.rate} keystroke/s per client; ${options.warmup} s warm-up + ${options.seconds} s measured; PostgreSQL + Redis, COLLAB_SYNC=${options.sync}`,
  );
  const all: ClusterFigures[] = [];
  for (const count of counts) {
    const f = await runCluster(options, count, conversations);
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
