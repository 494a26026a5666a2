import { agreementsOf, plainText, reconnectDelay, summaryOf } from "@driehoek/collab";
import {
  type CollabClient,
  connectCollab,
  type InviteSession,
  pause,
  RawCollabClient,
  until,
} from "@driehoek/test-support";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureServerBuilt } from "../crash/built-server.js";
import { holdsKeystroke, type Keystroke, Typist, visibleContent } from "../crash/typing.js";
import { Cluster, clusterServices } from "../support/cluster.js";
import { seededRandom } from "../support/random.js";

const services = clusterServices("collab-failover.test.ts");
const BASE_PORT = Number(process.env.RELAY_TEST_PORT ?? 4130) + 3;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * A participant behind a load balancer: connects to its own process while that runs, otherwise
 * to any running one; reconnects after a jittered wait, as the web client does.
 */
class Participant {
  readonly keystrokes: Keystroke[] = [];
  readonly typist: Typist;
  readonly client: RawCollabClient;
  online = true;
  attempts = 0;
  private timer: NodeJS.Timeout | null = null;
  private typingTimer: NodeJS.Timeout | null = null;

  constructor(
    cluster: Cluster,
    preferred: number,
    session: InviteSession,
    private readonly random: () => number,
  ) {
    this.client = new RawCollabClient(
      () => {
        const alive = cluster.alive();
        const target = alive.includes(preferred)
          ? preferred
          : (alive[Math.floor(this.random() * alive.length)] as number);
        return cluster.urlOn(target, session.conversationId, session)();
      },
      { onClose: () => this.reconnectLater() },
    );
    this.typist = new Typist(this.client.doc, random);
  }

  private reconnectLater(): void {
    if (!this.online || this.timer) return;
    this.attempts += 1;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (!this.online || this.client.connected) return;
        this.client.connect(3_000).then(
          () => {
            this.attempts = 0;
          },
          () => this.reconnectLater(),
        );
      },
      reconnectDelay(this.attempts, 1_000, this.random),
    );
  }

  startTyping(): void {
    const next = () => {
      this.keystrokes.push(this.typist.keystroke());
      this.typingTimer = setTimeout(next, 15 + this.random() * 40);
    };
    next();
  }

  stopTyping(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
  }

  stop(): void {
    this.online = false;
    this.stopTyping();
    if (this.timer) clearTimeout(this.timer);
    this.client.destroy();
  }
}

function raise(into: Map<number, number>, client: number, clock: number): void {
  if ((into.get(client) ?? 0) < clock) into.set(client, clock);
}

