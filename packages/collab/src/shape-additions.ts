import { LIMITS } from "@driehoek/domain";
import * as Y from "yjs";
import { AGREEMENT_TEXT_FIELDS } from "./agreements.js";
import { DOC } from "./document.js";
import { type DecodedUpdate, summaryLengthWithin } from "./shape.js";
import {
  AGREEMENT_FIELDS,
  type AnyType,
  type DocKind,
  MAX_AGREEMENTS,
  MAX_KEY_CHARS,
  textLimit,
} from "./shape-items.js";

/**
 * The shape check's second common case, after typing (shape.ts, isPlainTyping): a paragraph
 * added to the summary, or an agreement added to the list, decided on the update as decoded,
 * without applying it anywhere. Only the exact forms the clients make are recognised; anything
 * else is left to the full check (false means only "cannot tell here").
 */

const sameId = (a: Y.ID | null, b: Y.ID) =>
  a !== null && a.client === b.client && a.clock === b.clock;

/**
 * The top-level type `item` lands in directly (it is a child of that root, not of something in
 * it), when `doc` already has its neighbour or the root; else null.
 */
function rootOf(doc: Y.Doc, item: Y.Item): AnyType | null {
  const neighbour = item.origin ?? item.rightOrigin;
  if (neighbour) {
    if (neighbour.clock >= Y.getState(doc.store, neighbour.client)) return null;
    const next = Y.getItem(doc.store, neighbour);
    if (!(next instanceof Y.Item) || next.parentSub !== null) return null;
    const parent = next.parent;
    return parent instanceof Y.AbstractType && parent._item === null ? parent : null;
  }
  return typeof item.parent === "string" ? (doc.share.get(item.parent) ?? null) : null;
}

/**
 * A new paragraph as Enter makes it: an element at the summary's top level and, in it, at most
 * one empty text; the summary stays within its limit with `inFlight` characters on their way.
 */
function isNewParagraph(doc: Y.Doc, items: Y.Item[], inFlight: number): boolean {
  const [element, text, ...rest] = items as [Y.Item, Y.Item | undefined, ...Y.Item[]];
  if (rest.length > 0) return false;
  const type = (element.content as Y.ContentType).type;
  if (!(type instanceof Y.XmlElement) || type.nodeName.length > MAX_KEY_CHARS) return false;
  if (text) {
    if (!(text.content instanceof Y.ContentType) || !(text.content.type instanceof Y.XmlText))
      return false;
    if (!(text.parent instanceof Y.ID) || !sameId(text.parent, element.id)) return false;
    if (text.origin || text.rightOrigin || text.parentSub !== null) return false;
  }
  const room = LIMITS.summary - items.length - inFlight;
  const length = summaryLengthWithin(doc, room);
  return length !== null && length <= room;
}

/**
 * A new agreement as addAgreement makes it: a map of known fields, each set once with a value
 * its rule allows, its texts empty or with one run of characters within their limit; an id no
 * other agreement has, and room in the list.
 */
function isNewAgreement(doc: Y.Doc, items: Y.Item[]): boolean {
  const [map, ...fields] = items as [Y.Item, ...Y.Item[]];
  if (!((map.content as Y.ContentType).type instanceof Y.Map)) return false;
  const keys = new Map<string, Y.Item>();
  /** The agreement's texts by their item's clock, and whether each has its characters yet. */
  const texts = new Map<number, { key: string; isFilled: boolean }>();
  let id: unknown;
  for (const item of fields) {
    if (item.origin || item.rightOrigin || !(item.parent instanceof Y.ID)) return false;
    const content = item.content;
    if (sameId(item.parent, map.id)) {
      const key = item.parentSub;
      if (key === null || keys.has(key)) return false;
      keys.set(key, item);
      if ((AGREEMENT_TEXT_FIELDS as readonly string[]).includes(key)) {
        if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Text)) return false;
        if (content.type instanceof Y.XmlText) return false;
        texts.set(item.id.clock, { key, isFilled: false });
        continue;
      }
      const rule = AGREEMENT_FIELDS[key];
      if (!rule || !(content instanceof Y.ContentAny) || content.arr.length !== 1) return false;
      const value = content.arr[0];
      if (!rule(value)) return false;
      if (key === "id") id = value;
      continue;
    }
    // A text's first characters, given when the agreement was made.
    const text = item.parent.client === map.id.client ? texts.get(item.parent.clock) : undefined;
    if (!text || text.isFilled || item.parentSub !== null) return false;
    if (!(content instanceof Y.ContentString)) return false;
    const limit = textLimit(DOC.agreements, [null, text.key]);
    if (!limit || content.str.length > LIMITS[limit]) return false;
    text.isFilled = true;
  }
  if (!AGREEMENT_FIELDS.id?.(id)) return false;
  const list = doc.getArray<unknown>(DOC.agreements);
  if (list.length + 1 > MAX_AGREEMENTS) return false;
  let isUnique = true;
  list.forEach((agreement) => {
    if (agreement instanceof Y.Map && agreement.get("id") === id) isUnique = false;
  });
  return isUnique;
}

/** `doc` has already deleted everything in `deletes` (per client, ranges of clocks). */
export function hasDeleted(
  doc: Y.Doc,
  deletes: Map<number, { clock: number; len: number }[]>,
): boolean {
  for (const [client, ranges] of deletes) {
    const structs = doc.store.clients.get(client);
    if (!structs) return false;
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > state) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return false;
      }
    }
  }
  return true;
}

/**
 * Whether `update` only adds one paragraph to the summary or one agreement to the list, in the
 * form the clients make them, and deletes nothing `doc` still has: then checkTransaction would
 * let it through.
 * `inFlight`: characters admitted but not in `doc` yet. The caller makes sure no other
 * addition is on its way to `doc` (an agreement's id is compared with those `doc` holds).
 */
export function isPlainAddition(
  doc: Y.Doc,
  update: DecodedUpdate,
  kind: DocKind,
  inFlight: number,
): boolean {
  if (kind !== "conversation") return false;
  const store = doc.store;
  // Deletions the document already has may come along: a client's whole delete set does.
  if (store.pendingStructs || store.pendingDs || !hasDeleted(doc, update.ds.clients)) return false;
  const items: Y.Item[] = [];
  let next = -1;
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) return false;
    const { client, clock } = struct.id;
    // One client, without a gap, starting where the document's copy of it ends.
    if (items.length === 0) next = Y.getState(store, client);
    else if (client !== (items[0] as Y.Item).id.client) return false;
    if (clock !== next) return false;
    next = clock + struct.length;
    items.push(struct);
  }
  const first = items[0];
  if (!first || first.parentSub !== null || !(first.content instanceof Y.ContentType)) return false;
  const root = rootOf(doc, first);
  if (root === null) return false;
  if (root === doc.share.get(DOC.summary)) return isNewParagraph(doc, items, inFlight);
  if (root === doc.share.get(DOC.agreements)) return isNewAgreement(doc, items);
  return false;
}
