import { randomUUID } from "node:crypto";
import { PARTICIPANT_ROLES, type ParticipantRole } from "@driehoek/domain";
import {
  type InviteSession,
  joinWithInvite,
  type ServerProcess,
  ticketedUrl,
} from "@driehoek/test-support";
import { Redis } from "ioredis";
import pg from "pg";
import { startBuiltServer } from "../crash/built-server.js";

/** PostgreSQL and Redis for cluster tests, or null (with a warning) when they are not set. */
export interface ClusterServices {
  /** An admin connection string; each cluster makes a fresh database from it. */
  databaseUrl: string;
  redisUrl: string;
}

const warned = new Set<string>();

/**
 * PostgreSQL (TEST_DATABASE_URL, or DATABASE_URL as CI sets it) and Redis (TEST_REDIS_URL).
 * Without them the cluster tests are skipped with a message; with REQUIRE_POSTGRES=1 or
 * REQUIRE_REDIS=1 (CI) their absence fails the run.
 */
export function clusterServices(file: string): ClusterServices | null {
  const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!databaseUrl && process.env.REQUIRE_POSTGRES === "1")
    throw new Error("REQUIRE_POSTGRES=1 but neither TEST_DATABASE_URL nor DATABASE_URL is set");
  if (!redisUrl && process.env.REQUIRE_REDIS === "1")
    throw new Error("REQUIRE_REDIS=1 but TEST_REDIS_URL is not set");
  if (databaseUrl && redisUrl) return { databaseUrl, redisUrl };
  if (!warned.has(file)) {
    warned.add(file);
    console.warn(
      `${file}: cluster tests skipped (set TEST_DATABASE_URL or DATABASE_URL, and TEST_REDIS_URL, to run them)`,
    );
  }
  return null;
}

/** Options of a cluster of real server processes. */
export interface ClusterOptions {
  services: ClusterServices;
  /** How many processes (default 3). */
  size?: number;
  /** Process i listens on basePort + i. */
  basePort: number;
  /** Redis for the processes when not `services.redisUrl` (e.g. a Redis the test restarts). */
  redisUrl?: string;
  /** More environment for every process. */
  env?: Record<string, string>;
}

/** N real server processes (`node dist/index.js`) on one fresh PostgreSQL database and Redis. */
export class Cluster {
  readonly processes: (ServerProcess | null)[] = [];
  /** The Redis channel prefix of this cluster (apart from every other user of the Redis). */
  readonly prefix = `relay-test:${randomUUID().slice(0, 8)}:`;
  private databaseName = `relay_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  private databaseUrlOfCluster = "";

  constructor(private readonly options: ClusterOptions) {}

  get databaseUrl(): string {
    return this.databaseUrlOfCluster;
  }

  get size(): number {
    return this.options.size ?? 3;
  }

  /** Makes the database and starts every process, one after the other (the first seeds). */
  async start(): Promise<void> {
    const admin = new pg.Client({ connectionString: this.options.services.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${this.databaseName}`);
    await admin.end();
    const url = new URL(this.options.services.databaseUrl);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrlOfCluster = url.toString();
    for (let i = 0; i < this.size; i++) await this.startProcess(i);
  }

  /** Starts (again) process `i` on its port. */
  async startProcess(i: number): Promise<ServerProcess> {
    const started = await startBuiltServer({
      port: this.options.basePort + i,
      databaseUrl: this.databaseUrl,
      env: {
        REDIS_URL: this.options.redisUrl ?? this.options.services.redisUrl,
        COLLAB_REDIS_PREFIX: this.prefix,
        RATE_LIMIT_PREFIX: `${this.prefix}rate`,
        COLLAB_RELAY_HEARTBEAT_MS: "500",
        COLLAB_RELAY_PEER_TIMEOUT_MS: "2500",
        COLLAB_PROJECTION_DELAY_MS: "300",
        ...this.options.env,
      },
    });
    this.processes[i] = started;
    return started;
  }

  process(i: number): ServerProcess {
    const found = this.processes[i];
    if (!found) throw new Error(`process ${i} is not running`);
    return found;
  }

  /** The processes that are running, by index. */
  alive(): number[] {
    return this.processes.flatMap((p, i) => (p ? [i] : []));
  }

  /** Kills process `i` with SIGKILL (no goodbye to anyone). */
  async kill(i: number): Promise<void> {
    await this.processes[i]?.stop("SIGKILL");
    this.processes[i] = null;
  }

  /** The demo conversation's three participants, logged in through process 0. */
  async participants(): Promise<InviteSession[]> {
    const first = this.process(0);
    const sessions: InviteSession[] = [];
    for (const role of PARTICIPANT_ROLES as readonly ParticipantRole[])
      sessions.push(await joinWithInvite(first.url, first.invite(role)));
    return sessions;
  }

  /**
   * A websocket address for `session` on process `i` with a fresh ticket from that process (a
   * ticket is single-use and kept by the process that issued it).
   */
  urlOn(i: number, docName: string, session: InviteSession, acks = true) {
    return ticketedUrl(this.process(i).url, docName, session.accessToken, acks);
  }

  /** Stops every process (SIGKILL: the database is dropped next), drops the database and keys. */
  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p?.stop("SIGKILL")));
    this.processes.length = 0;
    if (!this.databaseUrlOfCluster) return;
    const admin = new pg.Client({ connectionString: this.options.services.databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(this.options.services.redisUrl, { lazyConnect: true });
    try {
      await redis.connect();
      const keys = await redis.keys(`${this.prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } catch {
      // Nothing stored, or Redis is gone: nothing to clean.
    } finally {
      redis.disconnect();
    }
  }
}
