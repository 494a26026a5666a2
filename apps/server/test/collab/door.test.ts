import {
  addAgreement,
  agreementsOf,
  MESSAGE,
  plainText,
  readAgreements,
  reviewOf,
  summaryOf,
} from "@driehoek/collab";
import { LIMITS } from "@driehoek/domain";
import {
  type CollabClient,
  closeOf,
  collabTicket,
  openRaw,
  pause,
  until,
  updateMessage,
} from "@driehoek/test-support";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_PRESENCE_BYTES } from "../../src/collab/awareness-filter.js";
import { MAX_REFUSED_UPDATES } from "../../src/collab/room.js";
import { appendParagraph, newId } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import type { TestServer } from "../support/server.js";
import { useCollabSuite } from "../support/suite.js";
import { openLog } from "./collab-log.js";

const MOVE = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;
const STUDENT_SAYS = `mutation($id: ID!) {
  setStudentConclusion(conversationId: $id, conclusion: op_schema) { studentConclusion } }`;
const JUDGE = `mutation($id: ID!) {
  setConclusion(conversationId: $id, conclusion: op_schema) { conclusion } }`;
const END = `mutation($id: ID!) {
  endConversation(conversationId: $id, acceptNotSmart: true) { status } }`;
const READ = `query($id: ID!) { conversation(id: $id) { status summary agreements { id text } } }`;

/** What the legit participants write around the poisoned update. */
const LEGIT_AGREEMENT = "Kees plant een demo";
const LEGIT_SUMMARY = "Na de weigering typt Sanne gewoon door.";

interface Poison {
  /** What a misbehaving client writes (the agreement `keesId` exists already). */
  write(doc: Y.Doc, keesId: string): void;
  /** Whether a document holds it. */
  isIn(doc: Y.Doc, keesId: string): boolean;
}

const POISONS: [string, Poison][] = [
  [
    "a review entry that is a string",
    {
      write: (doc) => (reviewOf(doc) as Y.Map<unknown>).set("x", "a string"),
      isIn: (doc) => reviewOf(doc).has("x"),
    },
  ],
  [
    "a second agreement with an existing id",
    {
      write: (doc, keesId) => addAgreement(doc, { id: keesId, text: "Dubbel" }),
      isIn: (doc, keesId) => readAgreements(doc).filter((a) => a.id === keesId).length > 1,
    },
  ],
  [
    "an agreement without an id",
    {
      write: (doc) => agreementsOf(doc).push([new Y.Map()]),
      isIn: (doc) => agreementsOf(doc).length > 1,
    },
  ],
  [
    "an agreement text over its limit",
    {
      write: (doc) =>
        (agreementsOf(doc).get(0).get("text") as Y.Text).insert(
          0,
          "x".repeat(LIMITS.agreementText),
        ),
      isIn: (doc) => (agreementsOf(doc).get(0).get("text") as Y.Text).length > LIMITS.agreementText,
    },
  ],
];

/** The document as its log holds it (snapshot and updates), read straight from the database. */
async function loggedDoc(server: TestServer, docName: string): Promise<Y.Doc> {
  const log = await openLog(server);
  try {
    const stored = await log.load(docName);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await log.close();
  }
}

