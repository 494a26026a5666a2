import { LIMITS, SECTION_KEYS } from "@driehoek/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAgreement } from "./agreements.js";
import { agreementsOf, metaOf, notesOf, reviewOf, summaryOf } from "./document.js";
import { reviewNeededText, setReviewStatus } from "./review.js";
import { conversationSeed, privateNotesSeed } from "./seed.js";
import { checkTransaction, type DocKind, defineShape, ShapeViolation } from "./shape.js";

const REVIEWED = "0b7f6f7e-5d7c-4d63-9a8e-1d0c5b0f2a11";
const ID = "4f1b1c5e-2a34-4c1e-8d6b-9e0f6a7b8c9d";

/** A server copy and a client, both seeded; `send` checks what a change on the client writes. */
function setup(kind: DocKind = "conversation") {
  const seed =
    kind === "private" ? privateNotesSeed() : conversationSeed([{ id: REVIEWED, text: "Oud" }]);
  const server = new Y.Doc();
  defineShape(server, kind);
  Y.applyUpdate(server, seed);
  const client = new Y.Doc();
  Y.applyUpdate(client, seed);
  const updateOf = (change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    client.transact(() => change(client));
    return Y.encodeStateAsUpdate(client, before);
  };
  const apply = (update: Uint8Array) => {
    let transaction: Y.Transaction | null = null;
    server.transact((tr) => {
      transaction = tr;
      Y.applyUpdate(server, update);
    });
    checkTransaction(server, transaction as unknown as Y.Transaction, kind);
  };
  const send = (change: (doc: Y.Doc) => void) => apply(updateOf(change));
  return { server, client, send, apply, updateOf };
}

const sectionNotes = (doc: Y.Doc) => notesOf(doc).get(SECTION_KEYS[0] as string) as Y.Text;

describe("the document's shape", () => {
  it("lets every change the web client makes through", () => {
    const { send } = setup();
    send((doc) => addAgreement(doc, { id: ID, text: "Sanne oefent", owner: "student" }));
    send((doc) => (agreementsOf(doc).get(0).get("text") as Y.Text).insert(0, "Morgen: "));
    send((doc) => agreementsOf(doc).get(0).set("werkproces", "B1-K1-W3"));
    send((doc) => agreementsOf(doc).get(0).set("dueDate", "2026-05-01"));
    send((doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("textAlign", "left");
      paragraph.insert(0, [new Y.XmlText("Het ging goed.")]);
      summaryOf(doc).insert(0, [paragraph]);
    });
    send((doc) =>
      ((summaryOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} }),
    );
    send((doc) => setReviewStatus(doc, REVIEWED, "done"));
    send((doc) => reviewNeededText(doc, REVIEWED)?.insert(0, "Tijd"));
    send((doc) => sectionNotes(doc).insert(0, "Notitie"));
    // Values the projection cleans (a typed owner, a date in words) are the projection's concern.
    send((doc) => agreementsOf(doc).get(0).set("owner", "directeur"));
    send((doc) => agreementsOf(doc).delete(0, 1));
  });

  it.each<[string, (doc: Y.Doc) => void, RegExp]>([
    [
      "a review entry that is a string",
      (doc) => (reviewOf(doc) as Y.Map<unknown>).set("x", "a string"),
      /review\.x/,
    ],
    [
      "an existing review entry replaced by a string",
      (doc) => (reviewOf(doc) as Y.Map<unknown>).set(REVIEWED, "a string"),
      /review/,
    ],
    ["a removed review entry", (doc) => reviewOf(doc).delete(REVIEWED), /cannot be removed/],
    [
      "two agreements with one id",
      (doc) => {
        addAgreement(doc, { id: ID });
        addAgreement(doc, { id: ID });
      },
      /used twice/,
    ],
    ["an agreement without an id", (doc) => agreementsOf(doc).push([new Y.Map()]), /needs an id/],
    [
      "an agreement that is not a map",
      (doc) => (agreementsOf(doc) as Y.Array<unknown>).push(["tekst"]),
      /must be a map/,
    ],
    [
      "an agreement text over its limit",
      (doc) => addAgreement(doc, { id: ID, text: "x".repeat(LIMITS.agreementText + 1) }),
      /longer than/,
    ],
    [
      "an unknown agreement field",
      (doc) => addAgreement(doc, { id: ID }).set("extra", 1),
      /not a known field/,
    ],
    [
      "an agreement status that is not a string",
      (doc) => addAgreement(doc, { id: ID }).set("status", 3),
      /not allowed/,
    ],
    [
      "notes over their limit",
      (doc) => sectionNotes(doc).insert(0, "n".repeat(LIMITS.sectionNote + 1)),
      /longer than/,
    ],
    ["notes under an unknown key", (doc) => notesOf(doc).set("x", new Y.Text()), /notes/],
    ["an unknown top-level part", (doc) => doc.getMap("extra").set("a", 1), /extra/],
    ["a value in meta", (doc) => metaOf(doc).set("schemaVersion", "2"), /schema version/],
    [
      "a huge attribute",
      (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.setAttribute("data", "a".repeat(10_000));
        summaryOf(doc).insert(0, [paragraph]);
      },
      /value longer/,
    ],
    [
      "binary content",
      (doc) => (agreementsOf(doc) as Y.Array<unknown>).push([new Uint8Array(4)]),
      /nobody writes/,
    ],
    [
      "a summary over its limit",
      (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("s".repeat(LIMITS.summary + 1))]);
        summaryOf(doc).insert(0, [paragraph]);
      },
      /summary: longer/,
    ],
  ])("refuses %s", (_, change, message) => {
    const { send } = setup();
    expect(() => send(change)).toThrow(ShapeViolation);
    const { send: again } = setup();
    expect(() => again(change)).toThrow(message);
  });

  it("checks an update's items when they arrive late, after what they build on", () => {
    const { apply, updateOf } = setup();
    const first = updateOf((doc) => addAgreement(doc, { id: ID }));
    const poisoned = updateOf((doc) => agreementsOf(doc).get(0).delete("id"));
    apply(poisoned); // waits on the server for its missing part: nothing changed yet
    expect(() => apply(first)).toThrow(/needs an id/);
  });

  it("leaves old data alone: only what a change adds must fit", () => {
    const { server, client, send } = setup();
    // Written before the server checked updates: two agreements with one id, a long note.
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(client));
    addAgreement(old, { id: ID });
    addAgreement(old, { id: ID });
    sectionNotes(old).insert(0, "n".repeat(LIMITS.sectionNote + 10));
    const oldData = Y.encodeStateAsUpdate(old, Y.encodeStateVector(client));
    Y.applyUpdate(server, oldData);
    Y.applyUpdate(client, oldData);
    send((doc) => addAgreement(doc, { id: "e2a4f3c1-0000-4000-8000-000000000001" }));
    send((doc) => sectionNotes(doc).delete(0, 5));
    expect(() => send((doc) => sectionNotes(doc).insert(0, "meer"))).toThrow(/longer than/);
  });

  it("holds the private document to its notes", () => {
    const { send } = setup("private");
    send((doc) => sectionNotes(doc).insert(0, "Privé"));
    expect(() => send((doc) => addAgreement(doc, { id: ID }))).toThrow(/agreements/);
  });
});
