import { LIMITS, type LimitKey, SECTION_KEYS } from "@driehoek/domain";
import * as Y from "yjs";
import { AGREEMENT_TEXT_FIELDS } from "./agreements.js";
import { DOC, GENERAL_NOTES_KEY, RECORD_NOTE_KEYS } from "./document.js";

/**
 * The shape check's first half (shape.ts is the other): where a type sits, what may be written
 * there, and the check of each item an incoming update adds, by where it lands.
 */

/** Which document: a conversation's shared one, or the supervisor's private notes. */
export type DocKind = "conversation" | "private";

/** Longest JSON of one plain value in the document (a field, an attribute, a format). */
export const MAX_PLAIN_VALUE_CHARS = 4_096;
/** Longest map key (review entries are keyed by agreement id). */
export const MAX_KEY_CHARS = LIMITS.id;
/** Most agreements one conversation's document holds. */
export const MAX_AGREEMENTS = 100;
/** Deepest nesting of the summary's rich text (lists in lists). */
export const MAX_SUMMARY_DEPTH = 32;

/** Why a change breaks the document's shape; `path` names the place. */
export class ShapeViolation extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const TEXT_LIMIT: Record<string, LimitKey> = {
  text: "agreementText",
  measure: "agreementMeasure",
  firstStep: "agreementFirstStep",
};
const REVIEW_KEY = /^[A-Za-z0-9-]{1,64}$/;
export const ROOTS: Record<DocKind, readonly string[]> = {
  conversation: [DOC.summary, DOC.agreements, DOC.review, DOC.notes, DOC.meta],
  private: [DOC.notes, DOC.meta],
};
export const NOTE_KEYS: Record<DocKind, ReadonlySet<string>> = {
  conversation: new Set(RECORD_NOTE_KEYS),
  private: new Set([GENERAL_NOTES_KEY, ...SECTION_KEYS]),
};

/** Any Yjs type (their event types differ; only the tree is read here). */
// biome-ignore lint/suspicious/noExplicitAny: the event type parameter is irrelevant here
export type AnyType = Y.AbstractType<any>;

/** Where a type sits: the top-level name, then the keys (or null for a list position) below it. */
export interface Place {
  root: string;
  /** Keys from the top-level type down to this type; null where it sits in a list. */
  keys: (string | null)[];
  isDeleted: boolean;
}

export function placeOf(type: AnyType): Place {
  const keys: (string | null)[] = [];
  let isDeleted = false;
  let current: AnyType = type;
  while (current._item) {
    const item: Y.Item = current._item;
    if (item.deleted) isDeleted = true;
    keys.unshift(item.parentSub);
    current = item.parent as AnyType;
  }
  let root = "?";
  for (const [name, shared] of current.doc?.share ?? []) if (shared === current) root = name;
  return { root, keys, isDeleted };
}

export const pathOf = (place: Place, key?: string | null) =>
  [place.root, ...place.keys, ...(key === undefined ? [] : [key])]
    .map((k) => (k === null ? "[]" : k))
    .join(".");

function plainValue(value: unknown, path: string): void {
  const json = JSON.stringify(value) ?? "";
  if (json.length > MAX_PLAIN_VALUE_CHARS)
    throw new ShapeViolation(path, `value longer than ${MAX_PLAIN_VALUE_CHARS} characters`);
}

const isString = (v: unknown): v is string => typeof v === "string";
const isNullOr = (v: unknown, check: (v: unknown) => boolean) => v === null || check(v);

/** A string of at most `max` characters (what it means is the projection's to check). */
const shortString = (max: number) => (v: unknown) => isString(v) && v.length <= max;
/** A plain field of an agreement: its rule. Values are typed; the projection cleans them. */
export const AGREEMENT_FIELDS: Record<string, (v: unknown) => boolean> = {
  id: (v) => isString(v) && v.length > 0 && v.length <= LIMITS.id,
  owner: (v) => isNullOr(v, shortString(40)),
  dueDate: (v) => isNullOr(v, shortString(32)),
  werkproces: (v) => isNullOr(v, shortString(LIMITS.werkprocesCode)),
  status: shortString(20),
};
/** A plain field of a review entry: its rule. */
const REVIEW_FIELDS: Record<string, (v: unknown) => boolean> = {
  text: shortString(LIMITS.agreementText),
  status: shortString(20),
  position: (v) => typeof v === "number" && Number.isFinite(v),
};

/** The value `item` carries in a map (the last of a ContentAny), or its type. */
function carriedBy(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentType) return content.type;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  return content;
}

/** Checks one map field's value against its rule (a plain value or a Y.Text). */
function checkField(
  value: unknown,
  key: string,
  plain: Record<string, (v: unknown) => boolean>,
  texts: readonly string[],
  path: string,
): void {
  if (texts.includes(key)) {
    if (!(value instanceof Y.Text)) throw new ShapeViolation(path, "must be a text");
  } else if (plain[key]) {
    if (!plain[key](value)) throw new ShapeViolation(path, "has a value that is not allowed");
  } else throw new ShapeViolation(path, "is not a known field");
}

/** What one transaction grew, so old data already over a limit can still be made smaller. */
export interface Touched {
  /** Agreements added, or whose id was set or removed. */
  agreements: Set<Y.Map<unknown>>;
  /** Texts that received characters. */
  texts: Set<Y.Text>;
  /** The summary received content. */
  isSummaryGrown: boolean;
}

