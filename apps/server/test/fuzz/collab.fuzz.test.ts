import { randomUUID } from "node:crypto";
import {
  addAgreement,
  agreementsOf,
  DOC,
  MESSAGE,
  notesOf,
  plainText,
  RECORD_NOTE_KEYS,
  reviewOf,
  summaryOf,
} from "@driehoek/collab";
import {
  type CollabClient,
  openRaw,
  pause,
  type RawCollabSocket,
  until,
  updateMessage,
} from "@driehoek/test-support";
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendParagraph, newId } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs } from "../support/factories.js";
import { useCollabSuite } from "../support/suite.js";

/** How long the fuzzing runs, in seconds (`FUZZ_SECONDS`, default 20). */
const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const READ = `query($id: ID!) { conversation(id: $id) { summary agreements { id } } }`;
const ID_POOL = [randomUUID(), randomUUID(), "", "niet-een-uuid"];

/** A value to put somewhere in the document: plain, or a Yjs type, or something nobody writes. */
type Content =
  | { kind: "plain"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "agreement"; id: string; text: string; extra: boolean }
  | { kind: "map" }
  | { kind: "binary" }
  | { kind: "element"; name: string };

const longText = fc.integer({ min: 1_900, max: 25_000 }).map((n) => "x".repeat(n));
const content: fc.Arbitrary<Content> = fc.oneof(
  fc
    .oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.jsonValue(), longText)
    .map((value) => ({ kind: "plain" as const, value })),
  fc
    .oneof(fc.string({ maxLength: 200 }), longText)
    .map((text) => ({ kind: "text" as const, text })),
  fc
    .record({ id: fc.constantFrom(...ID_POOL), text: fc.string(), extra: fc.boolean() })
    .map((a) => ({ kind: "agreement" as const, ...a })),
  fc.constant({ kind: "map" as const }),
  fc.constant({ kind: "binary" as const }),
  fc.string({ maxLength: 12 }).map((name) => ({ kind: "element" as const, name })),
);

function toYjs(c: Content): unknown {
  switch (c.kind) {
    case "plain":
      return c.value;
    case "text":
      return new Y.Text(c.text);
    case "agreement": {
      const map = new Y.Map<unknown>();
      if (c.id) map.set("id", c.id);
      map.set("text", new Y.Text(c.text));
      map.set("status", "open");
      if (c.extra) map.set("extra", c.text);
      return map;
    }
    case "map":
      return new Y.Map();
    case "binary":
      return new Uint8Array([1, 2, 3]);
    case "element":
      return new Y.XmlElement(c.name || "paragraph");
  }
}

