import { LIMITS } from "@driehoek/domain";
import * as Y from "yjs";
import { DOC } from "./document.js";
import {
  AGREEMENT_FIELDS,
  type AnyType,
  checkAddedItem,
  checkTextLength,
  type DocKind,
  MAX_AGREEMENTS,
  MAX_SUMMARY_DEPTH,
  pathOf,
  placeOf,
  ROOTS,
  ShapeViolation,
  type Touched,
  textLimit,
} from "./shape-items.js";

/**
 * The shape of the shared documents as a check: what a change may put where. The server runs
 * it on every incoming update (after applying it to a scratch copy), so no participant can
 * write something the projection, the other clients or the tables cannot read. It looks only at
 * what the update touched: the items it added and the types whose content it changed.
 */

export {
  type DocKind,
  MAX_AGREEMENTS,
  MAX_KEY_CHARS,
  MAX_PLAIN_VALUE_CHARS,
  MAX_SUMMARY_DEPTH,
  ShapeViolation,
} from "./shape-items.js";

/** Defines the known top-level types on `doc` with their Yjs types (before any content). */
export function defineShape(doc: Y.Doc, kind: DocKind): void {
  if (kind === "conversation") {
    doc.getXmlFragment(DOC.summary);
    doc.getArray(DOC.agreements);
    doc.getMap(DOC.review);
  }
  doc.getMap(DOC.notes);
  doc.getMap(DOC.meta);
}

/**
 * The agreements a transaction added or re-identified each have an id no other agreement has.
 * Agreements it did not touch are left alone (old data is the projection's to skip).
 */
function checkAgreements(doc: Y.Doc, touched: ReadonlySet<Y.Map<unknown>>): void {
  const list = doc.getArray<unknown>(DOC.agreements);
  const uses = new Map<unknown, number>();
  let added = 0;
  list.forEach((agreement) => {
    if (!(agreement instanceof Y.Map)) return;
    const id = agreement.get("id");
    uses.set(id, (uses.get(id) ?? 0) + 1);
    if (touched.has(agreement)) added += 1;
  });
  if (added > 0 && list.length > MAX_AGREEMENTS)
    throw new ShapeViolation(DOC.agreements, `more than ${MAX_AGREEMENTS} agreements`);
  for (const agreement of touched) {
    if (agreement._item?.deleted) continue;
    const id = agreement.get("id");
    const path = `${DOC.agreements}.${String(id).slice(0, 64)}`;
    if (!AGREEMENT_FIELDS.id?.(id)) throw new ShapeViolation(path, "an agreement needs an id");
    if ((uses.get(id) ?? 0) > 1) throw new ShapeViolation(path, `the id ${id} is used twice`);
  }
}

/** The summary's length in characters (a paragraph counts one); throws when nested too deeply. */
function summaryLength(doc: Y.Doc): number {
  let length = 0;
  const visit = (node: Y.XmlFragment | Y.XmlElement, depth: number) => {
    if (depth > MAX_SUMMARY_DEPTH) throw new ShapeViolation(DOC.summary, "nested too deeply");
    let child = node._start;
    while (child) {
      if (!child.deleted && child.content instanceof Y.ContentType) {
        const type = child.content.type;
        length += 1;
        if (type instanceof Y.XmlText) length += type.length;
        else if (type instanceof Y.XmlElement) visit(type, depth + 1);
      }
      child = child.right;
    }
  };
  visit(doc.getXmlFragment(DOC.summary), 0);
  return length;
}

/** The summary's length when it was last counted, and the clocks its document held then. */
const counted = new WeakMap<Y.Doc, { length: number; clocks: number }>();

/** Every clock `doc` holds, of all its clients together. */
function clocksOf(doc: Y.Doc): number {
  let clocks = 0;
  for (const structs of doc.store.clients.values()) {
    const last = structs[structs.length - 1];
    if (last) clocks += last.id.clock + last.length;
  }
  return clocks;
}