describe.skipIf(!services)("a process killed while its clients type", () => {
  const cluster = services ? new Cluster({ services, basePort: BASE_PORT }) : null;
  let sessions: InviteSession[] = [];
  const participants: Participant[] = [];
  const stock: CollabClient[] = [];

  beforeAll(async () => {
    ensureServerBuilt();
    await cluster?.start();
    sessions = (await cluster?.participants()) ?? [];
  }, 180_000);

  afterAll(async () => {
    for (const p of participants) p.stop();
    for (const c of stock) c.destroy();
    await cluster?.stop();
  });

  it("moves its clients to another process within 5 s, loses nothing stored or seen, and projects everything", async () => {
    if (!cluster) return;
    const random = seededRandom(SEED);
    const conversationId = sessions[0]?.conversationId as string;
    sessions.forEach((session, i) => {
      participants.push(new Participant(cluster, i, session, random));
    });
    await Promise.all(participants.map((p) => p.client.connect()));
    // Someone watching on process 0, and someone present on the process that will die.
    const watcher = connectCollab(
      cluster.process(0),
      conversationId,
      sessions[0]?.accessToken ?? "",
      {
        echoesPresence: false,
        user: { name: "?" },
      },
    );
    const ghost = connectCollab(
      cluster.process(1),
      conversationId,
      sessions[1]?.accessToken ?? "",
      {
        echoesPresence: false,
        user: { name: "?" },
      },
    );
    stock.push(watcher, ghost);
    await Promise.all([watcher.synced(), ghost.synced()]);
    const ghostId = ghost.doc.clientID;
    await until(
      () => watcher.provider.awareness.getStates().has(ghostId),
      "the watcher to see the ghost's presence",
      10_000,
    );

    for (const p of participants) p.startTyping();
    await pause(2_000);

    const victim = participants[1] as Participant;
    await cluster.kill(1);
    const killedAt = Date.now();
    // The ghost's tab is closed as its process dies: it never says goodbye.
    ghost.kill();

    // What the dead process promised: confirmed to a writer, or relayed to someone else.
    await until(() => !victim.client.connected, "the victim's socket to close", 5_000);
    const expected = new Map<number, number>();
    for (const p of participants) {
      for (const [client, clock] of p.client.stored) raise(expected, client, clock);
      for (const client of p.client.doc.store.clients.keys())
        if (client !== p.client.clientID)
          raise(expected, client, Y.getState(p.client.doc.store, client));
    }

    await until(() => victim.client.synced, "the victim to be back on another process", 5_000);
    const movedAfterMs = Date.now() - killedAt;
    expect(movedAfterMs).toBeLessThan(5_000);

    // The dead process's clients' presence disappears within seconds.
    await until(
      () => !watcher.provider.awareness.getStates().has(ghostId),
      "the ghost's presence to disappear",
      6_000,
    );
    const presenceGoneMs = Date.now() - killedAt;

    // A fresh observer on each running process holds every promised edit.
    for (const i of cluster.alive()) {
      const observer = new RawCollabClient(
        cluster.urlOn(i, conversationId, sessions[0] as InviteSession, false),
      );
      await observer.connect();
      const missing = [...expected].filter(
        ([client, clock]) => Y.getState(observer.doc.store, client) < clock,
      );
      expect(missing, `promised edits missing on process ${i}`).toEqual([]);
      observer.destroy();
    }

    await pause(1_500);
    for (const p of participants) p.stopTyping();
    await until(
      () =>
        participants.every(
          (p) => p.client.storedOwn >= Y.getState(p.client.doc.store, p.client.clientID),
        ),
      "every keystroke to be confirmed",
      10_000,
    );
    const vector = (doc: Y.Doc) =>
      JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
    await until(
      () =>
        participants.every(
          (p) => vector(p.client.doc) === vector(participants[0]?.client.doc as Y.Doc),
        ),
      "every copy to hold every edit",
      10_000,
    );
    const final = participants[0]?.client.doc as Y.Doc;
    for (const p of participants) {
      expect(visibleContent(p.client.doc)).toBe(visibleContent(final));
      for (const k of p.keystrokes) expect(holdsKeystroke(final, k)).toBe(true);
    }

    // The tables follow: summary and agreements as in the document.
    const summary = plainText(summaryOf(final));
    const agreements = agreementsOf(final)
      .toArray()
      .map((a) => [String(a.get("id")), String(a.get("text"))] as const)
      .sort();
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const read = async () => {
        const conversation = await db.query("SELECT summary FROM conversation WHERE id = $1", [
          conversationId,
        ]);
        const rows = await db.query(
          "SELECT id, text FROM agreement WHERE conversation_id = $1 ORDER BY id",
          [conversationId],
        );
        return {
          summary: conversation.rows[0]?.summary as string | null,
          agreements: rows.rows.map((r) => [String(r.id), String(r.text)] as const).sort(),
        };
      };
      await until(
        async () => {
          const stored = await read();
          return (
            stored.summary === summary &&
            JSON.stringify(stored.agreements) === JSON.stringify(agreements)
          );
        },
        "the tables to hold the whole document",
        15_000,
      ).catch(async (error) => {
        const stored = await read();
        throw new Error(
          `${(error as Error).message}: summary ${stored.summary?.length} vs ${summary.length} chars, agreements ${stored.agreements.length} vs ${agreements.length}`,
        );
      });
    } finally {
      await db.end();
    }
    const typed = participants.reduce((n, p) => n + p.keystrokes.length, 0);
    console.log(
      `failover (seed ${SEED}): ${typed} keystrokes, ${[...expected.values()].length} clients' promised clocks checked; the killed process's client was back after ${movedAfterMs} ms, its presence gone after ${presenceGoneMs} ms`,
    );
  }, 150_000);
});
