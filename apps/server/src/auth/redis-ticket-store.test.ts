import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { testRedisPrefix, testRedisUrl } from "../../test/cluster/processes.js";
import type { CollabTicket } from "./collab-tickets.js";
import { RedisTicketStore } from "./redis-ticket-store.js";

const redisUrl = testRedisUrl("redis-ticket-store.test.ts");

describe.skipIf(!redisUrl)("collaboration tickets in Redis", () => {
  // Two connections, as two processes have.
  const connections = [new Redis(redisUrl as string), new Redis(redisUrl as string)];
  afterAll(() => Promise.all(connections.map((c) => c.quit())));
  const prefix = testRedisPrefix();
  const [one, two] = connections.map((c) => new RedisTicketStore(c, prefix)) as [
    RedisTicketStore,
    RedisTicketStore,
  ];
  const ticket: CollabTicket = {
    docName: "c-1/private",
    claims: { sub: "p-1", role: "STUDENT" as CollabTicket["claims"]["role"], exp: 2e9 },
    expiresAt: Date.now() + 30_000,
  };

  it("is redeemed once, by exactly one of many concurrent attempts on several processes", async () => {
    await one.put("k-1", ticket, 30_000);
    const taken = await Promise.all([two.take("k-1"), one.take("k-1"), two.take("k-1")]);
    expect(taken.filter((t) => t !== null)).toEqual([ticket]);
    expect(await one.take("k-1")).toBeNull();
  });

  it("is gone after its lifetime", async () => {
    await one.put("k-2", ticket, 1_000);
    expect(await connections[0]?.pttl(`${prefix}k-2`)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await two.take("k-2")).toBeNull();
  });
});
