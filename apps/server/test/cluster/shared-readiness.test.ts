import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSharedRedis } from "../../src/security/redis.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { testRedisUrl } from "./processes.js";

/*
 * /readyz answers for Redis too when REDIS_URL is set: a load balancer takes a process out
 * while its Redis is unreachable, and back once it answers again. The Redis here is a
 * redis-server of the test's own (never the shared one), stopped and started again.
 */

const hasRedis = Boolean(testRedisUrl("shared-readiness.test.ts"));
const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
if (hasRedis && !hasRedisServer) throw new Error("redis-server is needed to stop and start one");
const PORT = Number(process.env.CLUSTER_TEST_REDIS_PORT ?? 6392);

/** Starts redis-server on PORT as a child of the test and waits until it accepts connections. */
async function startRedis(): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(PORT, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
  const until = Date.now() + 10_000;
  while (!(await accepts())) {
    if (Date.now() > until) throw new Error(`redis-server did not start on port ${PORT}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

describe.skipIf(!hasRedis)("readiness with Redis", () => {
  let redis: ChildProcess;
  let server: TestServer;
  const readiness = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    redis = await startRedis();
    server = await startTestServer("sqlite", {
      config: { redisUrl: `redis://127.0.0.1:${PORT}`, redisPrefix: "cluster-test:ready:" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await closeSharedRedis();
    if (redis?.exitCode === null) await stopRedis(redis);
  });

  it("is ready while Redis answers, not while it is gone, and ready again once it is back", async () => {
    expect(await readiness()).toEqual({ status: 200, body: { ok: true, status: "ready" } });
    await stopRedis(redis);
    await expect
      .poll(readiness, { timeout: 5_000 })
      .toEqual({ status: 503, body: { ok: false, status: "redis_unreachable" } });
    // Liveness is not readiness: the process is alive and says so.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The API keeps answering meanwhile (the limits count in memory).
    expect((await server.gql("{ __typename }")).status).toBe(200);
    redis = await startRedis();
    await expect
      .poll(readiness, { timeout: 10_000 })
      .toEqual({ status: 200, body: { ok: true, status: "ready" } });
  });
});
