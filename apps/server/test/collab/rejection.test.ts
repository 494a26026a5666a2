import { randomUUID } from "node:crypto";
import { notesOf, privateRoom } from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import {
  type CollabClient,
  closeOf,
  collabTicket,
  connectAll,
  connectCollab,
  openRaw,
  pause,
  type RawCollabSocket,
  until,
  updateMessage,
} from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loggedUpdates } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { joinAs, loginAs, planConversation } from "../support/factories.js";
import { useSchoolServer } from "../support/suite.js";

const REVOKE = "mutation($id: ID!) { revokeInvite(inviteId: $id) { id } }";
const MAX_CONNECTIONS = 30;
const notes = (doc: Y.Doc) => notesOf(doc).get(SECTION_KEYS[0] as string) as Y.Text;
const noteText = (doc: Y.Doc) =>
  notesOf(doc)
    .get(SECTION_KEYS[0] as string)
    ?.toString() ?? "";

describe.each(testDatabases())("refusals at /collab on %s", (kind) => {
  const suite = useSchoolServer(kind);
  let room: string;
  let studentToken: string;
  let adminToken: string;
  /** Two participants typing in Sanne's conversation all along; nothing below may disturb them. */
  let observers: [CollabClient, CollabClient];
  const raws: RawCollabSocket[] = [];
  let round = 0;

  beforeAll(async () => {
    const { server, school } = suite;
    const conversation = school.conversations.sanne;
    room = conversation.id;
    studentToken = await joinAs(server, conversation.invites.student);
    adminToken = await loginAs(server, school.staff.fleur);
    observers = (await connectAll(server, room, [
      studentToken,
      await joinAs(server, conversation.invites.bpv_begeleider),
    ])) as [CollabClient, CollabClient];
  });
  afterAll(async () => {
    for (const socket of raws) socket.ws.terminate();
    for (const client of observers ?? []) client.destroy();
  });

  const raw = (target: string, params: Record<string, string> = {}) => {
    const socket = openRaw(suite.server, target, params);
    raws.push(socket);
    return socket;
  };

  /** A raw socket opened with a fresh ticket for `token`'s bearer. */
  const rawAs = async (target: string, token: string) =>
    raw(target, { ticket: await collabTicket(suite.server.url, target, token) });

  /** Both observers still type and receive each other's edits, and were never disconnected. */
  async function observersStillWork() {
    round += 1;
    const [sanne, marieke] = observers;
    notes(sanne.doc).insert(0, `[S${round}]`);
    notes(marieke.doc).insert(0, `[M${round}]`);
    await until(
      () =>
        observers.every(
          (c) =>
            notes(c.doc).toString().includes(`[S${round}]`) &&
            notes(c.doc).toString().includes(`[M${round}]`),
        ),
      "the observers' edits to keep arriving",
    );
    expect([...sanne.closes, ...marieke.closes]).toEqual([]);
  }

  /** A raw socket, authorized and greeted, as a well-behaved client would have it. */
  async function greetedSocket(target = room) {
    const socket = await rawAs(target, studentToken);
    await socket.greeted();
    return socket;
  }

  describe("at the door", () => {
    it("closes a connection without a ticket with 4401, before showing anything", async () => {
      const socket = raw(room);
      expect((await closeOf(socket)).code).toBe(4401);
      expect(socket.messages).toEqual([]);
      await observersStillWork();
    });

    it("closes a connection with a garbage ticket, or with an access token, with 4401", async () => {
      const garbage: Record<string, string>[] = [
        { ticket: "garbage" },
        { ticket: "a".repeat(300) },
        { token: studentToken },
      ];
      for (const params of garbage) {
        const socket = raw(room, params);
        expect((await closeOf(socket)).code).toBe(4401);
        expect(socket.messages).toEqual([]);
      }
      await observersStillWork();
    });

    it("gives no ticket to another conversation's invite token (FORBIDDEN)", async () => {
      const daan = await joinAs(suite.server, suite.school.conversations.daan.invites.student);
      const asked = await suite.server.gql(
        "mutation($d: String!) { collabTicket(docName: $d) }",
        { d: room },
        daan,
      );
      expect(asked.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      await observersStillWork();
    });

    it.each([
      ["a conversation that does not exist", () => randomUUID()],
      ["a private room of one that does not exist", () => privateRoom(randomUUID())],
      ["a name with spaces", () => encodeURIComponent("geen geldige naam")],
      ["a name that is too long", () => "a".repeat(65)],
      ["another sub-document", () => `${room}/other`],
    ])("gives no ticket for %s", async (_, target) => {
      const asked = await suite.server.gql(
        "mutation($d: String!) { collabTicket(docName: $d) }",
        { d: target() },
        adminToken,
      );
      expect(["NOT_FOUND", "BAD_USER_INPUT"]).toContain(asked.errors?.[0]?.extensions?.code);
      await observersStillWork();
    });
  });

  describe("on the line", () => {
    it.each([
      ["an unknown message type", [77]],
      ["a sync message cut short", [0]],
      ["an unknown sync step", [0, 9, 0]],
      ["an update that is not a Yjs update", [...updateMessage(new Uint8Array([255, 255, 255]))]],
      ["an awareness message that does not decode", [1, 5, 1, 2]],
    ])("closes on %s with 4400 and stores nothing", async (_, bytes) => {
      const socket = await greetedSocket();
      const logged = await loggedUpdates(suite.server, room);
      socket.ws.send(new Uint8Array(bytes));
      expect((await closeOf(socket)).code).toBe(4400);
      await observersStillWork();
      expect(await loggedUpdates(suite.server, room)).toBe(logged + 2);
    });

    it("closes on a text frame with 4400", async () => {
      const socket = await greetedSocket();
      socket.ws.send("hallo");
      expect((await closeOf(socket)).code).toBe(4400);
      await observersStillWork();
    });

    it("closes on a message over 1 MB with 1009", async () => {
      const socket = await greetedSocket();
      const logged = await loggedUpdates(suite.server, room);
      socket.ws.send(Buffer.alloc(1024 * 1024 + 1));
      expect((await closeOf(socket)).code).toBe(1009);
      await observersStillWork();
      expect(await loggedUpdates(suite.server, room)).toBe(logged + 2);
    });

    it("closes a client that floods the server with 4429", async () => {
      const socket = await greetedSocket();
      const emptyUpdate = updateMessage(new Uint8Array([0, 0]));
      for (let i = 0; i < 1_000 && socket.isOpen(); i++) socket.ws.send(emptyUpdate);
      expect((await closeOf(socket)).code).toBe(4429);
      await observersStillWork();
    });
  });

  it(`accepts ${MAX_CONNECTIONS} connections to one document and closes the next with 4503`, async () => {
    const conversation = await planConversation(
      suite.server.services,
      suite.school.students.sanne.placementId,
    );
    const student = await joinAs(suite.server, conversation.invites.student);
    const trainer = await joinAs(suite.server, conversation.invites.praktijkopleider);
    // Two participants on this very document, then as many more as it takes.
    const pair = (await connectAll(suite.server, conversation.id, [student, trainer])) as [
      CollabClient,
      CollabClient,
    ];
    try {
      const others: RawCollabSocket[] = [];
      for (let i = 2; i < MAX_CONNECTIONS; i++) {
        const socket = await rawAs(conversation.id, student);
        others.push(socket);
        await socket.greeted();
      }
      const onceTooMany = await rawAs(conversation.id, trainer);
      expect((await closeOf(onceTooMany)).code).toBe(4503);

      // The two on the document keep working, and a freed place can be taken again.
      notes(pair[0].doc).insert(0, "nog steeds hier");
      await until(
        () => notes(pair[1].doc).toString() === "nog steeds hier",
        "the pair's edit to arrive",
      );
      others[0]?.ws.close();
      await until(async () => {
        const socket = await rawAs(conversation.id, trainer);
        const outcome = await Promise.race([
          socket.greeted().then(() => "in"),
          socket.closed.then(() => "refused"),
        ]);
        return outcome === "in";
      }, "a freed place to be taken again");
      expect([...pair[0].closes, ...pair[1].closes]).toEqual([]);
    } finally {
      for (const client of pair) client.destroy();
    }
    await observersStillWork();
  });

  it("closes the connections of a revoked invite with 4401, and the stock client stays away", async () => {
    const conversation = await planConversation(
      suite.server.services,
      suite.school.students.sanne.placementId,
    );
    const keesToken = await joinAs(suite.server, conversation.invites.praktijkopleider);
    const sanneToken = await joinAs(suite.server, conversation.invites.student);
    const [kees, sanne] = (await connectAll(suite.server, conversation.id, [
      keesToken,
      sanneToken,
    ])) as [CollabClient, CollabClient];
    const keesOnPhone = await rawAs(conversation.id, keesToken);
    try {
      await keesOnPhone.greeted();
      const closedForGood = new Promise<{ code: number }>((resolve) =>
        kees.provider.on("closed", (event) => resolve(event)),
      );
      const marieke = await loginAs(suite.server, suite.school.staff.marieke);
      const revoked = await suite.server.gql(
        REVOKE,
        { id: conversation.invites.praktijkopleider.id },
        marieke,
      );
      expect(revoked.errors).toBeUndefined();

      expect((await closeOf(keesOnPhone)).code).toBe(4401);
      expect((await closedForGood).code).toBe(4401);
      expect(kees.closes.map((c) => c.code)).toEqual([4401]);
      // The stock client does not knock again, and a new attempt is refused at the door.
      await pause(500);
      expect(kees.provider.wsconnected || kees.provider.wsconnecting).toBe(false);
      const refused = await suite.server.gql(
        "mutation($d: String!) { collabTicket(docName: $d) }",
        { d: conversation.id },
        keesToken,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

      // What Kees types now reaches nobody; Sanne's session goes on.
      notes(kees.doc).insert(0, "na het intrekken");
      notes(sanne.doc).insert(0, "Sanne gaat door. ");
      const check = connectCollab(suite.server, conversation.id, sanneToken);
      try {
        await until(
          () => noteText(check.doc) === "Sanne gaat door. ",
          "Sanne's edit on the server",
        );
      } finally {
        check.destroy();
      }
      expect(sanne.closes).toEqual([]);
    } finally {
      kees.destroy();
      sanne.destroy();
    }
    await observersStillWork();
  });
});
