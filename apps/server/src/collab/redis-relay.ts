import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ioredis } from "../load-on-use.js";
import { collabMetrics } from "./metrics.js";
import type { CollabRelay, RelayHandlers } from "./relay.js";

/**
 * What a relay message carries. A `hello` is a heartbeat that also asks the others who is
 * present: a process sends it when it starts serving a document, and when it hears from a
 * process it does not know (new, or forgotten after falling silent for a while), which may not
 * know it was forgotten and would otherwise not tell its clients' presence again.
 */
const KIND = { update: 0, awareness: 1, heartbeat: 2, hello: 3 } as const;
const KIND_NAMES = ["update", "awareness", "heartbeat", "hello"] as const;

/** Settings of the relay over Redis. */
export interface RedisRelayOptions {
  url: string;
  /** Prefix of the channel names, e.g. "driehoek:" (tests use their own). */
  prefix: string;
  /** Ms between the announcements that say a process still serves a document. */
  heartbeatMs: number;
  /** A peer not heard of for this many ms is gone (its clients' presence disappears). */
  peerTimeoutMs: number;
  /** Longest wait for a subscription while Redis is unreachable, in ms. */
  subscribeWaitMs?: number;
}

/** What a process knows of another process on one document. */
interface Peer {
  /** The last update number heard from it. */
  seq: number;
  lastSeen: number;
}

/** One document's channel on this process. */
interface Channel {
  handlers: Set<RelayHandlers>;
  /** Updates this process published on it, numbered 1, 2, … (gaps show a lost message). */
  sentSeq: number;
  peers: Map<string, Peer>;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * The relay between processes over Redis pub/sub, one channel per document. Every message
 * names its process and carries that process's number of updates published on the document so
 * far; a receiver that sees a number jump (or a heartbeat ahead of what it received) knows it
 * missed something and catches up from the log. Heartbeats every `heartbeatMs` also tell who is
 * alive: a process silent for `peerTimeoutMs` is reported gone.
 */
export class RedisRelay implements CollabRelay {
  readonly isShared = true;
  /** This process's name in relay messages. */
  readonly peer = randomUUID().slice(0, 13);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Channel>();
  private readonly timer: NodeJS.Timeout;
  private wasReady = false;
  private isClosed = false;

  constructor(private readonly options: RedisRelayOptions) {
    // Publishing fails at once while Redis is away (the log has the update; receivers catch up).
    this.publisher = new (ioredis().Redis)(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    this.subscriber = new (ioredis().Redis)(options.url, {
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    for (const client of [this.publisher, this.subscriber]) client.on("error", () => {});
    this.subscriber.on("ready", () => {
      // Back after a lost connection, or connected only now while documents are already live
      // (Redis was away when they were loaded): they may have missed something.
      if (this.wasReady || this.channels.size > 0) this.resync("reconnect");
      this.wasReady = true;
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
    this.timer = setInterval(() => this.beat(), options.heartbeatMs);
    this.timer.unref();
  }

  private channelName(docName: string): string {
    return `${this.options.prefix}collab:${docName}`;
  }

  private docNameOf(channelName: string): string {
    return channelName.slice(`${this.options.prefix}collab:`.length);
  }

  private send(docName: string, kind: number, seq: number, payload?: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.peer);
    encoding.writeVarUint(encoder, seq);
    encoding.writeFloat64(encoder, now());
    if (payload) encoding.writeVarUint8Array(encoder, payload);
    collabMetrics.relayMessages.inc({ direction: "out", kind: KIND_NAMES[kind] });
    this.publisher
      .publish(this.channelName(docName), Buffer.from(encoding.toUint8Array(encoder)))
      .catch(() => {
        // Redis is away: the receivers see the jump in numbering and read the log.
      });
  }

  publish(docName: string, update: Uint8Array): void {
    const channel = this.channels.get(this.channelName(docName));
    if (!channel) return;
    channel.sentSeq += 1;
    this.send(docName, KIND.update, channel.sentSeq, update);
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    const channel = this.channels.get(this.channelName(docName));
    if (channel) this.send(docName, KIND.awareness, channel.sentSeq, update);
  }

  async subscribe(docName: string, handlers: RelayHandlers): Promise<() => void> {
    const name = this.channelName(docName);
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { handlers: new Set(), sentSeq: 0, peers: new Map() };
      this.channels.set(name, channel);
      const subscribed = this.subscriber.subscribe(name).then(
        () => true,
        () => false,
      );
      const wait = this.options.subscribeWaitMs ?? 1_000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), wait);
      });
      const active = await Promise.race([subscribed, timeout]);
      clearTimeout(timer);
      // Not yet subscribed (Redis away): the reconnect reports a gap to every document.
      if (!active) collabMetrics.relayGaps.inc({ reason: "subscribe" });
    }
    const current = channel;
    current.handlers.add(handlers);
    // Others learn at once that this process serves the document (and send their presence).
    this.send(docName, KIND.hello, current.sentSeq);
    return () => {
      current.handlers.delete(handlers);
      if (current.handlers.size > 0 || this.channels.get(name) !== current) return;
      this.channels.delete(name);
      if (!this.isClosed) this.subscriber.unsubscribe(name).catch(() => undefined);
    };
  }

