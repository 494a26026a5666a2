import { addAgreement, agreementsOf, conversationSeed } from "@driehoek/collab";
import { LIMITS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentDoor } from "./door.js";

/** What a client sends: the change `write` makes to its copy of `live`. */
function changeTo(live: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(client);
  write(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** Text over the agreement limit, typed into the agreement `id`. */
const overLimit = (id: string) => (doc: Y.Doc) => {
  const agreement = agreementsOf(doc)
    .toArray()
    .find((map) => map.get("id") === id);
  if (!agreement) throw new Error(`no agreement ${id}`);
  (agreement.get("text") as Y.Text).insert(0, "x".repeat(LIMITS.agreementText + 1));
};

/** A writer's connection, as the server applies admitted updates with it as the origin. */
const WRITER = { name: "writer" };

describe("the door's scratch copy", () => {
  it("keeps in step with the live document, whether an update came through the door or from elsewhere", () => {
    const live = new Y.Doc();
    Y.applyUpdate(live, conversationSeed([]), "seed");
    const door = new DocumentDoor(live, "conversation");
    try {
      // Through the door: checked on the copy, then stored and applied to the live document.
      const own = changeTo(live, (doc) => addAgreement(doc, { id: "eigen", text: "Eigen" }));
      expect(door.admit(own)).toBeNull();
      Y.applyUpdate(live, own, WRITER);
      // From another process: it reaches the live document only.
      const relayed = changeTo(live, (doc) => addAgreement(doc, { id: "elders", text: "Elders" }));
      Y.applyUpdate(live, relayed, "relay");

      // Text over the limit in either agreement is refused: the copy holds both.
      expect(door.admit(changeTo(live, overLimit("elders")))?.code).toBe("DOC_SHAPE");
      expect(door.admit(changeTo(live, overLimit("eigen")))?.code).toBe("DOC_SHAPE");
      // A fitting edit of the relayed agreement is let through and reaches the live document.
      const fits = changeTo(live, (doc) => {
        const map = agreementsOf(doc).get(1) as Y.Map<unknown>;
        (map.get("text") as Y.Text).insert(0, "Ook ");
      });
      expect(door.admit(fits)).toBeNull();
      Y.applyUpdate(live, fits, WRITER);
      expect(agreementsOf(live).length).toBe(2);
      expect(String((agreementsOf(live).get(1) as Y.Map<unknown>).get("text"))).toBe("Ook Elders");
      // The copy again after a refusal: a new agreement built on both is checked in full.
      expect(
        door.admit(changeTo(live, (doc) => addAgreement(doc, { id: "elders", text: "Dubbel" })))
          ?.code,
      ).toBe("DOC_SHAPE");
      expect(
        door.admit(changeTo(live, (doc) => addAgreement(doc, { id: "derde", text: "Derde" }))),
      ).toBeNull();
    } finally {
      door.destroy();
    }
  });
});
