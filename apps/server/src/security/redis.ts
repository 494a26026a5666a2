import type { Socket } from "node:net";
import type { Redis } from "ioredis";
import { ioredis } from "../load-on-use.js";

/** The Redis connections this process opened, one per URL, so every user shares one. */
const clients = new Map<string, Redis>();

/**
 * The process's Redis connection for `url`, opened on first use and shared by everything that
 * needs Redis (rate limits now; subscriptions across processes later). Commands fail fast while
 * the connection is down instead of queueing, so a rate limiter falls back to memory at once.
 */
export function sharedRedis(url: string): Redis {
  let client = clients.get(url);
  if (!client) {
    client = new (ioredis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // ioredis reports a lost connection as an error event; it reconnects by itself.
    client.on("error", () => {});
    // Shared by every server in the process and never closed with one of them, so it must not
    // keep the process alive: a script (retention, admin:create) exits once its work is done.
    client.on("connect", () => (client as unknown as { stream?: Socket }).stream?.unref());
    clients.set(url, client);
  }
  return client;
}

/** Closes every shared Redis connection (at shutdown, and after a test). */
export async function closeSharedRedis(): Promise<void> {
  const open = [...clients.values()];
  clients.clear();
  await Promise.all(open.map((client) => client.quit().catch(() => client.disconnect())));
}

/**
 * Resolves once `client` is connected, waiting at most `ms` (then the command that follows fails
 * as it would have): the shared connection queues nothing, so a command sent in the moment
 * after start-up or a reconnect would otherwise fail at once.
 */
export async function whenReady(client: Redis, ms = 2_000): Promise<void> {
  if (client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    client.once("ready", done);
    function done() {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    }
  });
}
