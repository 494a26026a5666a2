import { addAgreement, agreementsOf, conversationSeed, notesOf, summaryOf } from "@driehoek/collab";
import { LIMITS, SECTION_KEYS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentDoor, readIncoming } from "./door.js";
import { collabMetrics } from "./metrics.js";

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

/** Lets `update` through `door`, as the server does (decoded once, on arrival). */
const admit = (door: DocumentDoor, update: Uint8Array) => door.admit(readIncoming(update));

/** How many updates the door has checked so far, by check and outcome. */
async function checks(): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  for (const { labels, value } of (await collabMetrics.doorChecks.get()).values)
    counted[`${labels.check} ${labels.outcome}`] = value;
  return counted;
}

/** How many more checks of each kind than `before`. */
async function checksSince(before: Record<string, number>): Promise<Record<string, number>> {
  const now = await checks();
  const more: Record<string, number> = {};
  for (const [key, value] of Object.entries(now))
    if (value > (before[key] ?? 0)) more[key] = value - (before[key] ?? 0);
  return more;
}

/** A live conversation document, seeded, with a door on it; destroyed after `use`. */
async function withDoor(use: (live: Y.Doc, door: DocumentDoor) => Promise<void>): Promise<void> {
  const live = new Y.Doc();
  Y.applyUpdate(live, conversationSeed([]), "seed");
  const door = new DocumentDoor(live, "conversation");
  try {
    await use(live, door);
  } finally {
    door.destroy();
  }
}

/** The text of agreement `id`. */
function agreementText(doc: Y.Doc, id: string): Y.Text {
  const agreement = agreementsOf(doc)
    .toArray()
    .find((map) => map.get("id") === id);
  return agreement?.get("text") as Y.Text;
}

describe("the door's scratch copy", () => {
  it("keeps in step with the live document, whether an update came through the door or from elsewhere", () => {
    const live = new Y.Doc();
    Y.applyUpdate(live, conversationSeed([]), "seed");
    const door = new DocumentDoor(live, "conversation");
    try {
      // Through the door: checked on the copy, then stored and applied to the live document.
      const own = changeTo(live, (doc) => addAgreement(doc, { id: "eigen", text: "Eigen" }));
      expect(admit(door, own)).toBeNull();
      Y.applyUpdate(live, own, WRITER);
      // From another process: it reaches the live document only.
      const relayed = changeTo(live, (doc) => addAgreement(doc, { id: "elders", text: "Elders" }));
      Y.applyUpdate(live, relayed, "relay");

      // Text over the limit in either agreement is refused: the copy holds both.
      expect(admit(door, changeTo(live, overLimit("elders")))?.code).toBe("DOC_SHAPE");
      expect(admit(door, changeTo(live, overLimit("eigen")))?.code).toBe("DOC_SHAPE");
      // A fitting edit of the relayed agreement is let through and reaches the live document.
      const fits = changeTo(live, (doc) => {
        const map = agreementsOf(doc).get(1) as Y.Map<unknown>;
        (map.get("text") as Y.Text).insert(0, "Ook ");
      });
      expect(admit(door, fits)).toBeNull();
      Y.applyUpdate(live, fits, WRITER);
      expect(agreementsOf(live).length).toBe(2);
      expect(String((agreementsOf(live).get(1) as Y.Map<unknown>).get("text"))).toBe("Ook Elders");
      // The copy again after a refusal: a new agreement built on both is checked in full.
      expect(
        admit(
          door,
          changeTo(live, (doc) => addAgreement(doc, { id: "elders", text: "Dubbel" })),
        )?.code,
      ).toBe("DOC_SHAPE");
      expect(
        admit(
          door,
          changeTo(live, (doc) => addAgreement(doc, { id: "derde", text: "Derde" })),
        ),
      ).toBeNull();
    } finally {
      door.destroy();
    }
  });
});

