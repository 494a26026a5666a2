import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgreement, readAgreements, removeAgreement } from "./agreements.js";
import { plainText, summaryOf } from "./document.js";
import { decodeStoredBody, encodeStored, MESSAGE, parseRoom } from "./protocol.js";

describe("summary", () => {
  it("reads as plain text, one line per paragraph and list item", () => {
    const doc = new Y.Doc();
    const fragment = summaryOf(doc);
    const paragraph = (text: string) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    };
    const list = new Y.XmlElement("bulletList");
    const item = new Y.XmlElement("listItem");
    item.insert(0, [paragraph("Presenteren oefenen")]);
    list.insert(0, [item]);
    fragment.insert(0, [paragraph("Het gaat goed."), list]);
    expect(plainText(fragment)).toBe("Het gaat goed.\nPresenteren oefenen");
  });
});

describe("agreements", () => {
  it("round-trip through the document and merge from two writers", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addAgreement(a, {
      id: "x",
      text: "Sanne test de zoekfunctie",
      owner: "student",
      dueDate: "2027-01-15",
    });
    addAgreement(b, { id: "y", text: "Kees plant een demo", owner: "praktijkopleider" });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(
      readAgreements(a)
        .map((x) => x.id)
        .sort(),
    ).toEqual(["x", "y"]);
    expect(readAgreements(b)).toEqual(readAgreements(a));
    const x = readAgreements(a).find((r) => r.id === "x");
    expect(x).toMatchObject({
      text: "Sanne test de zoekfunctie",
      owner: "student",
      dueDate: "2027-01-15",
      status: "open",
    });
    removeAgreement(a, "x");
    expect(readAgreements(a).map((r) => r.id)).toEqual(["y"]);
  });
});

describe("protocol", () => {
  it("encodes and decodes the stored message", () => {
    const bytes = encodeStored(
      new Map([
        [123456789, 42],
        [7, 0],
      ]),
    );
    const decoder = decoding.createDecoder(bytes);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE.stored);
    expect([...decodeStoredBody(decoder)]).toEqual([
      [123456789, 42],
      [7, 0],
    ]);
  });

  it("parses room names and refuses others", () => {
    expect(parseRoom("3f2b-11")).toEqual({ conversationId: "3f2b-11", isPrivate: false });
    expect(parseRoom("3f2b-11/private")).toEqual({ conversationId: "3f2b-11", isPrivate: true });
    expect(parseRoom("../etc")).toBeNull();
    expect(parseRoom("a".repeat(65))).toBeNull();
  });
});
