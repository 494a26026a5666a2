import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  collabTicket,
  collabUrl,
  freePort,
  graphql,
  joinWithInvite,
  RawCollabClient,
  until,
} from "@driehoek/test-support";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ensureServerBuilt, SERVER_DIR } from "../crash/built-server.js";

/**
 * `npm run start:cluster` (its built script) with two PostgreSQL-backed processes behind nginx:
 * it prints the address, GraphQL and both websocket endpoints work through nginx, and on
 * SIGTERM it stops leaving no process behind. Needs nginx and PostgreSQL (TEST_DATABASE_URL or
 * DATABASE_URL); skipped without them, required with REQUIRE_POSTGRES=1.
 */

const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const nginx = ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((p) => fs.existsSync(p)) ?? null;
const missing = [!nginx && "nginx (apt-get install -y nginx)", !adminUrl && "TEST_DATABASE_URL"]
  .filter(Boolean)
  .join(" and ");
if (missing && process.env.REQUIRE_POSTGRES === "1")
  throw new Error(`REQUIRE_POSTGRES=1 but ${missing} missing: the cluster test is required here.`);
if (missing) console.warn(`cluster.test.ts skipped: ${missing} missing`);

/** Whether nothing listens on `port` of 127.0.0.1. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A public port whose next two ports (the processes') are free too. */
async function threeFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65_000 && (await isFree(port + 1)) && (await isFree(port + 2))) return port;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(Boolean(missing))("npm run start:cluster", () => {
  const name = `ops_cluster_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const databaseUrl = (() => {
    const url = new URL(adminUrl ?? "postgres://localhost/x");
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-ops-cluster-"));
  let cluster: ChildProcess | null = null;
  const pids: number[] = [];

  beforeAll(() => ensureServerBuilt(), 120_000);

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) cluster.kill("SIGKILL");
    for (const pid of pids) if (alive(pid)) process.kill(pid, "SIGKILL");
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves GraphQL and websockets through nginx and stops cleanly", async () => {
    const port = await threeFreePorts();
    const output: string[] = [];
    cluster = spawn(
      process.execPath,
      [
        path.join(SERVER_DIR, "dist", "scripts", "start-cluster.js"),
        "--processes",
        "2",
        "--port",
        String(port),
        "--host",
        "127.0.0.1",
      ],
      {
        cwd: SERVER_DIR,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          DATABASE_URL: databaseUrl,
          REDIS_URL: redisUrl,
          RATE_LIMIT_PREFIX: `ops-test:${randomUUID()}`,
          DATA_DIR: dataDir,
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) => cluster?.once("exit", resolve));
    for (const stream of [cluster.stdout, cluster.stderr])
      stream?.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n")));
    const text = () => output.join("\n");

    await until(
      // The banner's last line: the address and the invite links are all in by then.
      () => /^Ctrl-C stops everything\.$/m.test(text()) || cluster?.exitCode !== null,
      "the cluster's address",
      90_000,
    );
    expect(cluster.exitCode, text()).toBeNull();
    const url = /^Driehoek cluster is running at (\S+)$/m.exec(text())?.[1] as string;
    expect(url).toBe(`http://127.0.0.1:${port}`);
    for (const m of text().matchAll(/^\[cluster\] (\S+) pid (\d+)$/gm)) pids.push(Number(m[2]));
    expect(pids).toHaveLength(3); // two servers and nginx
    const invite = /^invite student: (\S+)$/m.exec(text())?.[1];
    expect(invite?.startsWith(`${url}/join/`), text()).toBe(true);

    // GraphQL over nginx.
    const health = await fetch(`${url}/healthz`);
    expect(health.headers.get("server")).toMatch(/^nginx/);
    const session = await joinWithInvite(url, invite as string);
    const me = await graphql<{ conversation: { id: string } }>(
      url,
      "query($id: ID!) { conversation(id: $id) { id } }",
      { id: session.conversationId },
      session.accessToken,
    );
    expect(me.conversation.id).toBe(session.conversationId);

    // The collaboration websocket through nginx: upgraded and synced. Until single-use tickets
    // are shared between processes, a ticket opens a socket only on the process that issued
    // it, so tickets are asked from each process in turn until nginx picks the issuer.
    const backends = [port + 1, port + 2].map((p) => `http://127.0.0.1:${p}`);
    let synced = false;
    const refusals: string[] = [];
    for (let attempt = 0; attempt < 8 && !synced; attempt++) {
      const issuer = backends[attempt % backends.length] as string;
      const collab = new RawCollabClient(async () =>
        collabUrl(
          url,
          session.conversationId,
          await collabTicket(issuer, session.conversationId, session.accessToken),
        ),
      );
      try {
        await collab.connect();
        synced = collab.synced;
      } catch (error) {
        refusals.push((error as Error).message);
      } finally {
        collab.destroy();
      }
    }
    expect(synced, refusals.join("\n")).toBe(true);

    // The GraphQL websocket through nginx: graphql-transport-ws acknowledges.
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    const ack = await new Promise<string>((resolve, reject) => {
      socket.once("error", reject);
      socket.once("open", () =>
        socket.send(
          JSON.stringify({
            type: "connection_init",
            payload: { authorization: `Bearer ${session.accessToken}` },
          }),
        ),
      );
      socket.once("message", (data) => resolve(String(data)));
    });
    expect(JSON.parse(ack).type).toBe("connection_ack");
    socket.close();

    // SIGTERM: everything stops, nothing is left behind.
    const configLine = /nginx config: (\S+)$/m.exec(text())?.[1] as string;
    cluster.kill("SIGTERM");
    expect(await exited, text()).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(fs.existsSync(path.dirname(configLine))).toBe(false);
    const probe = await fetch(`${url}/healthz`).then(
      () => "answered",
      () => "refused",
    );
    expect(probe).toBe("refused");
  }, 150_000);

  it("says how to install nginx when it is missing", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(SERVER_DIR, "dist", "scripts", "start-cluster.js")],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", NGINX: "/nonexistent/nginx" },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/apt-get install -y nginx/);
  });
});
