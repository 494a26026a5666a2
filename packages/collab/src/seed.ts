import { GUIDE } from "@driehoek/domain";
import * as Y from "yjs";
import {
  GENERAL_NOTES_KEY,
  metaOf,
  notesOf,
  PRAKTIJKOPLEIDER_GOALS_KEY,
  reviewOf,
  SCHEMA_VERSION,
} from "./document.js";

/**
 * The Yjs client id under which the server writes a document's initial content. Because the
 * seed is made deterministically under this one id, applying it twice — after a restart, or by
 * two server processes at once — yields the very same items, which Yjs merges into one copy.
 */
export const SEED_CLIENT_ID = 1;

/**
 * The Yjs client id of the seed's first addition: the notes texts added to the shared document
 * after documents had been seeded (the praktijkopleider's goals). The first seed must stay the
 * same bytes for documents seeded long ago, so an addition is a seed of its own under its own id:
 * applied to a document that lacks it, old or new, and merged into one copy when applied twice.
 */
export const SEED_ADDITION_CLIENT_ID = 2;

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

/** Has the seed's addition (see `SEED_ADDITION_CLIENT_ID`) been put into this document? */
export function hasSeedAddition(doc: Y.Doc): boolean {
  return doc.store.clients.has(SEED_ADDITION_CLIENT_ID);
}

function buildSeed(fill: (doc: Y.Doc) => void, clientId = SEED_CLIENT_ID): Uint8Array {
  const seedDoc = new Y.Doc({ gc: false });
  seedDoc.clientID = clientId;
  seedDoc.transact(() => fill(seedDoc));
  const update = Y.encodeStateAsUpdate(seedDoc);
  seedDoc.destroy();
  return update;
}

/**
 * The notes texts added to the shared document after the first seed: the praktijkopleider's
 * goals. Always the same bytes; the server applies it to every shared document that lacks it.
 */
export function conversationSeedAddition(): Uint8Array {
  return buildSeed((doc) => {
    notesOf(doc).set(PRAKTIJKOPLEIDER_GOALS_KEY, new Y.Text());
  }, SEED_ADDITION_CLIENT_ID);
}

/**
 * The initial content of a conversation's shared document: one notes text per guide section,
 * one review entry per agreement to review, and the seed's addition. Same input, same bytes.
 */
export function conversationSeed(previousAgreements: readonly SeedAgreement[]): Uint8Array {
  return Y.mergeUpdates([firstConversationSeed(previousAgreements), conversationSeedAddition()]);
}

/**
 * The shared document's first seed, as documents were seeded before any addition: what an old
 * document holds. The server seeds with `conversationSeed`; this is for telling the two apart.
 */
export function firstConversationSeed(previousAgreements: readonly SeedAgreement[]): Uint8Array {
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
