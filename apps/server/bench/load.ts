/**
 * The benchmark's load: a child process of bench/collab.ts (so the load and the server never
 * share an event loop) that opens three raw protocol clients per conversation, lets every
 * client type like a person, and measures how long each keystroke takes to reach the two
 * other participants and to be confirmed as stored. Talks to its parent over IPC.
 */

import { monitorEventLoopDelay } from "node:perf_hooks";
import { MESSAGE } from "@driehoek/collab";
import { collabUrl, RawCollabClient, ticketedUrl } from "@driehoek/test-support";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { Typist } from "../test/crash/typing.js";
import { seededRandom } from "../test/support/random.js";
import { percentiles } from "./measure.js";

/** What the parent asks for. */
export interface LoadConfig {
  url: string;
  /**
   * Several server processes (one database, Redis): a conversation's participants connect to
   * different ones, so every keystroke crosses the relay between processes. Default: `url`.
   */
  urls?: string[];
  /** The baseline relay (bench/relay.ts): plain addresses, no tickets to fetch. */
  plainUrls?: boolean;
  conversations: { id: string; tokens: string[] }[];
  /** Keystrokes per second per client. */
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** Wait at most this long after typing stops for the last confirmations. */
  drainSeconds: number;
  connectConcurrency: number;
  /** Also send a cursor (awareness) update with every keystroke, as the caret extension does. */
  awareness: boolean;
  /** A finished long conversation to load now and then while under load. */
  longDoc: { id: string; token: string } | null;
  seed: number;
}

/** What the load reports back. */
export interface LoadResults {
  clients: number;
  connectSeconds: number;
  typedInWindow: number;
  confirmedInWindow: number;
  storedDuringWindow: number;
  relayedInWindow: number;
  relayExpected: number;
  windowSeconds: number;
  relay: ReturnType<typeof percentiles>;
  stored: ReturnType<typeof percentiles>;
  unconfirmedAfterDrain: number;
  closes: Record<string, number>;
  loadUnderLoadMs: number[];
  /** Newcomers on the long conversation that did not get in (close code and reason). */
  loadFailures: string[];
  longDocBytes: number;
  rssBytes: number;
  /** The load process's own event-loop delay during the window (inflates the latencies). */
  loopDelayP50: number;
  loopDelayP99: number;
  /** How far the typing schedule fell behind at worst (beyond five keystrokes per client). */
  slipMaxMs: number;
}

export type LoadMessage =
  | { type: "connected"; seconds: number; clients: number }
  | { type: "window-start" }
  | { type: "window-end" }
  | { type: "results"; results: LoadResults }
  | { type: "error"; message: string };

export type ParentMessage = { type: "start"; config: LoadConfig } | { type: "go" };

/** A document's address: with a fresh ticket per connect, or plain for the baseline relay. */
const address = (
  config: LoadConfig,
  docName: string,
  token: string,
  acks = true,
  url = config.url,
) =>
  config.plainUrls ? collabUrl(url, docName, "none", acks) : ticketedUrl(url, docName, token, acks);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tell = (message: LoadMessage) => process.send?.(message);

/** One simulated participant. */
interface Sim {
  client: RawCollabClient;
  typist: Typist;
  conversation: Sim[];
  /** Own keystrokes: the clock after each, and when it was sent. */
  ends: number[];
  sentAt: number[];
  /** Per other participant (by position in the conversation): their keystrokes seen so far. */
  seenUpTo: number[];
  /** Own keystrokes confirmed so far. */
  storedUpTo: number;
  awareness: awarenessProtocol.Awareness | null;
  /** When the next keystroke is due (performance.now()). */
  nextAt: number;
}

