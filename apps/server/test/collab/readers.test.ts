import {
  addAgreement,
  GENERAL_NOTES_KEY,
  notesOf,
  plainText,
  privateRoom,
  summaryOf,
} from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import { type CollabClient, collabTicket, type TicketRefused, until } from "@driehoek/test-support";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import {
  appendParagraph,
  documentView,
  loggedUpdates,
  newId,
  typeInto,
} from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { loginAs, type TestConversation } from "../support/factories.js";
import { useCollabSuite } from "../support/suite.js";

const sectionNotes = (doc: Y.Doc) => notesOf(doc).get(SECTION_KEYS[0] as string) as Y.Text;

/** A reader's attempt at every kind of edit. */
function tryToWrite(doc: Y.Doc, marker: string): void {
  appendParagraph(summaryOf(doc), `${marker} in de samenvatting`);
  addAgreement(doc, { id: newId(), text: `${marker} als afspraak` });
  typeInto(sectionNotes(doc), 0, marker);
}

describe.each(testDatabases())("readers and locked records over /collab on %s", (kind) => {
  const suite = useCollabSuite(kind);

  /** A conversation where Sanne and Kees are typing, with something already written. */
  async function conversationInProgress() {
    const { conversation, tokens } = await suite.plannedConversation();
    const sanne = suite.connect(conversation.id, tokens.student);
    const kees = suite.connect(conversation.id, tokens.praktijkopleider);
    await Promise.all([sanne.synced(), kees.synced()]);
    appendParagraph(summaryOf(sanne.doc), "Het gaat goed met de zoekfunctie.");
    addAgreement(sanne.doc, { id: newId(), text: "Sanne test de zoekfunctie", owner: "student" });
    typeInto(sectionNotes(kees.doc), 0, "Kees: goede week");
    await until(
      () => documentView(sanne.doc) === documentView(kees.doc),
      "Sanne and Kees to agree",
    );
    return { conversation, tokens, sanne, kees };
  }

  /** Makes one more participant edit and waits until `clients` have it: all earlier traffic is done. */
  async function settle(writer: CollabClient, clients: CollabClient[], marker: string) {
    appendParagraph(summaryOf(writer.doc), marker);
    await until(
      () => clients.every((c) => plainText(summaryOf(c.doc)).includes(marker)),
      `"${marker}" to reach everyone`,
    );
  }

  it.each(["ahmed", "fleur"] as const)(
    "lets %s (staff, not a participant) read everything but refuses their writes",
    async (who) => {
      const { conversation, sanne, kees } = await conversationInProgress();
      const reader = suite.connect(
        conversation.id,
        await loginAs(suite.server, suite.school.staff[who]),
        {
          acks: true,
        },
      );
      await reader.synced();
      expect(documentView(reader.doc)).toBe(documentView(sanne.doc));
      // Told at once that they read along.
      await until(() => reader.denied.length > 0, "the read-only notice");
      expect(reader.denied[0]).toMatch(/read along/i);

      const refusedBefore = reader.denied.length;
      const logged = await loggedUpdates(suite.server, conversation.id);
      tryToWrite(reader.doc, "STIEKEM");
      await until(() => reader.denied.length > refusedBefore, "the write to be refused");
      await settle(sanne, [kees, reader], "Na de poging van de lezer.");

      for (const participant of [sanne, kees])
        expect(documentView(participant.doc)).not.toContain("STIEKEM");
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged + 1);
      expect(reader.storedClock()).toBe(0);
      // Reading along goes on after the refusal.
      sectionNotes(kees.doc).insert(0, "Nog een notitie. ");
      await until(
        () => sectionNotes(reader.doc).toString().includes("Nog een notitie. "),
        "the reader to keep receiving edits",
      );

      // Reconnecting sends the refused edit again; it is refused again and reaches nobody.
      const refusedAgain = reader.denied.length;
      reader.provider.disconnect();
      reader.provider.connect();
      await reader.synced();
      // The read-only notice on connecting, then the refusal of the resent edit.
      await until(() => reader.denied.length >= refusedAgain + 2, "the resent write to be refused");
      await settle(kees, [sanne, reader], "Na het opnieuw verbinden.");
      expect(documentView(sanne.doc)).not.toContain("STIEKEM");
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged + 3);
    },
  );

  it("refuses a staff member who is not responsible for the student (FORBIDDEN)", async () => {
    const { conversation } = await conversationInProgress();
    const joost = await loginAs(suite.server, suite.school.staff.joost);
    await expect(collabTicket(suite.server.url, conversation.id, joost)).rejects.toThrow(
      /FORBIDDEN/,
    );
  });

  describe("the begeleider's private notes", () => {
    it("open for the begeleider, by login and by invite, and stay out of the shared document", async () => {
      const { conversation, tokens, sanne } = await conversationInProgress();
      const room = privateRoom(conversation.id);
      const byLogin = suite.connect(room, await loginAs(suite.server, suite.school.staff.marieke), {
        acks: true,
      });
      const byInvite = suite.connect(room, tokens.bpv_begeleider);
      await Promise.all([byLogin.synced(), byInvite.synced()]);
      const general = (c: CollabClient) => notesOf(c.doc).get(GENERAL_NOTES_KEY) as Y.Text;
      expect(general(byLogin).toString()).toBe("");

      typeInto(general(byLogin), 0, "Sanne twijfelt over de opleiding.");
      await byLogin.allStored("the private note to be stored");
      await until(
        () => general(byInvite).toString() === "Sanne twijfelt over de opleiding.",
        "the note on the begeleider's other device",
      );
      expect(byLogin.denied).toEqual([]);
      expect(await loggedUpdates(suite.server, room)).toBeGreaterThan(1);
      expect(JSON.stringify(notesOf(sanne.doc).toJSON())).not.toContain("twijfelt");
    });

    it("give no ticket to anyone else (FORBIDDEN)", async () => {
      const { conversation, tokens } = await conversationInProgress();
      const room = privateRoom(conversation.id);
      const others = {
        student: tokens.student,
        praktijkopleider: tokens.praktijkopleider,
        trajectbegeleider: await loginAs(suite.server, suite.school.staff.ahmed),
        admin: await loginAs(suite.server, suite.school.staff.fleur),
        otherBegeleider: await loginAs(suite.server, suite.school.staff.joost),
      };
      for (const [who, token] of Object.entries(others)) {
        const refused = await collabTicket(suite.server.url, room, token).catch(
          (error: TicketRefused) => error.error?.extensions?.code,
        );
        expect({ who, refused }).toEqual({ who, refused: "FORBIDDEN" });
      }
    });
  });

  describe("a signed conversation", () => {
    async function sign(conversation: TestConversation) {
      await suite.server.services.dataSource.manager.update(
        Conversation,
        { id: conversation.id },
        { status: "signed", signedAt: suite.server.clock.now() },
      );
      // What signing does: the record is locked for connections open at that moment too.
      suite.server.services.events.publish("conversationLocked", conversation.id);
    }

    it("opens read-only for the begeleider and writes nothing more", async () => {
      const { conversation, sanne } = await conversationInProgress();
      const written = documentView(sanne.doc);
      suite.destroyClients();
      await sign(conversation);

      const marieke = suite.connect(
        conversation.id,
        await loginAs(suite.server, suite.school.staff.marieke),
        {
          acks: true,
        },
      );
      const ahmed = suite.connect(
        conversation.id,
        await loginAs(suite.server, suite.school.staff.ahmed),
      );
      await Promise.all([marieke.synced(), ahmed.synced()]);
      expect(documentView(marieke.doc)).toBe(written);
      await until(() => marieke.denied.length > 0, "the locked notice");
      expect(marieke.denied[0]).toMatch(/signed/i);

      const logged = await loggedUpdates(suite.server, conversation.id);
      const refusedBefore = marieke.denied.length;
      tryToWrite(marieke.doc, "NA-ONDERTEKENING");
      await until(() => marieke.denied.length > refusedBefore, "the write to be refused");
      // Give the refused updates every chance to travel, then look.
      ahmed.provider.disconnect();
      ahmed.provider.connect();
      await ahmed.synced();
      expect(documentView(ahmed.doc)).toBe(written);
      expect(marieke.storedClock()).toBe(0);
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged);
    });

    it("opens read-only for the participants' invite tokens: they keep the record, not the pen", async () => {
      const { conversation, tokens, sanne } = await conversationInProgress();
      const written = documentView(sanne.doc);
      suite.destroyClients();
      await sign(conversation);
      const logged = await loggedUpdates(suite.server, conversation.id);
      for (const token of Object.values(tokens)) {
        const reader = suite.connect(conversation.id, token, { acks: true });
        await reader.synced();
        expect(documentView(reader.doc)).toBe(written);
        await until(() => reader.denied.length > 0, "the locked notice");
        tryToWrite(reader.doc, "NA-ONDERTEKENING");
        await until(() => reader.denied.length > 1, "the write to be refused");
        expect(reader.storedClock()).toBe(0);
      }
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged);
    });

    it("refuses writes on connections that were open when it was signed", async () => {
      const { conversation, sanne, kees } = await conversationInProgress();
      await sign(conversation);
      const logged = await loggedUpdates(suite.server, conversation.id);
      typeInto(sectionNotes(sanne.doc), 0, "NA-ONDERTEKENING");
      await until(() => sanne.denied.length > 0 || sanne.closes.length > 0, "the refusal");
      expect(documentView(kees.doc)).not.toContain("NA-ONDERTEKENING");
      expect(await loggedUpdates(suite.server, conversation.id)).toBe(logged);
    });
  });
});