describe("typing at the door", () => {
  it("checks characters typed into a text on the update alone, counting those still on their way", () =>
    withDoor(async (live, door) => {
      const limit = LIMITS.agreementText;
      Y.applyUpdate(
        live,
        changeTo(live, (doc) => addAgreement(doc, { id: "a", text: "x".repeat(limit - 3) })),
      );
      const typing = (chars: string) =>
        changeTo(live, (doc) => agreementText(doc, "a").insert(limit - 3, chars));
      const before = await checks();

      // Two characters pass and are on their way to the log (not in the live document yet).
      const two = typing("ab");
      expect(admit(door, two)).toBeNull();
      // Two more would fit on their own, not with the two on their way: the full check decides.
      expect(admit(door, typing("cd"))?.code).toBe("DOC_SHAPE");
      // Once the two are stored, the last character that fits passes as typing again.
      Y.applyUpdate(live, two, WRITER);
      expect(admit(door, typing("e"))).toBeNull();
      expect(await checksSince(before)).toEqual({
        "typing admitted": 2,
        "full refused": 1,
      });
    }));

  it("lets a deleted character through as typing, but not a note taken away", () =>
    withDoor(async (live, door) => {
      const note = (doc: Y.Doc) => notesOf(doc).get(SECTION_KEYS[0] as string) as Y.Text;
      Y.applyUpdate(
        live,
        changeTo(live, (doc) => note(doc).insert(0, "Goed voorbereid")),
      );
      const before = await checks();

      expect(
        admit(
          door,
          changeTo(live, (doc) => note(doc).delete(4, 11)),
        ),
      ).toBeNull();
      expect(
        admit(
          door,
          changeTo(live, (doc) => notesOf(doc).delete(SECTION_KEYS[0] as string)),
        )?.code,
      ).toBe("DOC_SHAPE");
      expect(await checksSince(before)).toEqual({ "typing admitted": 1, "full refused": 1 });
    }));

  it("checks a new paragraph with everything typed before it, though its copy was behind", () =>
    withDoor(async (live, door) => {
      const limit = LIMITS.summary;
      // A paragraph through the full check, then typing that passes on the update alone.
      const paragraph = changeTo(live, (doc) => {
        const element = new Y.XmlElement("paragraph");
        element.insert(0, [new Y.XmlText("x".repeat(limit - 10))]);
        summaryOf(doc).insert(0, [element]);
      });
      expect(admit(door, paragraph)).toBeNull();
      Y.applyUpdate(live, paragraph, WRITER);
      const typed = changeTo(live, (doc) => {
        const text = (summaryOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, "abcde");
      });
      expect(admit(door, typed)).toBeNull();
      Y.applyUpdate(live, typed, WRITER);

      // Now 1 + 1 + (limit - 5) long: a paragraph (1) with a text (1) of one character fits,
      // of two it does not, counting the five typed characters the copy had not been given.
      const newParagraph = (chars: string) =>
        changeTo(live, (doc) => {
          const element = new Y.XmlElement("paragraph");
          element.insert(0, [new Y.XmlText(chars)]);
          summaryOf(doc).insert(1, [element]);
        });
      const before = await checks();
      expect(admit(door, newParagraph("yz"))?.code).toBe("DOC_SHAPE");
      expect(admit(door, newParagraph("y"))).toBeNull();
      expect(await checksSince(before)).toEqual({ "full refused": 1, "full admitted": 1 });
    }));
});

describe("additions at the door", () => {
  it("checks a new agreement on the update alone, but in full while another addition is on its way", () =>
    withDoor(async (live, door) => {
      const agreement = (id: string) => changeTo(live, (doc) => addAgreement(doc, { id }));
      const before = await checks();

      // Two people add an agreement with the same id at once: the first is on its way to the
      // log when the second arrives. The quick look compares with the live document only, so
      // the second is checked in full, with the first given to the scratch copy.
      const first = agreement("same");
      const second = agreement("same");
      expect(admit(door, first)).toBeNull();
      expect(admit(door, second)?.code).toBe("DOC_SHAPE");
      // Once the first is stored, a paragraph and another agreement pass on the update alone.
      Y.applyUpdate(live, first, WRITER);
      const paragraph = changeTo(live, (doc) => {
        const element = new Y.XmlElement("paragraph");
        element.insert(0, [new Y.XmlText()]);
        summaryOf(doc).insert(0, [element]);
      });
      expect(admit(door, paragraph)).toBeNull();
      const third = agreement("other");
      // The paragraph is still on its way: the agreement goes through the full check, and passes.
      expect(admit(door, third)).toBeNull();
      expect(await checksSince(before)).toEqual({
        "addition admitted": 2,
        "full refused": 1,
        "full admitted": 1,
      });
      // Everything stored: an id the document has is no addition the quick look passes.
      Y.applyUpdate(live, paragraph, WRITER);
      Y.applyUpdate(live, third, WRITER);
      const again = await checks();
      expect(admit(door, agreement("same"))?.code).toBe("DOC_SHAPE");
      expect(admit(door, agreement("new"))).toBeNull();
      expect(await checksSince(again)).toEqual({ "full refused": 1, "addition admitted": 1 });
    }));
});
