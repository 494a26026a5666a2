import { LIMITS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgreement } from "./agreements.js";
import { agreementsOf, reviewOf, summaryOf } from "./document.js";
import { conversationSeed } from "./seed.js";
import { checkTransaction, type DocKind, defineShape, isPlainTyping } from "./shape.js";
import { isPlainAddition } from "./shape-additions.js";

const ID = "4f1b1c5e-2a34-4c1e-8d6b-9e0f6a7b8c9d";

/** The server's live document, seeded with its shape defined, as the door has it. */
function liveDoc(): Y.Doc {
  const live = new Y.Doc();
  defineShape(live, "conversation");
  Y.applyUpdate(live, conversationSeed([]));
  return live;
}

/** What a client sends: the change `write` makes to its own copy of `live`. */
function changeTo(live: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(client);
  client.transact(() => write(client));
  return Y.encodeStateAsUpdate(client, before);
}

/** The full check's verdict on `update`: applied to a copy of `live`, then checked. */
function fullCheckAdmits(live: Y.Doc, update: Uint8Array, kind: DocKind = "conversation") {
  const copy = new Y.Doc();
  defineShape(copy, kind);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  try {
    let transaction: Y.Transaction | null = null;
    copy.transact((tr) => {
      transaction = tr;
      Y.applyUpdate(copy, update);
    });
    // Checked once the transaction is done, as the door does (its after-state is known then).
    checkTransaction(copy, transaction as unknown as Y.Transaction, kind);
    return true;
  } catch {
    return false;
  }
}

const quickLook = (live: Y.Doc, update: Uint8Array, kind: DocKind = "conversation", inFlight = 0) =>
  isPlainAddition(live, Y.decodeUpdate(update), kind, inFlight);

/** A paragraph as Enter makes it: an element holding an empty text (or nothing). */
const paragraph =
  (at = 0, withText = true, name = "paragraph") =>
  (doc: Y.Doc) => {
    const element = new Y.XmlElement(name);
    if (withText) element.insert(0, [new Y.XmlText()]);
    summaryOf(doc).insert(at, [element]);
  };

/** An agreement map written field by field, for forms addAgreement does not make. */
const agreementMap = (fields: Record<string, unknown>) => (doc: Y.Doc) => {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  agreementsOf(doc).push([map]);
};

