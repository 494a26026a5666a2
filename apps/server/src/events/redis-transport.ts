import type { Redis } from "ioredis";
import { ioredis } from "../load-on-use.js";
import type { Logger } from "../log/logger.js";
import { counter } from "../metrics/registry.js";
import { decodeJson, encodeJson } from "./json-codec.js";

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

const relayed = counter(
  "driehoek_events_relayed_total",
  "Server events sent to (published) or heard from (received) Redis",
  ["direction"],
);
const relayFailures = counter(
  "driehoek_events_relay_failures_total",
  "Server events that could not be published to Redis or read from it",
);

/** How to reach Redis and name the channels. */
export interface RedisTransportOptions {
  url: string;
  /** Put before every channel name (`<prefix>events:<topic>`), so deployments sharing a Redis stay apart. */
  prefix: string;
  log: Pick<Logger, "warn">;
}

/**
 * The event bus's transport over Redis pub/sub, so every process of a deployment hears every
 * event: `dispatchEvent` publishes the event's detail to the channel of its topic, and each
 * process keeps one subscriber connection that is subscribed to exactly the topics it has
 * listeners for (a topic routed per conversation is its own channel, `conversationChanged:<id>`).
 * A process hears its own events back through Redis too, so every listener sees one order.
 *
 * Pub/sub keeps nothing: an event published while a process is cut off from Redis does not
 * reach it. The events here are notifications — a subscriber that reconnects reads the
 * current state again — and the durable facts stay in the database.
 */
export class RedisEventTransport extends EventTarget {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channelPrefix: string;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly options: RedisTransportOptions) {
    super();
    this.channelPrefix = `${options.prefix}events:`;
    // Publishes wait in the offline queue through a short hiccup, then give up.
    this.publisher = new (ioredis().Redis)(options.url, {
      maxRetriesPerRequest: 2,
      lazyConnect: false,
    });
    // ioredis subscribes again to every channel by itself after a reconnect.
    this.subscriber = new (ioredis().Redis)(options.url, { autoResubscribe: true });
    for (const client of [this.publisher, this.subscriber]) client.on("error", () => {});
    this.subscriber.on("message", (channel: string, message: string) =>
      this.deliver(channel, message),
    );
  }

  override addEventListener(type: string, callback: Listener | null): void {
    if (!callback) return;
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
      this.subscriber.subscribe(this.channelPrefix + type).catch((error: unknown) => {
        relayFailures.inc();
        this.options.log.warn(`events: could not subscribe to ${type}: ${String(error)}`);
      });
    }
    set.add(callback);
  }

  override removeEventListener(type: string, callback: Listener | null): void {
    const set = this.listeners.get(type);
    if (!set || !callback) return;
    set.delete(callback);
    if (set.size > 0) return;
    this.listeners.delete(type);
    this.subscriber.unsubscribe(this.channelPrefix + type).catch(() => {});
  }

  override dispatchEvent(event: Event): boolean {
    const detail = (event as CustomEvent).detail;
    this.publisher
      .publish(this.channelPrefix + event.type, encodeJson(detail))
      .then(() => relayed.inc({ direction: "published" }))
      .catch((error: unknown) => {
        relayFailures.inc();
        this.options.log.warn(`events: could not publish ${event.type}: ${String(error)}`);
      });
    return true;
  }

  /** Whether both connections are up (for /readyz). */
  isConnected(): boolean {
    return this.publisher.status === "ready" && this.subscriber.status === "ready";
  }

  /**
   * Resolves once both connections answer; commands on a connection run in order, so every
   * subscription asked for before this call is in place by then.
   */
  async ready(): Promise<void> {
    await this.publisher.ping();
    // A subscriber connection answers PING in subscribe mode too.
    await this.subscriber.ping();
  }

  /** Closes both connections; listeners hear nothing more. */
  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map((client) =>
        client.quit().catch(() => client.disconnect()),
      ),
    );
  }

  private deliver(channel: string, message: string): void {
    if (!channel.startsWith(this.channelPrefix)) return;
    const type = channel.slice(this.channelPrefix.length);
    const set = this.listeners.get(type);
    if (!set) return;
    let detail: unknown;
    try {
      detail = decodeJson(message);
    } catch {
      relayFailures.inc();
      return;
    }
    relayed.inc({ direction: "received" });
    const event = new CustomEvent(type, { detail });
    for (const listener of [...set]) {
      try {
        if (typeof listener === "function") listener(event);
        else listener.handleEvent(event);
      } catch (error) {
        this.options.log.warn(`events: a listener of ${type} failed: ${String(error)}`);
      }
    }
  }
}