/**
 * Checks one item an update added, by where it landed. Content kinds nobody writes (binary,
 * embedded objects, sub-documents, hooks) are refused everywhere.
 */
export function checkAddedItem(item: Y.Item, kind: DocKind, touched: Touched): void {
  if (item.deleted) return;
  const content = item.content;
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return;
  const place = placeOf(parent);
  if (place.isDeleted) return;
  const key = item.parentSub;
  const path = pathOf(place, key);
  if (!ROOTS[kind].includes(place.root))
    throw new ShapeViolation(place.root, "is not a part of this document");
  if (key !== null && key.length > MAX_KEY_CHARS)
    throw new ShapeViolation(path.slice(0, 80), "key too long");
  if (
    content instanceof Y.ContentBinary ||
    content instanceof Y.ContentEmbed ||
    content instanceof Y.ContentDoc ||
    content instanceof Y.ContentJSON
  )
    throw new ShapeViolation(path, "content of a kind nobody writes");
  if (content instanceof Y.ContentAny) plainValue(content.arr, path);
  if (content instanceof Y.ContentFormat) {
    if (content.key.length > MAX_KEY_CHARS) throw new ShapeViolation(path, "format name too long");
    plainValue(content.value, path);
  }
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlHook)
    throw new ShapeViolation(path, "content of a kind nobody writes");
  const value = carriedBy(item);
  const depth = place.keys.length;
  // A text that arrives with its content: its length counts now (it is not "changed" yet).
  if (value instanceof Y.Text && place.root !== DOC.summary)
    checkTextLength(value, place.root, [...place.keys, key], path);
  const isText = (c: unknown) => c instanceof Y.ContentString || c instanceof Y.ContentFormat;
  if (parent instanceof Y.Text && place.root !== DOC.summary) touched.texts.add(parent);

  switch (place.root) {
    case DOC.summary: {
      touched.isSummaryGrown = true;
      if (depth >= MAX_SUMMARY_DEPTH) throw new ShapeViolation(place.root, "nested too deeply");
      if (parent instanceof Y.XmlText) {
        if (key !== null || !isText(content)) throw new ShapeViolation(path, "must be text");
      } else if (key !== null) {
        // An element's attribute (a plain value, checked above).
        if (!(parent instanceof Y.XmlElement) || !(content instanceof Y.ContentAny))
          throw new ShapeViolation(path, "is not an attribute");
      } else if (!(value instanceof Y.XmlElement || value instanceof Y.XmlText)) {
        throw new ShapeViolation(path, "must be a paragraph or text");
      } else if (value instanceof Y.XmlElement && value.nodeName.length > MAX_KEY_CHARS) {
        throw new ShapeViolation(path, "element name too long");
      }
      return;
    }
    case DOC.agreements:
      if (depth === 0) {
        if (key !== null || !(value instanceof Y.Map))
          throw new ShapeViolation(path, "an agreement must be a map");
        touched.agreements.add(value);
      } else if (depth === 1 && key !== null) {
        checkField(value, key, AGREEMENT_FIELDS, AGREEMENT_TEXT_FIELDS, path);
      } else if (depth === 2 && parent instanceof Y.Text) {
        if (key !== null || !isText(content)) throw new ShapeViolation(path, "must be text");
      } else throw new ShapeViolation(path, "is not a part of an agreement");
      return;
    case DOC.review:
      if (depth === 0) {
        if (key === null || !REVIEW_KEY.test(key) || !(value instanceof Y.Map))
          throw new ShapeViolation(path, "a review entry must be a map under an agreement id");
      } else if (depth === 1 && key !== null) {
        checkField(value, key, REVIEW_FIELDS, ["needed"], path);
      } else if (depth === 2 && parent instanceof Y.Text) {
        if (key !== null || !isText(content)) throw new ShapeViolation(path, "must be text");
      } else throw new ShapeViolation(path, "is not a part of a review entry");
      return;
    case DOC.notes:
      if (depth === 0) {
        if (key === null || !NOTE_KEYS[kind].has(key) || !(value instanceof Y.Text))
          throw new ShapeViolation(path, "notes are texts under a section's key");
      } else if (depth === 1 && parent instanceof Y.Text) {
        if (key !== null || !isText(content)) throw new ShapeViolation(path, "must be text");
      } else throw new ShapeViolation(path, "is not a part of the notes");
      return;
    case DOC.meta:
      if (depth !== 0 || key !== "schemaVersion" || typeof value !== "number")
        throw new ShapeViolation(path, "only the schema version is kept here");
      return;
  }
}

/** The limit of a Y.Text under `root` at `keys`, or null when texts do not belong there. */
export function textLimit(root: string, keys: readonly (string | null)[]): LimitKey | null {
  const [first, second] = keys;
  if (root === DOC.notes && keys.length === 1) return "sectionNote";
  if (root === DOC.agreements && keys.length === 2 && second) return TEXT_LIMIT[second] ?? null;
  if (root === DOC.review && keys.length === 2 && first && second === "needed")
    return "reviewNeeded";
  return null;
}

export function checkTextLength(text: Y.Text, root: string, keys: (string | null)[], path: string) {
  const limit = textLimit(root, keys);
  if (limit && text.length > LIMITS[limit])
    throw new ShapeViolation(path, `longer than ${LIMITS[limit]} characters`);
}