describe("additions at the door's quick look", () => {
  it("recognises a paragraph and an agreement as the clients make them, which the full check admits", () => {
    const live = liveDoc();
    const cases = [
      paragraph(),
      paragraph(0, false),
      (doc: Y.Doc) => addAgreement(doc, { id: ID, owner: "student" }),
      (doc: Y.Doc) =>
        addAgreement(doc, {
          id: ID,
          text: "Elke vrijdag een terugblik",
          measure: "Vijf keer gedaan",
          firstStep: "Afspraak plannen",
          dueDate: "2027-01-15",
          werkproces: "B1-K1-W2",
        }),
    ];
    for (const write of cases) {
      const update = changeTo(live, write);
      expect(quickLook(live, update)).toBe(true);
      expect(fullCheckAdmits(live, update)).toBe(true);
    }
    // Also after others: between and after paragraphs and agreements the document has.
    Y.applyUpdate(live, changeTo(live, paragraph()));
    Y.applyUpdate(
      live,
      changeTo(live, (doc) => addAgreement(doc, { id: "a" })),
    );
    for (const write of [
      paragraph(1),
      paragraph(0),
      (doc: Y.Doc) => addAgreement(doc, { id: "b" }),
    ])
      expect(quickLook(live, changeTo(live, write))).toBe(true);
  });

  it("leaves every other addition to the full check", () => {
    const live = liveDoc();
    Y.applyUpdate(live, changeTo(live, paragraph()));
    Y.applyUpdate(
      live,
      changeTo(live, (doc) => addAgreement(doc, { id: "taken" })),
    );
    const refused: [string, (doc: Y.Doc) => void][] = [
      ["an id another agreement has", (doc) => addAgreement(doc, { id: "taken" })],
      ["no id", agreementMap({ owner: "student" })],
      ["an id too long", agreementMap({ id: "x".repeat(LIMITS.id + 1) })],
      ["a field nobody knows", agreementMap({ id: ID, colour: "red" })],
      ["a field's value its rule does not allow", agreementMap({ id: ID, owner: "x".repeat(41) })],
      ["a text where a plain value belongs", agreementMap({ id: ID, owner: new Y.Text("x") })],
      ["a plain value where a text belongs", agreementMap({ id: ID, text: "plain" })],
      [
        "a text over its limit from the start",
        (doc) => addAgreement(doc, { id: ID, text: "x".repeat(LIMITS.agreementText + 1) }),
      ],
      ["an element name too long", paragraph(0, true, "p".repeat(LIMITS.id + 1))],
      [
        "a review entry under a key no agreement has",
        (doc) => reviewOf(doc).set("not an id!", new Y.Map()),
      ],
    ];
    for (const [what, write] of refused) {
      const update = changeTo(live, write);
      expect(quickLook(live, update), what).toBe(false);
      expect(fullCheckAdmits(live, update), what).toBe(false);
    }
    // Allowed, but not in the one form the quick look knows: the full check decides.
    const otherForms: [string, (doc: Y.Doc) => void][] = [
      [
        "a paragraph inside a paragraph (a list in a list)",
        (doc) => (summaryOf(doc).get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("p")]),
      ],
      [
        "a paragraph with characters in it",
        (doc) => {
          const element = new Y.XmlElement("paragraph");
          element.insert(0, [new Y.XmlText("Al getypt")]);
          summaryOf(doc).insert(0, [element]);
        },
      ],
      [
        "two paragraphs at once",
        (doc) => {
          paragraph()(doc);
          paragraph()(doc);
        },
      ],
      [
        "a paragraph and a deletion",
        (doc) => {
          paragraph()(doc);
          agreementsOf(doc).delete(0, 1);
        },
      ],
    ];
    for (const [what, write] of otherForms) {
      const update = changeTo(live, write);
      expect(quickLook(live, update), what).toBe(false);
      expect(fullCheckAdmits(live, update), what).toBe(true);
    }
    // In the private notes no addition is known; an agreement list full to its limit takes none.
    expect(quickLook(live, changeTo(live, paragraph()), "private")).toBe(false);
    const full = liveDoc();
    full.transact(() => {
      for (let i = 0; i < 100; i++) addAgreement(full, { id: `a${i}` });
    });
    const oneMore = changeTo(full, (doc) => addAgreement(doc, { id: ID }));
    expect(quickLook(full, oneMore)).toBe(false);
    expect(fullCheckAdmits(full, oneMore)).toBe(false);
  });

  it("never lets through what the full check refuses, over many random additions", () => {
    // mulberry32: the same sequence every run.
    let state = 1405;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const string = (max: number) => "x".repeat(Math.floor(random() * max));
    const values = () => pick([null, 7, true, string(30), string(70), new Y.Text(string(10))]);
    const live = liveDoc();
    let recognised = 0;
    let admittedByBoth = 0;
    for (let i = 0; i < 600; i++) {
      const id = pick(["a", "b", "c", ID, "", string(80)]);
      const kind = random();
      const write = (doc: Y.Doc) => {
        if (kind < 0.35) {
          const fields: Record<string, unknown> = {};
          for (const key of ["id", "text", "owner", "measure", "dueDate", "status", "colour"])
            if (random() < 0.7) fields[key] = key === "id" ? pick([id, values()]) : values();
          agreementMap(fields)(doc);
        } else if (kind < 0.55) {
          addAgreement(doc, { id, text: string(LIMITS.agreementText * 1.2) });
        } else if (kind < 0.9) {
          const summary = summaryOf(doc);
          const into =
            random() < 0.3 && summary.length > 0
              ? (summary.get(Math.floor(random() * summary.length)) as Y.XmlElement)
              : summary;
          const element = new Y.XmlElement(pick(["paragraph", "heading", string(80)]));
          if (random() < 0.7) element.insert(0, [new Y.XmlText(random() < 0.8 ? "" : "tekst")]);
          into.insert(Math.floor(random() * (into.length + 1)), [element]);
        } else {
          // A string where a review entry must be a map, now and then: the checks must refuse it.
          const review = reviewOf(doc) as unknown as Y.Map<unknown>;
          review.set(pick(["x", ID]), random() < 0.5 ? new Y.Map() : string(5));
        }
      };
      const update = changeTo(live, write);
      const quick = quickLook(live, update);
      const full = fullCheckAdmits(live, update);
      if (quick) {
        recognised += 1;
        expect(full, `update ${i}`).toBe(true);
      }
      if (full) {
        admittedByBoth += quick ? 1 : 0;
        Y.applyUpdate(live, update);
      }
    }
    // The quick look decided a good part of them, so the comparison means something.
    expect(recognised).toBeGreaterThan(100);
    expect(admittedByBoth).toBe(recognised);
  });
});

describe("the summary's limit on a bound", () => {
  it("counts the summary again when its bound comes near the limit, so no keystroke slips past it", () => {
    const live = liveDoc();
    const limit = LIMITS.summary;
    // One paragraph (1) with a text (1) of limit - 12 characters: 10 characters of room.
    Y.applyUpdate(
      live,
      changeTo(live, (doc) => {
        const element = new Y.XmlElement("paragraph");
        element.insert(0, [new Y.XmlText("x".repeat(limit - 12))]);
        summaryOf(doc).insert(0, [element]);
      }),
    );
    const text = (doc: Y.Doc) => (summaryOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const typing = (chars: string) =>
      Y.decodeUpdate(changeTo(live, (doc) => text(doc).insert(0, chars)));
    // Counted once here: 10 characters of room.
    expect(isPlainTyping(live, typing("abc"), "conversation", 0)).toBe(true);
    // Eight are typed and stored: 2 characters of room left.
    Y.applyUpdate(
      live,
      changeTo(live, (doc) => text(doc).insert(0, "12345678")),
    );
    expect(isPlainTyping(live, typing("abc"), "conversation", 0)).toBe(false);
    expect(isPlainTyping(live, typing("ab"), "conversation", 0)).toBe(true);
    expect(isPlainTyping(live, typing("a"), "conversation", 1)).toBe(true);
    expect(isPlainTyping(live, typing("a"), "conversation", 2)).toBe(false);
    // Deleting gives the room back; a paragraph (2: element and text) fits again.
    Y.applyUpdate(
      live,
      changeTo(live, (doc) => text(doc).delete(0, 8)),
    );
    expect(isPlainTyping(live, typing("abcdefghij"), "conversation", 0)).toBe(true);
    expect(quickLook(live, changeTo(live, paragraph(1)), "conversation", 8)).toBe(true);
    expect(quickLook(live, changeTo(live, paragraph(1)), "conversation", 9)).toBe(false);
  });
});
