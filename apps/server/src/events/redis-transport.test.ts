import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { testRedisPrefix, testRedisUrl } from "../../test/cluster/processes.js";
import { type ConversationChangeEvent, createEventBus, type EventBus } from "../events.js";
import { RedisEventTransport } from "./redis-transport.js";

const redisUrl = testRedisUrl("redis-transport.test.ts");
const quiet = { warn: () => {} };

describe.skipIf(!redisUrl)("the event bus over Redis", () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  /** Two buses as two processes would have them, on one Redis under one prefix. */
  async function twoProcesses() {
    const prefix = testRedisPrefix();
    const transports = [0, 1].map(
      () => new RedisEventTransport({ url: redisUrl as string, prefix, log: quiet }),
    );
    await Promise.all(transports.map((t) => t.ready()));
    const [a, b] = transports.map((t) => createEventBus(t)) as [EventBus, EventBus];
    buses.push(a, b);
    /** Resolves once every subscription made so far is in place in Redis. */
    const subscribed = () => Promise.all(transports.map((t) => t.ready()));
    return { a, b, subscribed };
  }

  it("delivers a conversation's change published on one process to a subscriber on another, Dates as Dates", async () => {
    const { a, b, subscribed } = await twoProcesses();
    const stream = b.subscribe("conversationChanged", "c-1");
    const next = stream.next();
    const change: ConversationChangeEvent = {
      conversationId: "c-1",
      kinds: ["PHASE"],
      phase: "terugblik" as ConversationChangeEvent["phase"],
      section: null,
      startedAt: new Date("2026-03-02T08:30:00.000Z"),
      sectionStartedAt: null,
      status: "LIVE" as ConversationChangeEvent["status"],
      version: 3,
    };
    await subscribed();
    a.publish("conversationChanged", "c-1", change);
    const heard = await next;
    expect(heard.value).toEqual(change);
    expect(heard.value?.startedAt).toBeInstanceOf(Date);
    await stream.return();
  });

  it("reaches listeners (`on`) on every process, the publisher's own included, and not after they stop", async () => {
    const { a, b, subscribed } = await twoProcesses();
    const heardA: string[] = [];
    const heardB: string[] = [];
    const stopA = a.on("sessionRevoked", (id) => heardA.push(id));
    const stopB = b.on("sessionRevoked", (id) => heardB.push(id));
    await subscribed();
    a.publish("sessionRevoked", "s-1");
    await expect.poll(() => [heardA, heardB]).toEqual([["s-1"], ["s-1"]]);
    stopB();
    a.publish("sessionRevoked", "s-2");
    await expect.poll(() => heardA).toEqual(["s-1", "s-2"]);
    expect(heardB).toEqual(["s-1"]);
    stopA();
  });

  it("unsubscribes from Redis when a topic's last listener is gone", async () => {
    const prefix = testRedisPrefix();
    const transport = new RedisEventTransport({ url: redisUrl as string, prefix, log: quiet });
    const bus = createEventBus(transport);
    buses.push(bus);
    const probe = new Redis(redisUrl as string);
    const subscribers = async () =>
      Number(((await probe.pubsub("NUMSUB", `${prefix}events:sessionRevoked`)) as unknown[])[1]);
    try {
      const stops = [bus.on("sessionRevoked", () => {}), bus.on("sessionRevoked", () => {})];
      await transport.ready();
      // One subscription per process, however many listeners it has.
      expect(await subscribers()).toBe(1);
      stops[0]?.();
      await transport.ready();
      expect(await subscribers()).toBe(1);
      stops[1]?.();
      await transport.ready();
      expect(await subscribers()).toBe(0);
    } finally {
      await probe.quit();
    }
  });

  it("keeps deployments with another prefix apart", async () => {
    const one = await twoProcesses();
    const other = await twoProcesses();
    const heard: string[] = [];
    one.b.on("inviteRevoked", (id) => heard.push(`one:${id}`));
    other.b.on("inviteRevoked", (id) => heard.push(`other:${id}`));
    await Promise.all([one.subscribed(), other.subscribed()]);
    one.a.publish("inviteRevoked", "i-1");
    await expect.poll(() => heard).toEqual(["one:i-1"]);
  });
});