async function run(config: LoadConfig): Promise<void> {
  const random = seededRandom(config.seed);
  const relay: number[] = [];
  const stored: number[] = [];
  const closes: Record<string, number> = {};
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const inWindow = (t: number) => t >= windowStart && t < windowEnd;
  let relayedInWindow = 0;
  let confirmedInWindow = 0;
  /** Confirmations that arrived during the window, whenever their keystroke was sent. */
  let storedDuringWindow = 0;

  const onRemote = (sim: Sim) => {
    const now = performance.now();
    sim.conversation.forEach((other, i) => {
      if (other === sim) return;
      const state = Y.getState(sim.client.doc.store, other.client.clientID);
      let upTo = sim.seenUpTo[i] ?? 0;
      while (upTo < other.ends.length && (other.ends[upTo] ?? 0) <= state) {
        const sent = other.sentAt[upTo] ?? 0;
        if (inWindow(sent)) {
          relay.push(now - sent);
          relayedInWindow += 1;
        }
        upTo += 1;
      }
      sim.seenUpTo[i] = upTo;
    });
  };
  const onStored = (sim: Sim) => {
    const now = performance.now();
    const own = sim.client.storedOwn;
    while (sim.storedUpTo < sim.ends.length && (sim.ends[sim.storedUpTo] ?? 0) <= own) {
      if (inWindow(now)) storedDuringWindow += 1;
      const sent = sim.sentAt[sim.storedUpTo] ?? 0;
      if (inWindow(sent)) {
        stored.push(now - sent);
        confirmedInWindow += 1;
      }
      sim.storedUpTo += 1;
    }
  };

  const bySocket = new Map<RawCollabClient, Sim>();
  const sims: Sim[] = [];
  const urls = config.urls?.length ? config.urls : [config.url];
  config.conversations.forEach((conversation, c) => {
    const members: Sim[] = [];
    conversation.tokens.forEach((token, j) => {
      const url = urls[(c + j) % urls.length] as string;
      const client = new RawCollabClient(address(config, conversation.id, token, true, url), {
        onRemote: (c) => {
          const sim = bySocket.get(c);
          if (sim) onRemote(sim);
        },
        onStored: (c) => {
          const sim = bySocket.get(c);
          if (sim) onStored(sim);
        },
        onClose: (_c, event) => {
          closes[event.code] = (closes[event.code] ?? 0) + 1;
        },
      });
      const sim: Sim = {
        client,
        typist: new Typist(client.doc, random),
        conversation: members,
        ends: [],
        sentAt: [],
        seenUpTo: [0, 0, 0],
        storedUpTo: 0,
        awareness: null,
        nextAt: 0,
      };
      if (config.awareness) {
        const awareness = new awarenessProtocol.Awareness(client.doc);
        awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE.awareness);
          encoding.writeVarUint8Array(
            encoder,
            awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated]),
          );
          client.send(encoding.toUint8Array(encoder));
        });
        sim.awareness = awareness;
      }
      bySocket.set(client, sim);
      members.push(sim);
      sims.push(sim);
    });
  });

  // Connect everyone, a few at a time (each connection is authorized against the database).
  const connectStart = performance.now();
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: config.connectConcurrency }, async () => {
      while (next < sims.length) {
        const sim = sims[next++] as Sim;
        try {
          await sim.client.connect(60_000);
        } catch (error) {
          failures.push(String(error));
        }
      }
    }),
  );
  if (failures.length > 0)
    throw new Error(`${failures.length} clients could not connect, e.g. ${failures[0]}`);
  tell({
    type: "connected",
    seconds: (performance.now() - connectStart) / 1000,
    clients: sims.length,
  });
  await new Promise<void>((resolve) => {
    const onMessage = (message: ParentMessage) => {
      if (message.type === "go") {
        process.off("message", onMessage);
        resolve();
      }
    };
    process.on("message", onMessage);
  });

  // Type: each client one keystroke every 1/rate s on average, jittered, starting at random.
  // One ticker keeps everyone's schedule (open loop): a late tick types what was due, so a
  // busy load process still sends the target rate; how late it got is reported.
  const interval = 1000 / config.rate;
  let typing = true;
  let slipMax = 0;
  const keystroke = (sim: Sim) => {
    const sent = performance.now();
    const k = sim.typist.keystroke();
    sim.ends.push(k.clock + k.length);
    sim.sentAt.push(sent);
    if (sim.awareness) {
      sim.awareness.setLocalStateField("cursor", { anchor: k.clock + k.length, head: k.clock });
    }
  };
  const begin = performance.now();
  for (const sim of sims) sim.nextAt = begin + random() * interval;
  const ticker = setInterval(() => {
    if (!typing) return;
    const now = performance.now();
    for (const sim of sims) {
      for (let due = 0; sim.nextAt <= now && due < 5; due++) {
        keystroke(sim);
        sim.nextAt += interval * (0.5 + random());
      }
      if (sim.nextAt <= now) {
        // More than five keystrokes behind: skip ahead (and count how far behind it was).
        if (inWindow(now)) slipMax = Math.max(slipMax, now - sim.nextAt);
        sim.nextAt = now;
      }
    }
  }, 5);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  await sleep(config.warmupSeconds * 1000);
  windowStart = performance.now();
  loopDelay.reset();
  tell({ type: "window-start" });

  // Now and then, a newcomer opens the long finished conversation under this load.
  const loadUnderLoadMs: number[] = [];
  const loadFailures: string[] = [];
  let longDocBytes = 0;
  const probes = (async () => {
    if (!config.longDoc) return;
    const url = address(config, config.longDoc.id, config.longDoc.token, false);
    for (let i = 0; i < 3; i++) {
      await sleep((config.seconds * 1000) / 4);
      if (performance.now() > windowStart + config.seconds * 1000) break;
      const newcomer = new RawCollabClient(url);
      const started = performance.now();
      try {
        await newcomer.connect(60_000);
        loadUnderLoadMs.push(performance.now() - started);
        longDocBytes = Y.encodeStateAsUpdate(newcomer.doc).byteLength;
      } catch (error) {
        loadFailures.push(String(error instanceof Error ? error.message : error));
      } finally {
        newcomer.destroy();
      }
    }
  })();

  await sleep(config.seconds * 1000);
  windowEnd = performance.now();
  typing = false;
  clearInterval(ticker);
  loopDelay.disable();
  tell({ type: "window-end" });
  await probes;

  const typedInWindow = () =>
    sims.reduce((n, s) => n + s.sentAt.filter((t) => inWindow(t)).length, 0);
  const typed = typedInWindow();
  const drainUntil = performance.now() + config.drainSeconds * 1000;
  while (
    performance.now() < drainUntil &&
    ((!config.plainUrls && confirmedInWindow < typed) || relayedInWindow < typed * 2)
  )
    await sleep(50);

  const results: LoadResults = {
    clients: sims.length,
    connectSeconds: 0,
    typedInWindow: typed,
    confirmedInWindow,
    storedDuringWindow,
    relayedInWindow,
    relayExpected: typed * 2,
    windowSeconds: (windowEnd - windowStart) / 1000,
    relay: percentiles(relay),
    stored: percentiles(stored),
    unconfirmedAfterDrain: typed - confirmedInWindow,
    closes,
    loadUnderLoadMs,
    loadFailures,
    longDocBytes,
    rssBytes: process.memoryUsage.rss(),
    loopDelayP50: loopDelay.percentile(50) / 1e6,
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    slipMaxMs: slipMax,
  };
  for (const sim of sims) {
    sim.awareness?.destroy();
    sim.client.destroy();
  }
  tell({ type: "results", results });
}

process.on("message", (message: ParentMessage) => {
  if (message.type !== "start") return;
  run(message.config)
    .catch((error) => tell({ type: "error", message: String(error?.stack ?? error) }))
    .finally(() => setTimeout(() => process.exit(0), 200));
});
