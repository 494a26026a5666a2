import { type ChildProcess, spawn } from "node:child_process";
import { type InviteSession, pause, RawCollabClient, until } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureServerBuilt } from "../crash/built-server.js";
import { holdsKeystroke, type Keystroke, Typist, visibleContent } from "../crash/typing.js";
import { Cluster, clusterServices } from "../support/cluster.js";
import { seededRandom } from "../support/random.js";

const services = clusterServices("collab-redis-restart.test.ts");
const BASE_PORT = Number(process.env.RELAY_TEST_PORT ?? 4130) + 8;
/** A Redis of this test's own, to stop and start again (never the shared one). */
const REDIS_PORT = Number(process.env.RELAY_TEST_REDIS_PORT ?? 6391);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

let redis: ChildProcess | null = null;

async function startRedis(): Promise<void> {
  const child = spawn(
    "redis-server",
    ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  redis = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start")), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code})`)));
  });
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe.skipIf(!services)("Redis restarted mid-conversation", () => {
  const cluster = services
    ? new Cluster({
        services,
        basePort: BASE_PORT,
        size: 2,
        redisUrl: `redis://127.0.0.1:${REDIS_PORT}`,
      })
    : null;
  let sessions: InviteSession[] = [];
  const clients: RawCollabClient[] = [];

  beforeAll(async () => {
    ensureServerBuilt();
    await startRedis();
    await cluster?.start();
    sessions = (await cluster?.participants()) ?? [];
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
    await stopRedis();
  });

  it("keeps storing edits while Redis is away, and every process resyncs when it is back", async () => {
    if (!cluster) return;
    const random = seededRandom(SEED);
    const conversationId = sessions[0]?.conversationId as string;
    const a = new RawCollabClient(cluster.urlOn(0, conversationId, sessions[0] as InviteSession));
    const b = new RawCollabClient(cluster.urlOn(1, conversationId, sessions[1] as InviteSession));
    clients.push(a, b);
    await Promise.all([a.connect(), b.connect()]);
    const keystrokes: Keystroke[] = [];
    const typists = [new Typist(a.doc, random), new Typist(b.doc, random)];
    let typing = true;
    const typed = Promise.all(
      typists.map(async (typist) => {
        while (typing) {
          keystrokes.push(typist.keystroke());
          await pause(10 + random() * 30);
        }
      }),
    );
    await pause(1_000);
    await until(
      () => Y.getState(b.doc.store, a.clientID) > 0,
      "B to see A's edits through Redis",
      5_000,
    );

    await stopRedis();
    const storedAtOutage = [a.storedOwn, b.storedOwn];
    await pause(3_000);
    // The log is in PostgreSQL: edits are still stored and confirmed while Redis is away.
    expect(a.storedOwn).toBeGreaterThan(storedAtOutage[0] as number);
    expect(b.storedOwn).toBeGreaterThan(storedAtOutage[1] as number);
    const aDuringOutage = a.storedOwn;
    const bDuringOutage = b.storedOwn;

    await startRedis();
    // Back: each process reads what it missed from the log and passes it on.
    await until(
      () =>
        Y.getState(b.doc.store, a.clientID) >= aDuringOutage &&
        Y.getState(a.doc.store, b.clientID) >= bDuringOutage,
      "both processes to resync after Redis returns",
      10_000,
    );
    await pause(1_000);
    typing = false;
    await typed;

    await until(
      () => [a, b].every((c) => c.storedOwn >= Y.getState(c.doc.store, c.clientID)),
      "every keystroke to be confirmed",
      10_000,
    );
    const vector = (doc: Y.Doc) =>
      JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
    await until(() => vector(a.doc) === vector(b.doc), "both copies to hold every edit", 10_000);
    expect(visibleContent(b.doc)).toBe(visibleContent(a.doc));
    for (const i of [0, 1]) {
      const observer = new RawCollabClient(
        cluster.urlOn(i, conversationId, sessions[2] as InviteSession, false),
      );
      await observer.connect();
      for (const k of keystrokes)
        expect(holdsKeystroke(observer.doc, k), `process ${i}`).toBe(true);
      observer.destroy();
    }
    console.log(
      `redis restart (seed ${SEED}): ${keystrokes.length} keystrokes, ${aDuringOutage - (storedAtOutage[0] ?? 0)} + ${bDuringOutage - (storedAtOutage[1] ?? 0)} clocks stored while Redis was away, all present on both processes`,
    );
  }, 120_000);
});
