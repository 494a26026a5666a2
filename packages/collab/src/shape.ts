import { LIMITS } from "@driehoek/domain";
import * as Y from "yjs";
import { DOC } from "./document.js";
import {
  AGREEMENT_FIELDS,
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

/** The summary's length in characters (a paragraph counts one), within its limit. */
function checkSummary(doc: Y.Doc, isGrown: boolean): void {
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
