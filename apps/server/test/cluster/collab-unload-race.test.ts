import { type InviteSession, pause, RawCollabClient, until } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureServerBuilt } from "../crash/built-server.js";
import { holdsKeystroke, type Keystroke, Typist, visibleContent } from "../crash/typing.js";
import { Cluster, clusterServices } from "../support/cluster.js";
import { seededRandom } from "../support/random.js";

const services = clusterServices("collab-unload-race.test.ts");
const BASE_PORT = Number(process.env.RELAY_TEST_PORT ?? 4130) + 6;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const UNLOAD_MS = 150;

/**
 * The reconnect race known from other Yjs servers: a document leaves one process's memory (its
 * last client left) while another process keeps relaying updates to it, and a client comes back
 * to the first process just then. Whatever it loads must be the whole document.
 */
describe.skipIf(!services)("a document unloaded on one process while another relays to it", () => {
  const cluster = services
    ? new Cluster({
        services,
        basePort: BASE_PORT,
        size: 2,
        // Unload almost at once, and compact often, so both race with the relayed updates.
        env: { COLLAB_IDLE_UNLOAD_MS: String(UNLOAD_MS), COLLAB_COMPACT_AFTER: "40" },
      })
    : null;
  let sessions: InviteSession[] = [];
  const clients: RawCollabClient[] = [];

  beforeAll(async () => {
    ensureServerBuilt();
    await cluster?.start();
    sessions = (await cluster?.participants()) ?? [];
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it("converges, and every reload holds everything stored", async () => {
    if (!cluster) return;
    const random = seededRandom(SEED);
    const conversationId = sessions[0]?.conversationId as string;
    const steady = new RawCollabClient(
      cluster.urlOn(0, conversationId, sessions[0] as InviteSession),
    );
    const coming = new RawCollabClient(
      cluster.urlOn(1, conversationId, sessions[1] as InviteSession),
    );
    clients.push(steady, coming);
    await steady.connect();
    const steadyTypist = new Typist(steady.doc, random);
    const comingTypist = new Typist(coming.doc, random);
    const keystrokes: Keystroke[] = [];
    let typing = true;
    const typeSteadily = async () => {
      while (typing) {
        keystrokes.push(steadyTypist.keystroke());
        await pause(5 + random() * 15);
      }
    };
    const steadyTyping = typeSteadily();

    let rounds = 0;
    for (; rounds < 12; rounds++) {
      // Served on arrival: everything process 0 confirmed before the newcomer came.
      const confirmedBefore = steady.storedOwn;
      await coming.connect();
      expect(
        Y.getState(coming.doc.store, steady.clientID),
        `round ${rounds}: the document served on arrival`,
      ).toBeGreaterThanOrEqual(confirmedBefore);
      // And kept live: what is confirmed now reaches it through the relay.
      const confirmed = steady.storedOwn;
      await until(
        () => Y.getState(coming.doc.store, steady.clientID) >= confirmed,
        `round ${rounds}: relayed updates to reach the reloaded document`,
        2_000,
      );
      for (let i = 0; i < 5; i++) keystrokes.push(comingTypist.keystroke());
      await until(
        () => coming.storedOwn >= Y.getState(coming.doc.store, coming.clientID),
        "the newcomer's keystrokes to be stored",
      );
      coming.disconnect();
      await until(() => !coming.connected, "the newcomer to leave");
      // Back just before, during or after the unload.
      await pause(UNLOAD_MS * (0.5 + random() * 1.5));
    }
    await coming.connect();
    typing = false;
    await steadyTyping;

    await until(
      () => [steady, coming].every((c) => c.storedOwn >= Y.getState(c.doc.store, c.clientID)),
      "every keystroke to be confirmed",
      10_000,
    );
    const vector = (doc: Y.Doc) =>
      JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
    await until(
      () => vector(steady.doc) === vector(coming.doc),
      "both copies to hold every edit",
      10_000,
    );
    expect(visibleContent(coming.doc)).toBe(visibleContent(steady.doc));
    for (const i of [0, 1]) {
      const observer = new RawCollabClient(
        cluster.urlOn(i, conversationId, sessions[2] as InviteSession, false),
      );
      await observer.connect();
      for (const k of keystrokes)
        expect(holdsKeystroke(observer.doc, k), `process ${i}`).toBe(true);
      expect(visibleContent(observer.doc)).toBe(visibleContent(steady.doc));
      observer.destroy();
    }
    console.log(
      `unload race (seed ${SEED}): ${rounds} reloads, ${keystrokes.length} keystrokes, all present`,
    );
  }, 120_000);
});