  private receive(name: string, message: Buffer): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    let kind: number;
    let peer: string;
    let seq: number;
    let sentAt: number;
    let payload: Uint8Array | null = null;
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      );
      kind = decoding.readVarUint(decoder);
      peer = decoding.readVarString(decoder);
      seq = decoding.readVarUint(decoder);
      sentAt = decoding.readFloat64(decoder);
      if (kind === KIND.update || kind === KIND.awareness)
        payload = decoding.readVarUint8Array(decoder);
    } catch {
      return;
    }
    if (peer === this.peer) return;
    collabMetrics.relayMessages.inc({ direction: "in", kind: KIND_NAMES[kind] ?? "unknown" });
    const known = channel.peers.get(peer);
    const time = Date.now();
    const handlers = [...channel.handlers];
    if (!known) {
      channel.peers.set(peer, { seq, lastSeen: time });
      for (const h of handlers) h.onPeerJoined(peer);
      // It may have known this process all along: ask it who is present there.
      if (kind !== KIND.hello) this.send(this.docNameOf(name), KIND.hello, channel.sentSeq);
    } else {
      known.lastSeen = time;
      const expected = kind === KIND.update ? known.seq + 1 : known.seq;
      if (seq !== expected) {
        // A message was lost (or the peer loaded the document again): read the log.
        collabMetrics.relayGaps.inc({ reason: "numbering" });
        for (const h of handlers) h.onGap();
      }
      known.seq = seq;
      if (kind === KIND.hello) for (const h of handlers) h.onPeerJoined(peer);
    }
    if (kind === KIND.update && payload) {
      collabMetrics.relayLatency.observe(Math.max(0, now() - sentAt) / 1000);
      for (const h of handlers) h.onUpdate(payload);
    } else if (kind === KIND.awareness && payload) {
      for (const h of handlers) h.onAwareness(payload, peer);
    }
  }

  /** Announces this process on every document it serves; forgets peers that fell silent. */
  private beat(): void {
    const time = Date.now();
    for (const [name, channel] of this.channels) {
      if (this.subscriber.status === "ready")
        this.send(this.docNameOf(name), KIND.heartbeat, channel.sentSeq);
      for (const [peer, known] of channel.peers) {
        if (time - known.lastSeen < this.options.peerTimeoutMs) continue;
        channel.peers.delete(peer);
        for (const h of [...channel.handlers]) h.onPeerGone(peer);
      }
    }
  }

  /** After a lost connection: every document may have missed updates and presence. */
  private resync(reason: string): void {
    for (const channel of this.channels.values()) {
      collabMetrics.relayGaps.inc({ reason });
      for (const h of [...channel.handlers]) h.onGap();
    }
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearInterval(this.timer);
    this.channels.clear();
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}