const key = fc.oneof(
  fc.constantFrom("x", "id", "text", "status", "needed", ...RECORD_NOTE_KEYS),
  fc.string({ maxLength: 10 }),
);
/** One change a participant (or an attacker with a participant's token) could make. */
const change = fc.oneof(
  fc.record({ at: fc.constant("review" as const), key, content }),
  fc.record({ at: fc.constant("agreements" as const), content }),
  fc.record({ at: fc.constant("agreementField" as const), index: fc.nat(3), key, content }),
  fc.record({ at: fc.constant("notes" as const), key, content }),
  fc.record({
    at: fc.constant("typeNotes" as const),
    key: fc.constantFrom(...RECORD_NOTE_KEYS),
    text: fc.oneof(fc.string({ maxLength: 50 }), longText),
  }),
  fc.record({
    at: fc.constant("summary" as const),
    name: fc.string({ maxLength: 12 }),
    text: fc.string({ maxLength: 80 }),
    attribute: fc.option(fc.oneof(fc.string(), longText)),
  }),
  fc.record({ at: fc.constant("meta" as const), key, content }),
  fc.record({ at: fc.constant("root" as const), name: fc.string({ maxLength: 10 }), content }),
  fc.record({ at: fc.constant("deleteAgreement" as const), index: fc.nat(3) }),
  fc.record({ at: fc.constant("deleteReview" as const), key }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: Y.Doc, c: Change): void {
  switch (c.at) {
    case "review":
      return void (reviewOf(doc) as Y.Map<unknown>).set(c.key, toYjs(c.content));
    case "agreements":
      return void (agreementsOf(doc) as Y.Array<unknown>).push([toYjs(c.content)]);
    case "agreementField": {
      const agreement: unknown = agreementsOf(doc).get(c.index);
      if (agreement instanceof Y.Map) agreement.set(c.key, toYjs(c.content));
      return;
    }
    case "notes":
      return void (notesOf(doc) as Y.Map<unknown>).set(c.key, toYjs(c.content));
    case "typeNotes": {
      const notes: unknown = notesOf(doc).get(c.key);
      if (notes instanceof Y.Text) notes.insert(0, c.text);
      return;
    }
    case "summary": {
      const element = new Y.XmlElement(c.name || "paragraph");
      if (c.attribute !== null) element.setAttribute("data", c.attribute);
      element.insert(0, [new Y.XmlText(c.text)]);
      return void summaryOf(doc).push([element]);
    }
    case "meta":
      return void doc.getMap(DOC.meta).set(c.key, toYjs(c.content));
    case "root":
      return void doc.getMap(c.name || "extra").set("k", toYjs(c.content));
    case "deleteAgreement":
      if (agreementsOf(doc).length > c.index) agreementsOf(doc).delete(c.index, 1);
      return;
    case "deleteReview":
      return void reviewOf(doc).delete(c.key);
  }
}

/** How a valid frame is spoiled before it is sent (or not). */
const spoil = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ how: "none" as const }) },
  fc.record({ how: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ how: fc.constant("flip" as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ how: fc.constant("append" as const), tail: fc.uint8Array({ maxLength: 20 }) }),
);
type Spoil = typeof spoil extends fc.Arbitrary<infer T> ? T : never;

function spoiled(frame: Uint8Array, s: Spoil): Uint8Array {
  if (s.how === "truncate") return frame.slice(0, s.at % Math.max(1, frame.length));
  if (s.how === "flip") {
    const copy = frame.slice();
    copy[s.at % copy.length] = s.byte;
    return copy;
  }
  if (s.how === "append") return new Uint8Array([...frame, ...s.tail]);
  return frame;
}

