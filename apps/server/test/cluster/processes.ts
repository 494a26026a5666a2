import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import type { ServerProcess } from "@driehoek/test-support";
import { Redis } from "ioredis";
import pg from "pg";
import { ensureServerBuilt, startBuiltServer } from "../crash/built-server.js";

/**
 * The Redis the shared-state tests run against (`TEST_REDIS_URL`), or undefined with a warning
 * naming `suite`; where Redis is required (`REQUIRE_REDIS=1`, as in CI) its absence fails.
 */
export function testRedisUrl(suite: string): string | undefined {
  const url = process.env.TEST_REDIS_URL;
  if (!url && process.env.REQUIRE_REDIS === "1") {
    throw new Error("REQUIRE_REDIS=1 but TEST_REDIS_URL is not set");
  }
  if (!url) console.warn(`${suite}: Redis tests skipped (set TEST_REDIS_URL to run them)`);
  return url;
}

/**
 * The PostgreSQL server the cluster tests make their databases on (`TEST_DATABASE_URL`, else
 * `DATABASE_URL` as the other suites use), or undefined with a warning; required with
 * `REQUIRE_POSTGRES=1`.
 */
export function testPostgresUrl(suite: string): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url && process.env.REQUIRE_POSTGRES === "1") {
    throw new Error("REQUIRE_POSTGRES=1 but neither TEST_DATABASE_URL nor DATABASE_URL is set");
  }
  if (!url) {
    console.warn(`${suite}: PostgreSQL cluster tests skipped (set TEST_DATABASE_URL to run them)`);
  }
  return url;
}

/** A key prefix of its own for one test run, so runs sharing a Redis never meet. */
export const testRedisPrefix = (): string => `cluster-test:${randomUUID().slice(0, 8)}:`;

/** The ports cluster tests listen on (`CLUSTER_TEST_PORTS`, e.g. "4160-4189"); free ones otherwise. */
function portRange(): [number, number] | null {
  const match = /^(\d+)-(\d+)$/.exec(process.env.CLUSTER_TEST_PORTS ?? "");
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

let nextPort = Math.floor(Math.random() * 1000);

/** A free port from CLUSTER_TEST_PORTS, or undefined (the harness then picks any free one). */
async function pickPort(): Promise<number | undefined> {
  const range = portRange();
  if (!range) return undefined;
  const size = range[1] - range[0] + 1;
  for (let i = 0; i < size; i++) {
    const port = range[0] + (nextPort++ % size);
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in CLUSTER_TEST_PORTS=${process.env.CLUSTER_TEST_PORTS}`);
}

/** Several real server processes on one fresh PostgreSQL database and one Redis. */
export interface Cluster {
  /** The processes; the first seeded the demo school (its banner has the logins and links). */
  processes: ServerProcess[];
  /** The database they share, for the test's own checks. */
  db: pg.Client;
  /** A Redis connection of the test's own, on the same Redis. */
  redis: Redis;
  /** The prefix of the cluster's keys and channels in Redis. */
  prefix: string;
  /** Subscribers on `channel` (without prefix), one per process listening to it. */
  subscribers(channel: string): Promise<number>;
  /** Stops every process and drops the database. */
  stop(): Promise<void>;
}

/** How to start a cluster. */
export interface ClusterOptions {
  postgresUrl: string;
  redisUrl: string;
  /** Processes to start (default 3). */
  count?: number;
  /** More environment for every process (SMTP_URL, limits, ...). */
  env?: Record<string, string>;
}

/**
 * Builds the server if its source is newer, makes a fresh database `cluster_<random>`, and
 * starts `count` processes of the built server on it with one REDIS_URL and a prefix of its
 * own: the first seeds the demo school, the others start once it is up (as a rolling
 * deployment adds processes to a running database).
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  ensureServerBuilt();
  const name = `cluster_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const prefix = testRedisPrefix();
  const env = {
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: prefix,
    RATE_LIMIT_PREFIX: `${prefix}limits`,
    ...options.env,
  };
  const processes: ServerProcess[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  const redis = new Redis(options.redisUrl);
  redis.on("error", () => {}); // a test may stop its Redis; this client reconnects
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db.end().catch(() => {});
    await redis.quit().catch(() => {});
    const dropper = new pg.Client({ connectionString: options.postgresUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  try {
    processes.push(await startBuiltServer({ databaseUrl, env, port: await pickPort() }));
    const rest = await Promise.all(
      Array.from({ length: (options.count ?? 3) - 1 }, async () =>
        startBuiltServer({ databaseUrl, env, seedDemo: false, port: await pickPort() }),
      ),
    );
    processes.push(...rest);
    await db.connect();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    processes,
    db,
    redis,
    prefix,
    subscribers: async (channel) => {
      const [, count] = (await redis.pubsub("NUMSUB", `${prefix}events:${channel}`)) as [
        string,
        number,
      ];
      return Number(count);
    },
    stop,
  };
}

/** The port of the redis-server a test starts and stops itself (never the shared one). */
export const OWN_REDIS_PORT = Number(process.env.CLUSTER_TEST_REDIS_PORT ?? 6392);

/** Starts redis-server on `port` as the test's child and waits until it accepts connections. */
export async function startOwnRedis(port = OWN_REDIS_PORT): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
  const until = Date.now() + 10_000;
  while (!(await accepts())) {
    if (Date.now() > until) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

/** Kills a redis-server `startOwnRedis` started (as a crash would) and waits for its exit. */
export async function stopOwnRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}
