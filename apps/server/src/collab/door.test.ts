import {
  addAgreement,
  agreementsOf,
  checkTransaction,
  conversationSeed,
  notesOf,
  summaryOf,
} from "@driehoek/collab";
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

/** A participant's own copy of `live`, typing ahead of what the live document has stored. */
function typistOf(live: Y.Doc): { doc: Y.Doc; edit: (write: (doc: Y.Doc) => void) => Uint8Array } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return {
    doc,
    edit(write) {
      const before = Y.encodeStateVector(doc);
      write(doc);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

describe("typing ahead of the log", () => {
  it("checks a keystroke that builds on one still being stored, and its correction, on the update alone", () =>
    withDoor(async (live, door) => {
      Y.applyUpdate(
        live,
        changeTo(live, (doc) => addAgreement(doc, { id: "a", text: "Plan" })),
      );
      const typist = typistOf(live);
      const before = await checks();
      // Typed quickly: each keystroke arrives while the one before is still on its way.
      const keystrokes = [
        typist.edit((doc) => agreementText(doc, "a").insert(4, "x")),
        typist.edit((doc) => agreementText(doc, "a").insert(5, "y")),
        typist.edit((doc) => agreementText(doc, "a").delete(5, 1)),
        typist.edit((doc) => agreementText(doc, "a").insert(5, "z")),
      ];
      for (const keystroke of keystrokes) expect(admit(door, keystroke)).toBeNull();
      expect(await checksSince(before)).toEqual({ "typing admitted": 4 });
      for (const keystroke of keystrokes) Y.applyUpdate(live, keystroke, WRITER);
      expect(agreementText(live, "a").toString()).toBe("Planxz");
    }));

  it("still counts the characters on their way against the text's limit", () =>
    withDoor(async (live, door) => {
      const limit = LIMITS.agreementText;
      Y.applyUpdate(
        live,
        changeTo(live, (doc) => addAgreement(doc, { id: "a", text: "x".repeat(limit - 2) })),
      );
      const typist = typistOf(live);
      const at = (doc: Y.Doc) => agreementText(doc, "a").length;
      const before = await checks();
      expect(
        admit(
          door,
          typist.edit((doc) => agreementText(doc, "a").insert(at(doc), "a")),
        ),
      ).toBeNull();
      expect(
        admit(
          door,
          typist.edit((doc) => agreementText(doc, "a").insert(at(doc), "b")),
        ),
      ).toBeNull();
      // One more would go over the limit with the two on their way: the full check refuses it.
      const over = typist.edit((doc) => agreementText(doc, "a").insert(at(doc), "c"));
      expect(admit(door, over)?.code).toBe("DOC_SHAPE");
      expect(await checksSince(before)).toEqual({ "typing admitted": 2, "full refused": 1 });
    }));

  it("checks typing into an agreement still on its way in full", () =>
    withDoor(async (live, door) => {
      const typist = typistOf(live);
      const before = await checks();
      expect(
        admit(
          door,
          typist.edit((doc) => addAgreement(doc, { id: "b" })),
        ),
      ).toBeNull();
      const typed = typist.edit((doc) => agreementText(doc, "b").insert(0, "Doel"));
      expect(admit(door, typed)).toBeNull();
      expect(await checksSince(before)).toEqual({ "addition admitted": 1, "full admitted": 1 });
    }));

  it("lets through only what the full check would, however far the log lags (random edits)", () =>
    withDoor(async (live, door) => {
      // Seeded, so that a failure can be run again.
      let seed = 0x5eed;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const below = (n: number) => Math.floor(random() * n);
      Y.applyUpdate(
        live,
        changeTo(live, (doc) => addAgreement(doc, { id: "a", text: "Plan" })),
      );
      // The live document and everything admitted to it: what the log will hold.
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.encodeStateAsUpdate(live));
      const onTheirWay: Uint8Array[] = [];
      let typists = [typistOf(live), typistOf(live)];
      const texts = (doc: Y.Doc): Y.Text[] => [
        ...agreementsOf(doc)
          .toArray()
          .map((map) => map.get("text") as Y.Text),
        ...SECTION_KEYS.slice(0, 2).map((key) => notesOf(doc).get(key) as Y.Text),
      ];
      const before = await checks();
      for (let step = 0; step < 600; step++) {
        const typist = typists[below(2)] as (typeof typists)[number];
        const update = typist.edit((doc) => {
          const choice = random();
          const text = texts(doc)[below(texts(doc).length)] as Y.Text;
          if (choice < 0.04) {
            // A paste into the first agreement: now and then more than its limit allows.
            const first = agreementText(doc, "a");
            first.insert(below(first.length + 1), "p".repeat(300 + below(600)));
          } else if (choice < 0.6) {
            text.insert(below(text.length + 1), "k".repeat(1 + below(3)));
          } else if (choice < 0.9) {
            if (text.length > 0) {
              const from = below(text.length);
              text.delete(from, 1 + below(Math.min(3, text.length - from)));
            }
          } else if (choice < 0.95) {
            addAgreement(doc, { id: `n${step}` });
          } else {
            const element = new Y.XmlElement("paragraph");
            element.insert(0, [new Y.XmlText("alinea")]);
            summaryOf(doc).insert(0, [element]);
          }
        });
        if (admit(door, update) === null) {
          // Admitted: the full check on everything stored and on its way lets it through too.
          let transaction: Y.Transaction | null = null;
          stored.transact((tr) => {
            transaction = tr;
            Y.applyUpdate(stored, update);
          });
          expect(() =>
            checkTransaction(stored, transaction as unknown as Y.Transaction, "conversation"),
          ).not.toThrow();
          onTheirWay.push(update);
        } else {
          // Refused: the client loads the document again, with what is on its way.
          typists = typists.map(() => typistOf(stored));
        }
        // The log catches up now and then, some of the way.
        if (random() < 0.3)
          for (const stored of onTheirWay.splice(0, below(onTheirWay.length + 1)))
            Y.applyUpdate(live, stored, WRITER);
      }
      for (const update of onTheirWay.splice(0)) Y.applyUpdate(live, update, WRITER);
      expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(stored));
      const seen = await checksSince(before);
      // The quick look took most of it (235 without the characters on their way), and the full
      // check the rest, refusing some.
      expect(seen["typing admitted"]).toBeGreaterThan(350);
      expect(seen["full refused"]).toBeGreaterThan(0);
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