function awarenessFrame(clientId: number, clock: number, state: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, state);
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/** One message on the wire: Yjs changes (maybe spoiled), garbage, presence, or a sync step 1. */
const frame = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("changes" as const),
      changes: fc.array(change, { minLength: 1, maxLength: 3 }),
      spoil,
    }),
  },
  fc.record({ kind: fc.constant("garbage" as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({
    kind: fc.constant("presence" as const),
    clientId: fc.nat(),
    clock: fc.nat(),
    state: fc.oneof(
      fc.json(),
      fc.string(),
      fc.integer({ min: 8_000, max: 20_000 }).map((n) => JSON.stringify({ blob: "p".repeat(n) })),
    ),
  }),
  fc.record({ kind: fc.constant("step1" as const), vector: fc.uint8Array({ maxLength: 16 }) }),
);
type Frame = typeof frame extends fc.Arbitrary<infer T> ? T : never;

describe.each(testDatabases())("fuzzing /collab on %s", (kind) => {
  const suite = useCollabSuite(kind);
  let room: string;
  let attackerToken: string;
  let staff: string;
  let onA: [CollabClient, CollabClient];
  let onB: [CollabClient, CollabClient];
  let attacker: RawCollabSocket | null = null;
  let round = 0;
  let reconnects = 0;

  beforeAll(async () => {
    const a = await suite.plannedConversation("lotte");
    const b = await suite.plannedConversation("daan");
    room = a.conversation.id;
    attackerToken = a.tokens.bpv_begeleider;
    staff = await loginAs(suite.server, suite.school.staff.marieke);
    onA = (await suite.connectAll(room, [a.tokens.student, a.tokens.praktijkopleider], {
      echoesPresence: false,
    })) as [CollabClient, CollabClient];
    onB = (await suite.connectAll(
      b.conversation.id,
      [b.tokens.student, b.tokens.praktijkopleider],
      {
        echoesPresence: false,
      },
    )) as [CollabClient, CollabClient];
    // The suite destroys clients after each test; these stay for the whole file.
    suite.destroyClients(...onA, ...onB);
  });
  afterAll(() => {
    attacker?.ws.terminate();
    for (const client of [...(onA ?? []), ...(onB ?? [])]) client.destroy();
  });

  /** The attacker's socket, opened again whenever the server closed the last one. */
  async function socket(): Promise<RawCollabSocket | null> {
    if (attacker?.isOpen()) return attacker;
    attacker?.ws.terminate();
    reconnects += 1;
    attacker = openRaw(suite.server, room, { token: attackerToken });
    const opened = await Promise.race([
      attacker.greeted().then(() => true),
      attacker.closed.then(() => false),
    ]).catch(() => false);
    return opened ? attacker : null;
  }

  /** Every bystander on both documents types, and everyone on that document receives it. */
  async function bystandersStillWork(): Promise<void> {
    round += 1;
    for (const [first, second] of [onA, onB]) {
      const mark = `[${round}]`;
      appendParagraph(summaryOf(first.doc), mark);
      await until(
        () => plainText(summaryOf(second.doc)).includes(mark),
        `a bystander's edit ${mark} to be relayed`,
      );
    }
    expect([...onA, ...onB].flatMap((c) => c.closes)).toEqual([]);
  }

  function encode(doc: Y.Doc, f: Frame): Uint8Array[] {
    if (f.kind === "garbage") return [f.bytes];
    if (f.kind === "presence") return [awarenessFrame(f.clientId, f.clock, f.state)];
    if (f.kind === "step1") {
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE.sync);
      encoding.writeVarUint(message, 0);
      encoding.writeVarUint8Array(message, f.vector);
      return [encoding.toUint8Array(message)];
    }
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on("update", collect);
    for (const c of f.changes) {
      try {
        doc.transact(() => apply(doc, c));
      } catch {
        // A change Yjs itself will not make locally (e.g. a bad index) is simply not sent.
      }
    }
    doc.off("update", collect);
    return updates.map((u) => spoiled(updateMessage(u), f.spoil));
  }

  it(
    `survives ${FUZZ_SECONDS} s of random and spoiled messages; nobody else notices`,
    async () => {
      let runs = 0;
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 6 }), async (frames) => {
          runs += 1;
          const ws = await socket();
          if (!ws) return;
          // A participant's document as it is now, under a fresh client id.
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(onA[0].doc));
          for (const f of frames)
            for (const bytes of encode(doc, f))
              if (ws.isOpen()) {
                ws.ws.send(bytes);
                sent += 1;
              }
          doc.destroy();
          await pause(5);
          expect([...onA, ...onB].flatMap((c) => c.closes)).toEqual([]);
          if (runs % 40 === 0) await bystandersStillWork();
        }),
        { numRuns: 1_000_000, interruptAfterTimeLimit: FUZZ_SECONDS * 1000, endOnFailure: true },
      );
      console.info(
        `fuzz: ${runs} runs, ${sent} messages, ${reconnects} connections in ${FUZZ_SECONDS} s`,
      );
      expect(runs).toBeGreaterThan(10);

      // Afterwards: the others work on, and their edits reach the tables (projection not stuck).
      await bystandersStillWork();
      const [sanne, kees] = onA;
      appendParagraph(summaryOf(sanne.doc), "Na het fuzzen.");
      const keesId = newId();
      addAgreement(kees.doc, { id: keesId, text: "Kees plant een demo" });
      await until(
        async () => {
          const result = await suite.server.gql(READ, { id: room }, staff);
          const conversation = result.data?.conversation;
          return (
            conversation?.summary.includes("Na het fuzzen.") &&
            conversation.agreements.some((a: { id: string }) => a.id === keesId)
          );
        },
        "the legit edits in the tables",
        10_000,
      );
    },
    FUZZ_SECONDS * 1000 + 60_000,
  );
});
