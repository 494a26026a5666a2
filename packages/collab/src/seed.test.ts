import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { notesOf, PRAKTIJKOPLEIDER_GOALS_KEY } from "./document.js";
import { readReview, reviewNeededText, setReviewStatus } from "./review.js";
import {
  conversationSeed,
  conversationSeedAddition,
  firstConversationSeed,
  hasSeedAddition,
  isSeeded,
  SEED_CLIENT_ID,
} from "./seed.js";

const previous = [
  { id: "a1", text: "Zoekfunctie bouwen" },
  { id: "a2", text: "Presenteren in de sprintdemo" },
];

describe("the server's seed", () => {
  it("puts each review entry in exactly once, however often it is applied", () => {
    const doc = new Y.Doc();
    expect(isSeeded(doc)).toBe(false);
    Y.applyUpdate(doc, conversationSeed(previous));
    setReviewStatus(doc, "a1", "partly");
    reviewNeededText(doc, "a1")?.insert(0, "meer tijd");
    // A restart, a second server process, a reconnecting client: the seed arrives again.
    Y.applyUpdate(doc, conversationSeed(previous));
    const other = new Y.Doc();
    Y.applyUpdate(other, conversationSeed(previous));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));

    expect(isSeeded(doc)).toBe(true);
    expect(readReview(doc)).toEqual([
      { agreementId: "a1", text: "Zoekfunctie bouwen", status: "partly", needed: "meer tijd" },
      { agreementId: "a2", text: "Presenteren in de sprintdemo", status: "open", needed: "" },
    ]);
  });

  it("is the same bytes for the same input", () => {
    expect(conversationSeed(previous)).toEqual(conversationSeed(previous));
  });

  it("has a notes text for every section, so concurrent typists share one", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, conversationSeed([]));
    Y.applyUpdate(b, conversationSeed([]));
    notesOf(a).get("welkom")?.insert(0, "Hallo ");
    notesOf(b).get("welkom")?.insert(0, "Koffie. ");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const text = notesOf(a).get("welkom")?.toString() ?? "";
    expect(text).toContain("Hallo ");
    expect(text).toContain("Koffie. ");
    expect(notesOf(b).get("welkom")?.toString()).toBe(text);
    // One per section of the guide, and the praktijkopleider's goals.
    expect(notesOf(a).size).toBe(14);
  });
});

describe("the seed's addition: the praktijkopleider's goals", () => {
  const goals = (doc: Y.Doc) => notesOf(doc).get(PRAKTIJKOPLEIDER_GOALS_KEY);

  it("is in every newly seeded document, beside the student's goals", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, conversationSeed(previous));
    expect(hasSeedAddition(doc)).toBe(true);
    expect(goals(doc)).toBeInstanceOf(Y.Text);
    expect(notesOf(doc).get("gespreksdoel")).toBeInstanceOf(Y.Text);
  });

  it("reaches a document seeded before it, once, keeping what was typed", () => {
    // A document seeded and edited before the addition existed.
    const old = new Y.Doc();
    Y.applyUpdate(old, firstConversationSeed(previous));
    notesOf(old).get("gespreksdoel")?.insert(0, "Mijn doel: feedback vragen");
    setReviewStatus(old, "a1", "done");
    expect(isSeeded(old)).toBe(true);
    expect(hasSeedAddition(old)).toBe(false);
    expect(goals(old)).toBeUndefined();

    // Two server processes (or a restart) each add it; a device then types in it.
    Y.applyUpdate(old, conversationSeedAddition());
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(old));
    Y.applyUpdate(elsewhere, conversationSeedAddition());
    goals(elsewhere)?.insert(0, "Werktempo bespreken");
    Y.applyUpdate(old, conversationSeedAddition());
    Y.applyUpdate(old, Y.encodeStateAsUpdate(elsewhere));
    // And a client that was offline since before the change syncs its old copy back in.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, firstConversationSeed(previous));
    Y.applyUpdate(old, Y.encodeStateAsUpdate(offline));

    expect(hasSeedAddition(old)).toBe(true);
    expect(goals(old)?.toString()).toBe("Werktempo bespreken");
    expect(notesOf(old).get("gespreksdoel")?.toString()).toBe("Mijn doel: feedback vragen");
    expect(readReview(old)[0]?.status).toBe("done");
    expect(notesOf(old).size).toBe(14);
  });

  it("does not change the first seed's bytes, so old documents stay whole", () => {
    const withAddition = new Y.Doc();
    Y.applyUpdate(withAddition, conversationSeed(previous));
    const first = Y.decodeStateVector(
      Y.encodeStateVectorFromUpdate(firstConversationSeed(previous)),
    );
    expect(Y.getState(withAddition.store, SEED_CLIENT_ID)).toBe(first.get(SEED_CLIENT_ID));
    expect(conversationSeedAddition()).toEqual(conversationSeedAddition());
  });
});
