import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { notesOf } from "./document.js";
import { readReview, reviewNeededText, setReviewStatus } from "./review.js";
import { conversationSeed, isSeeded } from "./seed.js";

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
    expect(notesOf(a).size).toBe(13);
  });
});
