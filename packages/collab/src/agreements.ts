import type { AgreementDraft, AgreementStatus, ParticipantRole } from "@driehoek/domain";
import * as Y from "yjs";
import { agreementsOf } from "./document.js";

/** The fields of one agreement in the shared document. Texts are Y.Text so all three can type. */
export interface AgreementFields {
  id: string;
  text: string;
  owner: ParticipantRole | null;
  dueDate: string | null;
  measure: string;
  firstStep: string;
  /** Werkproces code, e.g. "B1-K1-W3". */
  werkproces: string | null;
  status: AgreementStatus;
}

/** The Y.Text fields of an agreement map. */
export const AGREEMENT_TEXT_FIELDS = ["text", "measure", "firstStep"] as const;

/** Appends a new agreement; its id must be unique (a UUID made by the client). */
export function addAgreement(
  doc: Y.Doc,
  fields: Partial<AgreementFields> & { id: string },
): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", fields.id);
    for (const key of AGREEMENT_TEXT_FIELDS) map.set(key, new Y.Text(fields[key] ?? ""));
    map.set("owner", fields.owner ?? null);
    map.set("dueDate", fields.dueDate ?? null);
    map.set("werkproces", fields.werkproces ?? null);
    map.set("status", fields.status ?? "open");
    agreementsOf(doc).push([map]);
  });
  return map;
}

function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "";
}

/** Reads one agreement map as plain data (what the database and the SMART check take). */
export function readAgreement(map: Y.Map<unknown>): AgreementFields {
  const str = (key: string) => {
    const v = map.get(key);
    return typeof v === "string" ? v : null;
  };
  return {
    id: str("id") ?? "",
    text: textOf(map, "text"),
    owner: str("owner") as ParticipantRole | null,
    dueDate: str("dueDate"),
    measure: textOf(map, "measure"),
    firstStep: textOf(map, "firstStep"),
    werkproces: str("werkproces"),
    status: (str("status") ?? "open") as AgreementStatus,
  };
}

/** Every agreement in order, as plain data; entries without an id are skipped. */
export function readAgreements(doc: Y.Doc): AgreementFields[] {
  return agreementsOf(doc)
    .toArray()
    .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
    .map(readAgreement)
    .filter((a) => a.id !== "");
}

/** The draft the domain's SMART check reads. */
export function toDraft(a: AgreementFields): AgreementDraft {
  return {
    text: a.text,
    owner: a.owner,
    dueDate: a.dueDate,
    measure: a.measure,
    firstStep: a.firstStep,
    werkproces: a.werkproces,
  };
}

/** Removes the agreement with this id, if present. */
export function removeAgreement(doc: Y.Doc, id: string): void {
  const list = agreementsOf(doc);
  const index = list.toArray().findIndex((m) => m instanceof Y.Map && m.get("id") === id);
  if (index >= 0) list.delete(index, 1);
}
