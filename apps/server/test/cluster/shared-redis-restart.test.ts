import { type ChildProcess, spawnSync } from "node:child_process";
import { graphql, joinWithInvite, type ServerProcess } from "@driehoek/test-support";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { closeSharedRedis } from "../../src/security/redis.js";
import { startTestServer, type TestServer } from "../support/server.js";
import {
  type Cluster,
  OWN_REDIS_PORT,
  startCluster,
  startOwnRedis,
  stopOwnRedis,
  testPostgresUrl,
  testRedisUrl,
} from "./processes.js";

/*
 * /readyz answers for Redis too when REDIS_URL is set: a load balancer takes a process out
 * while its Redis is unreachable, and back once it answers again.
 *
 * Redis goes away under two running processes and comes back: the processes stay alive and
 * their sockets open, and once Redis answers again a change made through one process reaches
 * the subscribers on the other, with no reconnect by the clients.
 *
 * The Redis here is a redis-server of the test's own on one port (never the shared one),
 * stopped and started again; the suites in this file run one after the other for that.
 */

const postgresUrl = testPostgresUrl("shared-redis-restart.test.ts");
const hasRedis = Boolean(testRedisUrl("shared-redis-restart.test.ts"));
const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
if (hasRedis && !hasRedisServer) throw new Error("redis-server is needed to stop and start one");

const CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) { conversationId kinds status } }`;

describe.skipIf(!postgresUrl || !hasRedis)("two processes while their Redis restarts", () => {
  let redis: ChildProcess;
  let cluster: Cluster;
  beforeAll(async () => {
    redis = await startOwnRedis();
    cluster = await startCluster({
      postgresUrl: postgresUrl as string,
      redisUrl: `redis://127.0.0.1:${OWN_REDIS_PORT}`,
      count: 2,
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    if (redis) await stopOwnRedis(redis);
  });

  it("relays events again once Redis is back, to subscriptions made before it went", async () => {
    const [a, b] = cluster.processes as [ServerProcess, ServerProcess];
    const lead = await joinWithInvite(a.url, a.invite("bpv_begeleider"));
    const student = await joinWithInvite(b.url, a.invite("student"));
    const id = lead.conversationId;
    const heard: unknown[] = [];
    const closes: number[] = [];
    const client = createClient({
      url: `${b.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${student.accessToken}` },
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    client.subscribe(
      { query: CHANGED, variables: { id } },
      { next: (r) => heard.push(r.data?.conversationChanged), error: () => {}, complete: () => {} },
    );
    try {
      await expect.poll(() => cluster.subscribers(`conversationChanged:${id}`)).toBe(1);
      await stopOwnRedis(redis);
      await expect
        .poll(async () => (await fetch(`${b.url}/readyz`)).status, { timeout: 5_000 })
        .toBe(503);
      redis = await startOwnRedis();
      // A fresh Redis knows no subscriptions: process B subscribes again by itself.
      await expect
        .poll(() => cluster.subscribers(`conversationChanged:${id}`).catch(() => 0), {
          timeout: 15_000,
        })
        .toBe(1);
      await expect
        .poll(async () => (await fetch(`${a.url}/readyz`)).status, { timeout: 10_000 })
        .toBe(200);
      await graphql(
        a.url,
        "mutation($id: ID!) { startConversation(conversationId: $id) { version } }",
        { id },
        lead.accessToken,
      );
      await expect
        .poll(() => heard, { timeout: 5_000 })
        .toEqual([
          { conversationId: id, kinds: expect.arrayContaining(["STATUS"]), status: "live" },
        ]);
      expect(closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});

describe.skipIf(!hasRedis)("readiness with Redis", () => {
  let redis: ChildProcess;
  let server: TestServer;
  const readiness = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    redis = await startOwnRedis();
    server = await startTestServer("sqlite", {
      config: {
        redisUrl: `redis://127.0.0.1:${OWN_REDIS_PORT}`,
        redisPrefix: "cluster-test:ready:",
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await closeSharedRedis();
    if (redis) await stopOwnRedis(redis);
  });

  it("is ready while Redis answers, not while it is gone, and ready again once it is back", async () => {
    expect(await readiness()).toEqual({ status: 200, body: { ok: true, status: "ready" } });
    await stopOwnRedis(redis);
    await expect
      .poll(readiness, { timeout: 5_000 })
      .toEqual({ status: 503, body: { ok: false, status: "redis_unreachable" } });
    // Liveness is not readiness: the process is alive and says so.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The API keeps answering meanwhile (the limits count in memory).
    expect((await server.gql("{ __typename }")).status).toBe(200);
    redis = await startOwnRedis();
    await expect
      .poll(readiness, { timeout: 10_000 })
      .toEqual({ status: 200, body: { ok: true, status: "ready" } });
  });
});
