import { GUIDE } from "@driehoek/domain";
import * as Y from "yjs";
import { GENERAL_NOTES_KEY, metaOf, notesOf, reviewOf, SCHEMA_VERSION } from "./document.js";

/**
 * The Yjs client id under which the server writes a document's initial content. Because the
 * seed is made deterministically under this one id, applying it twice — after a restart, or by
 * two server processes at once — yields the very same items, which Yjs merges into one copy.
 */
export const SEED_CLIENT_ID = 1;

/** An earlier agreement to put up for review, as it stands after its last review (if any). */
export interface SeedAgreement {
  id: string;
  text: string;
  status?: string;
  /** What its last review said is needed; the review starts from it. */
  needed?: string | null;
}

/** Has the server's initial content been put into this document? */
export function isSeeded(doc: Y.Doc): boolean {
  return doc.store.clients.has(SEED_CLIENT_ID);
}

function buildSeed(fill: (doc: Y.Doc) => void): Uint8Array {
  const seedDoc = new Y.Doc({ gc: false });
  seedDoc.clientID = SEED_CLIENT_ID;
  seedDoc.transact(() => fill(seedDoc));
  const update = Y.encodeStateAsUpdate(seedDoc);
  seedDoc.destroy();
  return update;
}

/**
 * The initial content of a conversation's shared document: one notes text per guide section,
 * and one review entry per agreement to review. Same input, same bytes.
 */
export function conversationSeed(previousAgreements: readonly SeedAgreement[]): Uint8Array {
  return buildSeed((doc) => {
    metaOf(doc).set("schemaVersion", SCHEMA_VERSION);
    const notes = notesOf(doc);
    for (const phase of GUIDE)
      for (const section of phase.sections) notes.set(section.key, new Y.Text());
    const review = reviewOf(doc);
    previousAgreements.forEach((agreement, position) => {
      const entry = new Y.Map<unknown>();
      entry.set("text", agreement.text);
      entry.set("status", agreement.status || "open");
      entry.set("needed", new Y.Text(agreement.needed ?? ""));
      entry.set("position", position);
      review.set(agreement.id, entry);
    });
  });
}

/** The initial content of the supervisor's private document: notes per section and general. */
export function privateNotesSeed(): Uint8Array {
  return buildSeed((doc) => {
    metaOf(doc).set("schemaVersion", SCHEMA_VERSION);
    const notes = notesOf(doc);
    notes.set(GENERAL_NOTES_KEY, new Y.Text());
    for (const phase of GUIDE)
      for (const section of phase.sections) notes.set(section.key, new Y.Text());
  });
}