/**
 * The summary's length, or a bound above it when that bound is at most `enough`: the length
 * when last counted plus every clock written since (a character, a paragraph or a text takes
 * one clock and adds at most one to the length; deleting takes none and adds nothing). So a
 * keystroke does not walk the whole summary. Null when it is nested too deeply.
 */
export function summaryLengthWithin(doc: Y.Doc, enough: number): number | null {
  const clocks = clocksOf(doc);
  const last = counted.get(doc);
  const bound = last ? last.length + (clocks - last.clocks) : Number.POSITIVE_INFINITY;
  if (bound <= enough) return bound;
  try {
    const length = summaryLength(doc);
    counted.set(doc, { length, clocks });
    return length;
  } catch {
    return null;
  }
}

/** The summary's length within its limit (when it grew) and its nesting within bounds. */
function checkSummary(doc: Y.Doc, isGrown: boolean): void {
  const length = summaryLength(doc);
  if (isGrown && length > LIMITS.summary)
    throw new ShapeViolation(DOC.summary, `longer than ${LIMITS.summary} characters`);
}

/**
 * Checks what transaction `tr` (which applied an incoming update to `doc`) added and changed.
 * Throws a ShapeViolation when the document would no longer have its shape.
 */
export function checkTransaction(doc: Y.Doc, tr: Y.Transaction, kind: DocKind): void {
  const touched: Touched = { agreements: new Set(), texts: new Set(), isSummaryGrown: false };
  // Every item the transaction integrated (also earlier updates' items it unblocked).
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item) checkAddedItem(struct, kind, touched);
    }
  }
  let isSummaryChanged = false;
  for (const [type, keys] of tr.changed) {
    const place = placeOf(type);
    if (place.isDeleted) continue;
    if (!ROOTS[kind].includes(place.root))
      throw new ShapeViolation(place.root, "is not a part of this document");
    if (place.root === DOC.summary) isSummaryChanged = true;
    if (place.root === DOC.agreements && place.keys.length === 1 && keys.has("id"))
      touched.agreements.add(type as unknown as Y.Map<unknown>);
    if ((place.root === DOC.review || place.root === DOC.notes) && place.keys.length === 0) {
      for (const key of keys) {
        if (key === null) throw new ShapeViolation(place.root, "must be a map");
        if ((type as unknown as Y.Map<unknown>).get(key) === undefined)
          throw new ShapeViolation(pathOf(place, key), "cannot be removed");
      }
    }
    if (type instanceof Y.Text && touched.texts.has(type))
      checkTextLength(type, place.root, place.keys, pathOf(place));
  }
  if (isSummaryChanged) checkSummary(doc, touched.isSummaryGrown);
  if (touched.agreements.size > 0) checkAgreements(doc, touched.agreements);
}

/** An update as `Y.decodeUpdate` reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Characters already admitted as typing that have not reached the document yet (they are being
 * stored), and where they landed. A keystroke typed right after another builds on it: with
 * these, the quick look still knows where it lands.
 */
export interface PendingTyping {
  /**
   * Where `client`'s pending characters end when they go on from the document's own `state`
   * without a gap; `state` when none do.
   */
  endOf(client: number, state: number): number;
  /** The text the pending character at `clock` of `client` landed in; null when none is. */
  textAt(client: number, clock: number): Y.Text | null;
  /**
   * The texts the pending characters `from` up to `to` of `client` landed in; null unless every
   * one of them is pending.
   */
  textsIn(client: number, from: number, to: number): Y.Text[] | null;
}

/** The type an incoming (not yet integrated) item will land in, when `doc` already has it. */
function landingOf(doc: Y.Doc, item: Y.Item, pending: PendingTyping | null): AnyType | null {
  const store = doc.store;
  const has = (id: Y.ID) => id.clock < Y.getState(store, id.client);
  // Yjs leaves the parent out of an item next to another one: it is that neighbour's.
  const neighbour = item.origin ?? item.rightOrigin;
  if (neighbour) {
    if (!has(neighbour)) return pending?.textAt(neighbour.client, neighbour.clock) ?? null;
    const next = Y.getItem(store, neighbour);
    return next instanceof Y.Item && next.parent instanceof Y.AbstractType ? next.parent : null;
  }
  if (!(item.parent instanceof Y.ID) || !has(item.parent)) return null;
  const parent = Y.getItem(store, item.parent);
  return parent instanceof Y.Item && parent.content instanceof Y.ContentType
    ? parent.content.type
    : null;
}

