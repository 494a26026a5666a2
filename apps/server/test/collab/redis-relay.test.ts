import { pause, until } from "@driehoek/test-support";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { RedisRelay } from "../../src/collab/redis-relay.js";
import type { RelayHandlers } from "../../src/collab/relay.js";

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.REQUIRE_REDIS === "1")
  throw new Error("REQUIRE_REDIS=1 but TEST_REDIS_URL is not set");
if (!redisUrl)
  console.warn("redis-relay.test.ts: Redis relay tests skipped (set TEST_REDIS_URL to run them)");

/** Everything a subscriber heard. */
function recorder() {
  const heard = {
    updates: [] as number[][],
    awareness: [] as string[],
    gaps: 0,
    joined: [] as string[],
    gone: [] as string[],
  };
  const handlers: RelayHandlers = {
    onUpdate: (u) => heard.updates.push([...u]),
    onAwareness: (_u, peer) => heard.awareness.push(peer),
    onGap: () => {
      heard.gaps += 1;
    },
    onPeerJoined: (peer) => heard.joined.push(peer),
    onPeerGone: (peer) => heard.gone.push(peer),
  };
  return { heard, handlers };
}

describe.skipIf(!redisUrl)("the collaboration relay over Redis", () => {
  const prefix = `relay-test:unit:${Math.random().toString(36).slice(2, 8)}:`;
  const relays: RedisRelay[] = [];
  const make = (heartbeatMs = 100, peerTimeoutMs = 400) => {
    const relay = new RedisRelay({ url: redisUrl as string, prefix, heartbeatMs, peerTimeoutMs });
    relays.push(relay);
    return relay;
  };

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
  });

  it("delivers stored updates and presence to the other processes, in order, not to itself", async () => {
    const a = make();
    const b = make();
    const atA = recorder();
    const atB = recorder();
    await a.subscribe("doc-1", atA.handlers);
    await b.subscribe("doc-1", atB.handlers);
    for (let i = 1; i <= 20; i++) a.publish("doc-1", new Uint8Array([i]));
    a.publishAwareness("doc-1", new Uint8Array([0]));
    await until(
      () => atB.heard.updates.length === 20 && atB.heard.awareness.length === 1,
      "B to hear A",
    );
    expect(atB.heard.updates.map((u) => u[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(atB.heard.joined).toEqual([a.peer]);
    expect(atB.heard.gaps).toBe(0);
    expect(atA.heard.updates).toEqual([]);
  });

  it("reports a gap when a message is lost, and a silent process as gone", async () => {
    const a = make();
    const b = make();
    const atB = recorder();
    await a.subscribe("doc-2", recorder().handlers);
    await b.subscribe("doc-2", atB.handlers);
    a.publish("doc-2", new Uint8Array([1]));
    await until(() => atB.heard.updates.length === 1, "the first update");
    // A's second update never reaches Redis (as while its connection is down): it is numbered
    // all the same, so its next message or heartbeat shows the gap.
    const channel = (a as unknown as { channels: Map<string, { sentSeq: number }> }).channels.get(
      `${prefix}collab:doc-2`,
    );
    if (!channel) throw new Error("no channel");
    channel.sentSeq += 1;
    await until(() => atB.heard.gaps > 0, "B to notice the lost update", 2_000);

    // A falls silent (killed): B reports it gone within the timeout.
    const silent = relays.indexOf(a);
    relays.splice(silent, 1);
    await a.close();
    const before = Date.now();
    await until(() => atB.heard.gone.includes(a.peer), "A to be reported gone", 2_000);
    expect(Date.now() - before).toBeLessThan(1_500);
  });

  it("gets a process's presence back when it is heard from again after it was reported gone", async () => {
    // A expects a sign of life every 400 ms; B announces itself only every 1.5 s, so A keeps
    // reporting B gone and hearing from it again, while B (hearing A every 100 ms) never
    // notices anything: B must be asked for its presence again.
    const a = make(100, 400);
    const b = make(1_500, 4_000);
    const presentAtA = new Set<string>();
    const atA: RelayHandlers = {
      ...recorder().handlers,
      onAwareness: (update, peer) => presentAtA.add(`${peer}:${update[0]}`),
      onPeerGone: (peer) => {
        for (const who of presentAtA) if (who.startsWith(`${peer}:`)) presentAtA.delete(who);
      },
    };
    // B's room: whoever joins or asks is told that B's client 7 is present.
    const atB: RelayHandlers = {
      ...recorder().handlers,
      onPeerJoined: () => b.publishAwareness("doc-4", new Uint8Array([7])),
    };
    await a.subscribe("doc-4", atA);
    await b.subscribe("doc-4", atB);
    await until(() => presentAtA.has(`${b.peer}:7`), "A to see B's client", 2_000);
    await until(() => !presentAtA.has(`${b.peer}:7`), "A to report B gone", 2_000);
    await until(() => presentAtA.has(`${b.peer}:7`), "A to see B's client again", 2_000);
  });

  it("keeps one subscription for a document while any room on this process still listens", async () => {
    const a = make();
    const b = make();
    const first = recorder();
    const second = recorder();
    const unsubscribeFirst = await b.subscribe("doc-3", first.handlers);
    await b.subscribe("doc-3", second.handlers);
    await a.subscribe("doc-3", recorder().handlers);
    // The leaving room unsubscribes; the room that replaced it keeps hearing.
    unsubscribeFirst();
    await pause(50);
    a.publish("doc-3", new Uint8Array([9]));
    await until(() => second.heard.updates.length === 1, "the remaining room to hear");
    expect(first.heard.updates).toEqual([]);
    const redis = new Redis(redisUrl as string);
    const [, count] = (await redis.pubsub("NUMSUB", `${prefix}collab:doc-3`)) as [string, number];
    redis.disconnect();
    expect(Number(count)).toBe(2);
  });
});
