import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import { decodeJson, encodeJson } from "../events/json-codec.js";
import { sharedRedis, whenReady } from "../security/redis.js";
import { type CollabTicket, MemoryTicketStore, type TicketStore } from "./collab-tickets.js";

/**
 * Collaboration tickets in Redis, so a ticket asked for through one process opens a socket on
 * any other: SET with PX keeps it for its lifetime, GETDEL takes it out in one atomic step, so
 * of any number of attempts on any processes exactly one gets it. While Redis is unreachable
 * issuing and redeeming fail (the client asks again), rather than falling back to memory,
 * where a ticket would open a socket only on the process that issued it.
 */
export class RedisTicketStore implements TicketStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async put(key: string, ticket: CollabTicket, ttlMs: number): Promise<void> {
    await whenReady(this.redis);
    await this.redis.set(this.prefix + key, encodeJson(ticket), "PX", Math.max(1, ttlMs));
  }

  async take(key: string): Promise<CollabTicket | null> {
    await whenReady(this.redis);
    const stored = await this.redis.getdel(this.prefix + key);
    return stored === null ? null : decodeJson<CollabTicket>(stored);
  }
}

/** The ticket store of a deployment: Redis when `REDIS_URL` is set, else this process's memory. */
export function ticketStoreFor(config: Pick<Config, "redisUrl" | "redisPrefix">): TicketStore {
  if (!config.redisUrl) return new MemoryTicketStore();
  return new RedisTicketStore(sharedRedis(config.redisUrl), `${config.redisPrefix}ticket:`);
}
