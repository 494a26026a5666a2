import {
  conversationSeed,
  type ReviewItem,
  readReview,
  reviewNeededText,
  reviewOf,
  SEED_CLIENT_ID,
  setReviewStatus,
} from "@driehoek/collab";
import { collabBase, until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { heldConversationWithAgreements, loggedUpdates } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { joinAs, planConversation } from "../support/factories.js";
import { useCollabSuite } from "../support/suite.js";

const PREVIOUS = ["Sanne leert Git", "Sanne presenteert in de sprintdemo", "Sanne plant haar week"];

describe.each(testDatabases())("the seeded review on %s", (kind) => {
  const suite = useCollabSuite(kind);
  // Set per test: each test reviews its own placement's held conversation (a review changes
  // the held agreements' status, which the next conversation's seed starts from).
  let previousIds: string[];
  /** The seed as the server makes it: same input, same bytes. */
  let seed: Uint8Array;

  const fresh = (): ReviewItem[] =>
    PREVIOUS.map((text, i) => ({
      agreementId: previousIds[i] as string,
      text,
      status: "open",
      needed: "",
    }));

  /** Holds a conversation with PREVIOUS as agreements, then plans the next one to review them. */
  async function nextConversation(student: "sanne" | "daan") {
    const placementId = suite.school.students[student].placementId;
    const held = await heldConversationWithAgreements(suite.server, placementId, PREVIOUS);
    previousIds = held.agreementIds;
    seed = conversationSeed(PREVIOUS.map((text, i) => ({ id: previousIds[i] as string, text })));
    return planConversation(suite.server.services, placementId);
  }

  /** Opens the document with a new, empty client and returns what it shows once synced. */
  async function openFresh(room: string, token: string): Promise<Y.Doc> {
    const client = suite.connect(room, token);
    await client.synced();
    return client.doc;
  }

  /** The seed went in once: its client wrote exactly the seed's items, and no other copy exists. */
  function expectSeededOnce(doc: Y.Doc) {
    const seedClock = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(seed)).get(SEED_CLIENT_ID);
    expect(Y.getState(doc.store, SEED_CLIENT_ID)).toBe(seedClock);
    expect(reviewOf(doc).size).toBe(PREVIOUS.length);
  }

  it("shows each previous agreement once, after reconnects and after server restarts", async () => {
    const conversation = await nextConversation("sanne");
    const token = await joinAs(suite.server, conversation.invites.student);

    const first = suite.connect(conversation.id, token, { acks: true });
    await first.synced();
    expect(readReview(first.doc)).toEqual(fresh());
    expectSeededOnce(first.doc);

    // Sanne reviews one agreement; that must survive everything below.
    const [reviewed] = previousIds as [string];
    setReviewStatus(first.doc, reviewed, "partly");
    reviewNeededText(first.doc, reviewed)?.insert(0, "Meer tijd voor Git");
    await first.allStored("the review to be stored");
    const expected = fresh().map((item, i) =>
      i === 0 ? { ...item, status: "partly", needed: "Meer tijd voor Git" } : item,
    );

    // The same client drops and comes back, three times.
    for (let i = 0; i < 3; i++) {
      first.provider.disconnect();
      first.provider.connect();
      await first.synced();
      expect(readReview(first.doc)).toEqual(expected);
      expectSeededOnce(first.doc);
    }
    // New clients, one after the other.
    for (let i = 0; i < 3; i++) {
      const doc = await openFresh(conversation.id, token);
      expect(readReview(doc)).toEqual(expected);
      expectSeededOnce(doc);
    }

    // The server restarts on the same database, twice; the page that stayed open comes back.
    for (let i = 0; i < 2; i++) {
      suite.destroyClients(first);
      const restarted = await suite.restartServer();
      await until(() => !first.provider.wsconnected, "the open page to notice the restart");
      // A restarted test server listens on a new port; a real one comes back at the same address.
      first.provider.serverUrl = collabBase(restarted.url);
      await first.synced();
      const doc = await openFresh(conversation.id, token);
      expect(readReview(doc)).toEqual(expected);
      expectSeededOnce(doc);
      expect(readReview(first.doc)).toEqual(expected);
      expectSeededOnce(first.doc);
      expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(first.doc));
    }
  });

  it("seeds once when two clients open a fresh document at the same moment", async () => {
    const conversation = await nextConversation("daan");
    const student = await joinAs(suite.server, conversation.invites.student);
    const trainer = await joinAs(suite.server, conversation.invites.praktijkopleider);
    expect(await loggedUpdates(suite.server, conversation.id)).toBe(0);

    const both = [suite.connect(conversation.id, student), suite.connect(conversation.id, trainer)];
    await Promise.all(both.map((c) => c.synced()));
    for (const { doc } of both) {
      expect(readReview(doc)).toEqual(fresh());
      expectSeededOnce(doc);
    }
    expect(await loggedUpdates(suite.server, conversation.id)).toBe(1);

    // Both review the same agreement at once: one shared entry, both texts in it.
    const [target] = previousIds as [string];
    reviewNeededText(both[0]?.doc as Y.Doc, target)?.insert(0, "Sanne: oefenen. ");
    reviewNeededText(both[1]?.doc as Y.Doc, target)?.insert(0, "Kees: helpen. ");
    await until(
      () =>
        both.every((c) => {
          const needed = reviewNeededText(c.doc, target)?.toString() ?? "";
          return needed.includes("Sanne: oefenen. ") && needed.includes("Kees: helpen. ");
        }),
      "both review notes in the one entry",
    );
    for (const { doc } of both) expectSeededOnce(doc);
  });
});
