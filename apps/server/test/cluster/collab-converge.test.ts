import { randomUUID } from "node:crypto";
import { addAgreement, agreementsOf, SEED_CLIENT_ID, summaryOf } from "@driehoek/collab";
import {
  type CollabClient,
  connectCollab,
  type InviteSession,
  RawCollabClient,
  until,
} from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureServerBuilt } from "../crash/built-server.js";
import { visibleContent } from "../crash/typing.js";
import { Cluster, clusterServices } from "../support/cluster.js";
import { seededRandom } from "../support/random.js";

const services = clusterServices("collab-converge.test.ts");
const BASE_PORT = Number(process.env.RELAY_TEST_PORT ?? 4130);

/** Types `count` characters at random places of the summary's paragraphs, a few ms apart. */
async function typeInSummary(doc: Y.Doc, count: number, random: () => number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const paragraphs = summaryOf(doc)
      .toArray()
      .filter((p): p is Y.XmlElement => p instanceof Y.XmlElement);
    const text = paragraphs[Math.floor(random() * paragraphs.length)]?.get(0);
    if (text instanceof Y.XmlText)
      text.insert(Math.floor(random() * (text.length + 1)), "abc"[i % 3] as string);
    await new Promise((r) => setTimeout(r, 2 + random() * 8));
  }
}

describe.skipIf(!services)("three processes over PostgreSQL and Redis", () => {
  const cluster = services ? new Cluster({ services, basePort: BASE_PORT }) : null;
  let sessions: InviteSession[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    ensureServerBuilt();
    await cluster?.start();
    sessions = (await cluster?.participants()) ?? [];
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it("converge on concurrent edits of summary and agreements, and show each other's presence", async () => {
    if (!cluster) return;
    const conversationId = sessions[0]?.conversationId as string;
    // One participant per process; the three processes load the new document at the same time.
    sessions.forEach((session, i) => {
      clients.push(
        connectCollab(cluster.process(i), conversationId, session.accessToken, {
          acks: true,
          echoesPresence: false,
          user: { name: "?" },
        }),
      );
    });
    await Promise.all(clients.map((c) => c.synced()));

    // The seed was made by three processes at once, and is there once.
    const first = clients[0]?.doc as Y.Doc;
    const seedLength = Y.getState(first.store, SEED_CLIENT_ID);
    for (const c of clients) expect(Y.getState(c.doc.store, SEED_CLIENT_ID)).toBe(seedLength);
    const seededAgreements = agreementsOf(first).length;

    const random = seededRandom(15);
    const ids = clients.map(() => randomUUID());
    await Promise.all(
      clients.map(async (c, i) => {
        const agreement = addAgreement(c.doc, { id: ids[i] as string, owner: "student" });
        const text = agreement.get("text") as Y.Text;
        await Promise.all([
          typeInSummary(c.doc, 60, random),
          (async () => {
            for (const char of `Afspraak ${i}: elke week een terugblik.`) {
              text.insert(text.length, char);
              await new Promise((r) => setTimeout(r, 3));
            }
          })(),
        ]);
      }),
    );

    const vector = (doc: Y.Doc) =>
      JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort());
    await until(
      () => clients.every((c) => vector(c.doc) === vector(clients[0]?.doc as Y.Doc)),
      "every copy to hold every edit",
      10_000,
    );
    await Promise.all(clients.map((c) => c.allStored(undefined, 10_000)));
    const content = visibleContent(clients[0]?.doc as Y.Doc);
    for (const c of clients) expect(visibleContent(c.doc)).toBe(content);
    expect(agreementsOf(clients[0]?.doc as Y.Doc).length).toBe(seededAgreements + 3);
    for (const id of ids) expect(content).toContain(id);

    // A newcomer on any process is served the same document, read from the one log.
    for (let i = 0; i < cluster.size; i++) {
      const observer = new RawCollabClient(
        cluster.urlOn(i, conversationId, sessions[0] as InviteSession, false),
      );
      await observer.connect();
      expect(visibleContent(observer.doc), `a newcomer on process ${i}`).toBe(content);
      observer.destroy();
    }

    // Presence: everyone sees the other two, with the name and role the server knows.
    const roles = sessions.map((s) => s.role);
    await until(
      () =>
        clients.every((viewer, v) =>
          clients.every((whom, w) => {
            if (v === w) return true;
            const user = viewer.provider.awareness.getStates().get(whom.doc.clientID)?.user as
              | { name?: string; role?: string }
              | undefined;
            return user?.role === roles[w] && user?.name !== "?";
          }),
        ),
      "everyone to see the others' presence across processes",
      10_000,
    ).catch((error) => {
      const seen = clients.map((viewer) =>
        JSON.stringify([...viewer.provider.awareness.getStates()].map(([id, s]) => [id, s.user])),
      );
      throw new Error(
        `${(error as Error).message}; clients ${clients.map((c) => c.doc.clientID)} see ${seen.join(" | ")}`,
      );
    });
  }, 120_000);
});
