import { GOALS_SECTION_KEY, SECTION_KEYS } from "@driehoek/domain";
import * as Y from "yjs";

/**
 * The shape of a conversation's shared document. Every name lives here, so the server, the
 * web client and the tests cannot disagree about it.
 *
 * - `summary`     Y.XmlFragment — the student's summary, as Tiptap's Collaboration extension edits it
 * - `agreements`  Y.Array<Y.Map> — new SMART agreements (see agreements.ts)
 * - `review`      Y.Map<Y.Map>  — per previous agreement: status and what is needed (see review.ts)
 * - `notes`       Y.Map<Y.Text> — shared notes per guide section, and the praktijkopleider's
 *                 goals for the conversation (`PRAKTIJKOPLEIDER_GOALS_KEY`)
 * - `meta`        Y.Map — the document's schema version
 *
 * The supervisor's private document has only `notes` (per section, plus `general`).
 */
export const DOC = {
  summary: "summary",
  agreements: "agreements",
  review: "review",
  notes: "notes",
  meta: "meta",
} as const;

/** Bumped when the shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** The key of the private document's notes that belong to no section. */
export const GENERAL_NOTES_KEY = "general";

/**
 * The notes key of the praktijkopleider's goals for the conversation ("Welke gespreksdoelen heeft
 * u?"), written while preparing and beside the student's (the notes of section `gespreksdoel`).
 */
export const PRAKTIJKOPLEIDER_GOALS_KEY = "gespreksdoel-praktijkopleider";

/**
 * The shared notes kept in the conversation's record, in the record's order: every section's
 * notes, with the praktijkopleider's goals right after the student's (section `gespreksdoel`).
 */
export const RECORD_NOTE_KEYS: readonly string[] = SECTION_KEYS.flatMap((key) =>
  key === GOALS_SECTION_KEY ? [key, PRAKTIJKOPLEIDER_GOALS_KEY] : [key],
);

/** The student's summary (rich text). */
export const summaryOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(DOC.summary);
/** The new agreements, in order. */
export const agreementsOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray(DOC.agreements);
/** The review of the previous conversation's agreements, by agreement id. */
export const reviewOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(DOC.review);
/** Notes per section key. */
export const notesOf = (doc: Y.Doc): Y.Map<Y.Text> => doc.getMap(DOC.notes);
/** Document metadata. */
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC.meta);

/** The notes of one section (created by the server's seed, so never created twice). */
export function sectionNotes(doc: Y.Doc, sectionKey: string): Y.Text | undefined {
  return notesOf(doc).get(sectionKey);
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

function inlineText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return deltaText(child);
      if (child instanceof Y.XmlElement) {
        return child.nodeName === "hardBreak" ? "\n" : inlineText(child);
      }
      return "";
    })
    .join("");
}

const isBlockContainer = (element: Y.XmlElement) =>
  element.toArray().some((c) => c instanceof Y.XmlElement && c.nodeName !== "hardBreak");

/** Plain text of a rich-text fragment: one line per paragraph (list items too), marks dropped. */
export function plainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) lines.push(deltaText(child));
      else if (child instanceof Y.XmlElement) {
        if (isBlockContainer(child)) visit(child);
        else lines.push(inlineText(child));
      }
    }
  };
  visit(fragment);
  return lines.join("\n").trim();
}