describe.each(testDatabases())("the door of /collab on %s", (kind) => {
  const suite = useCollabSuite(kind);
  const refused: { room: string; keesId: string; poison: Poison }[] = [];

  const gql = async (query: string, id: string, token: string) => {
    const result = await suite.server.gql(query, { id }, token);
    expect(result.errors, query).toBeUndefined();
    return result.data ?? {};
  };

  it.each(POISONS)(
    "refuses %s: its writer is told, nobody receives it, and the projection keeps going",
    async (_, poison) => {
      const { conversation, tokens } = await suite.plannedConversation("lotte");
      const id = conversation.id;
      const [sanne, kees, mallory] = (await suite.connectAll(id, [
        tokens.student,
        tokens.praktijkopleider,
        tokens.bpv_begeleider,
      ])) as [CollabClient, CollabClient, CollabClient];
      const keesId = newId();
      addAgreement(kees.doc, { id: keesId, text: LEGIT_AGREEMENT, owner: "praktijkopleider" });
      await until(() => agreementsOf(mallory.doc).length === 1, "Kees's agreement everywhere");

      poison.write(mallory.doc, keesId);
      await until(() => mallory.denied.length > 0, "the refusal");
      expect(mallory.denied[0]).toMatch(
        /^Update refused \(DOC_SHAPE\): .+Nothing of it was stored/,
      );
      expect(mallory.closes).toEqual([]);

      // Later typing goes on, reaches everyone (after where the refused update would have) ...
      appendParagraph(summaryOf(sanne.doc), LEGIT_SUMMARY);
      await until(
        () => plainText(summaryOf(kees.doc)) === LEGIT_SUMMARY,
        "Sanne's typing to reach Kees",
      );
      for (const client of [sanne, kees]) expect(poison.isIn(client.doc, keesId)).toBe(false);
      // ... and the tables, by themselves ...
      await until(
        async () => (await gql(READ, id, tokens.student)).conversation.summary === LEGIT_SUMMARY,
        "the summary in the tables",
        8_000,
      );
      // ... and when the conversation ends, which reads the document as it is now.
      for (const step of ["startConversation", "advancePhase", "advancePhase"])
        await gql(MOVE(step), id, tokens.bpv_begeleider);
      await gql(STUDENT_SAYS, id, tokens.student);
      await gql(JUDGE, id, tokens.bpv_begeleider);
      await gql(END, id, tokens.bpv_begeleider);
      expect((await gql(READ, id, tokens.student)).conversation).toEqual({
        status: "ended",
        summary: LEGIT_SUMMARY,
        agreements: [{ id: keesId, text: LEGIT_AGREEMENT }],
      });
      refused.push({ room: id, keesId, poison });
    },
  );

  it("has none of the refused updates in the log, also after a restart", async () => {
    expect(refused).toHaveLength(POISONS.length);
    const server = await suite.restartServer();
    for (const { room, keesId, poison } of refused) {
      const doc = await loggedDoc(server, room);
      expect(plainText(summaryOf(doc))).toBe(LEGIT_SUMMARY);
      expect(readAgreements(doc).map((a) => a.text)).toEqual([LEGIT_AGREEMENT]);
      expect(poison.isIn(doc, keesId)).toBe(false);
    }
  });

  it("tells the writer why, sends the server's state to rebuild from, and closes after three refusals", async () => {
    const { conversation, tokens } = await suite.plannedConversation();
    const [sanne] = await suite.connectAll(conversation.id, [tokens.student], { acks: true });
    appendParagraph(summaryOf(sanne.doc), LEGIT_SUMMARY);
    const mallory = openRaw(suite.server, conversation.id, {
      ticket: await collabTicket(suite.server.url, conversation.id, tokens.bpv_begeleider),
    });
    await mallory.greeted();
    await until(() => sanne.storedClock() === sanne.localClock(), "Sanne's paragraph stored");
    // A fresh writer each time: a writer's later updates build on its refused one, so the
    // server keeps them waiting for it (for ever) instead of refusing them.
    const update = (write: (doc: Y.Doc) => void) => {
      const poisoned = new Y.Doc();
      write(poisoned);
      return updateMessage(Y.encodeStateAsUpdate(poisoned));
    };
    for (let attempt = 1; attempt <= MAX_REFUSED_UPDATES; attempt++) {
      const heard = mallory.messages.length;
      mallory.ws.send(update((doc) => (reviewOf(doc) as Y.Map<unknown>).set(`x${attempt}`, "s")));
      await until(() => mallory.messages.length >= heard + 2, "the refusal and the state");
      const [refusal, state] = mallory.messages.slice(heard) as [Uint8Array, Uint8Array];
      const reason = decoding.createDecoder(refusal);
      expect([decoding.readVarUint(reason), decoding.readVarUint(reason)]).toEqual([
        MESSAGE.auth,
        0,
      ]);
      expect(decoding.readVarString(reason)).toMatch(/^Update refused \(DOC_SHAPE\): review\.x/);
      const sync = decoding.createDecoder(state);
      expect([decoding.readVarUint(sync), decoding.readVarUint(sync)]).toEqual([MESSAGE.sync, 1]);
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, decoding.readVarUint8Array(sync));
      expect(plainText(summaryOf(rebuilt))).toBe(LEGIT_SUMMARY);
      expect(reviewOf(rebuilt).size).toBe(0);
    }
    const close = await closeOf(mallory);
    expect(close).toEqual({ code: 4400, reason: "Too many refused updates." });
    expect(sanne.closes).toEqual([]);
  });

  it(`refuses a presence state over ${MAX_PRESENCE_BYTES / 1024} kB with 4413; nobody receives it`, async () => {
    const { conversation, tokens } = await suite.plannedConversation();
    const [sanne, kees] = await suite.connectAll(
      conversation.id,
      [tokens.student, tokens.praktijkopleider],
      { echoesPresence: false },
    );
    const mallory = openRaw(suite.server, conversation.id, {
      ticket: await collabTicket(suite.server.url, conversation.id, tokens.bpv_begeleider),
    });
    await mallory.greeted();
    const presence = (clientId: number, state: unknown) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, 1);
      encoding.writeVarString(update, JSON.stringify(state));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE.awareness);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      return encoding.toUint8Array(message);
    };
    mallory.ws.send(presence(4242, { user: { name: "M" }, blob: "b".repeat(900 * 1024) }));
    const close = await closeOf(mallory);
    expect(close.code).toBe(4413);
    expect(close.reason).toMatch(/Presence state over 8192 bytes refused/);

    // A presence within the limit still reaches the others; the large one never did.
    sanne.provider.awareness.setLocalStateField("cursor", { at: "x".repeat(2_000) });
    await until(
      () => kees.provider.awareness.getStates().get(sanne.doc.clientID)?.cursor !== undefined,
      "Sanne's presence at Kees",
    );
    await pause(200);
    for (const client of [sanne, kees])
      expect(client.provider.awareness.getStates().has(4242)).toBe(false);
  });
});
