import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyTextDiff, diffStrings, mapIndexThroughDelta } from "./textDiff";

describe("diffStrings", () => {
  it("replaces only what changed between the common start and end", () => {
    expect(diffStrings("hallo wereld", "hallo mooie wereld")).toEqual({
      index: 6,
      remove: 0,
      insert: "mooie ",
    });
    expect(diffStrings("abcdef", "abXYef")).toEqual({ index: 2, remove: 2, insert: "XY" });
    expect(diffStrings("abc", "")).toEqual({ index: 0, remove: 3, insert: "" });
  });

  it("never splits an emoji (a surrogate pair)", () => {
    const edit = diffStrings("a😀b", "a😃b");
    expect(edit).toEqual({ index: 1, remove: 2, insert: "😃" });
  });
});

describe("applyTextDiff", () => {
  it("keeps what someone else typed elsewhere at the same time", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    mine.getText("t").insert(0, "eerste regel\ntweede regel");
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));

    applyTextDiff(mine.getText("t"), "EERSTE regel\ntweede regel");
    theirs.getText("t").insert(theirs.getText("t").length, "!");
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));

    expect(mine.getText("t").toString()).toBe("EERSTE regel\ntweede regel!");
    expect(theirs.getText("t").toString()).toBe(mine.getText("t").toString());
  });
});

describe("mapIndexThroughDelta", () => {
  it("moves a position on past text inserted before it, not after it", () => {
    expect(mapIndexThroughDelta([{ insert: "ab" }], 3)).toBe(5);
    expect(mapIndexThroughDelta([{ retain: 5 }, { insert: "ab" }], 3)).toBe(3);
    // Text inserted exactly at the cursor goes after it.
    expect(mapIndexThroughDelta([{ retain: 3 }, { insert: "ab" }], 3)).toBe(3);
  });

  it("moves a position back over deleted text and into a deletion's start", () => {
    expect(mapIndexThroughDelta([{ delete: 2 }], 5)).toBe(3);
    expect(mapIndexThroughDelta([{ retain: 1 }, { delete: 10 }], 5)).toBe(1);
    expect(mapIndexThroughDelta([{ retain: 6 }, { delete: 2 }], 5)).toBe(5);
  });
});