/**
 * Adds to `texts` (with nothing typed) the text of every struct `doc` has in `ranges` of
 * `client`; false when one of them is not a character of a text.
 */
function textsDeletedFrom(
  doc: Y.Doc,
  client: number,
  ranges: { clock: number; len: number }[],
  texts: Map<Y.Text, number>,
  pending: PendingTyping | null,
): boolean {
  const structs = doc.store.clients.get(client);
  const state = Y.getState(doc.store, client);
  for (const { clock, len } of ranges) {
    if (clock + len > state) {
      // Characters deleted as soon as typed: each must be a pending one, in a known text.
      const deleted = pending?.textsIn(client, Math.max(clock, state), clock + len);
      if (!deleted) return false;
      for (const text of deleted) if (!texts.has(text)) texts.set(text, 0);
      if (clock >= state) continue;
    }
    if (!structs) return false;
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= clock + len) break;
      if (struct instanceof Y.GC) continue;
      if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.Text)) return false;
      if (struct.parentSub !== null || struct.content instanceof Y.ContentType) return false;
      if (!texts.has(struct.parent)) texts.set(struct.parent, 0);
    }
  }
  return true;
}

/**
 * The shape check's common case, decided without applying anything: `update` only types
 * characters into texts `doc` already has, or deletes characters from them, and every text it
 * types into stays within its limit even with `inFlight` more characters (admitted updates
 * that have not reached `doc` yet). True means checkTransaction would let it through; false
 * means only that this quick look cannot tell, and the full check decides.
 *
 * With `pending`, characters admitted as typing but not in `doc` yet count as there, in the
 * texts they landed in: a keystroke may build on (or delete) one still being stored. When it
 * says true, `landed` (if given) holds the text each of the update's structs lands in.
 */
export function isPlainTyping(
  doc: Y.Doc,
  update: DecodedUpdate,
  kind: DocKind,
  inFlight: number,
  pending: PendingTyping | null = null,
  landed: Y.Text[] | null = null,
): boolean {
  const store = doc.store;
  if (store.pendingStructs || store.pendingDs) return false;
  const typed = new Map<Y.Text, number>();
  const next = new Map<number, number>();
  if (landed) landed.length = 0;
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return false;
    if (struct.parentSub !== null) return false;
    // Without a gap: an item beyond one waits in Yjs, outside any check.
    const { client, clock } = struct.id;
    const state = Y.getState(store, client);
    if (clock > (next.get(client) ?? pending?.endOf(client, state) ?? state)) return false;
    next.set(client, clock + struct.length);
    const text = landingOf(doc, struct, pending);
    if (!(text instanceof Y.Text)) return false;
    typed.set(text, (typed.get(text) ?? 0) + struct.length);
    landed?.push(text);
  }
  for (const [client, ranges] of update.ds.clients)
    if (!textsDeletedFrom(doc, client, ranges, typed, pending)) return false;
  let isSummaryChanged = false;
  let summaryTyped = 0;
  for (const [text, added] of typed) {
    const place = placeOf(text);
    if (place.isDeleted) continue;
    if (!ROOTS[kind].includes(place.root)) return false;
    if (place.root === DOC.summary) {
      if (!(text instanceof Y.XmlText) || place.keys.length >= MAX_SUMMARY_DEPTH) return false;
      isSummaryChanged = true;
      summaryTyped += added;
      continue;
    }
    const limit = textLimit(place.root, place.keys);
    if (added > 0 && (!limit || text.length + added + inFlight > LIMITS[limit])) return false;
  }
  if (!isSummaryChanged) return true;
  const room = LIMITS.summary - summaryTyped - inFlight;
  const length = summaryLengthWithin(doc, room);
  return length !== null && (summaryTyped === 0 || length <= room);
}
