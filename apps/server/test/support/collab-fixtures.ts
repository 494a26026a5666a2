import { randomUUID } from "node:crypto";
import { notesOf, plainText, readAgreements, summaryOf } from "@driehoek/collab";
import type { ParticipantRole } from "@driehoek/domain";
import * as Y from "yjs";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { DAY } from "./clock.js";
import { joinAs, planConversation, type TestConversation } from "./factories.js";
import type { TestServer } from "./server.js";

/** What a participant sees of the document, as one comparable string. */
export function documentView(doc: Y.Doc): string {
  return JSON.stringify({
    summary: plainText(summaryOf(doc)),
    agreements: readAgreements(doc),
    // By key: a map's order of keys follows the order its entries arrived, which may differ.
    notes: Object.fromEntries(
      Object.entries(notesOf(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)),
    ),
  });
}

/** The number of entries in a document's update log (table collab_update). */
export async function loggedUpdates(server: TestServer, docName: string): Promise<number> {
  const row = await server.services.dataSource
    .createQueryBuilder()
    .select("COUNT(*)", "n")
    .from("collab_update", "u")
    .where("u.doc_name = :docName", { docName })
    .getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/** Appends a paragraph with `text` to a rich-text fragment, as Tiptap would: one update. */
export function appendParagraph(fragment: Y.XmlFragment, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  const append = () => {
    fragment.insert(fragment.length, [paragraph]);
    if (text) content.insert(0, text);
  };
  if (fragment.doc) fragment.doc.transact(append);
  else append();
  return content;
}

/** Types `text` one character per transaction (one update per keystroke), from `at`. */
export function typeInto(target: Y.Text, at: number, text: string): void {
  let position = at;
  for (const character of text) {
    target.insert(position, character);
    position += character.length;
  }
}

/** A fresh id for an agreement, as the web client makes it. */
export const newId = (): string => randomUUID();

/** The three participants' access tokens, each from their own invite link. */
export async function participantTokens(
  server: TestServer,
  conversation: TestConversation,
): Promise<Record<ParticipantRole, string>> {
  return {
    student: await joinAs(server, conversation.invites.student),
    praktijkopleider: await joinAs(server, conversation.invites.praktijkopleider),
    bpv_begeleider: await joinAs(server, conversation.invites.bpv_begeleider),
  };
}

/**
 * A conversation of the placement held a month ago (ended) with these agreements: the ones the
 * placement's next conversation reviews. Returns the agreements' ids in order.
 */
export async function heldConversationWithAgreements(
  server: TestServer,
  placementId: string,
  texts: readonly string[],
  daysAgo = 30,
): Promise<{ conversationId: string; agreementIds: string[] }> {
  const services = server.services;
  const held = await planConversation(
    services,
    placementId,
    new Date(services.now().getTime() - daysAgo * DAY),
  );
  const manager = services.dataSource.manager;
  await manager.update(Conversation, { id: held.id }, { status: "ended" });
  const agreementIds = texts.map(() => randomUUID());
  for (const [position, text] of texts.entries()) {
    await manager.insert(Agreement, {
      id: agreementIds[position] as string,
      conversationId: held.id,
      reviewedInId: null,
      position,
      text,
      owner: "student",
      dueDate: null,
      measure: "",
      firstStep: "",
      werkprocesId: null,
      status: "open",
      reviewNote: null,
      createdAt: services.now(),
      updatedAt: services.now(),
    });
  }
  return { conversationId: held.id, agreementIds };
}
