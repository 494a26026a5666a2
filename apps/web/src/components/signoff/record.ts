import { type ConversationRecord, RECORD_SCHEMA } from "@driehoek/domain";

/**
 * The gespreksformulier's content as the server builds it (schema driehoek.record/1). Parsed
 * defensively: the record is shown to people who sign it, so a shape this app does not know is
 * reported, not half-shown.
 */
export type RecordContent = ConversationRecord;

export { RECORD_SCHEMA };

const LISTS = ["participants", "review", "notes", "agreements", "particulars"] as const;
const OBJECTS = ["student", "programme", "company", "pok", "conclusion"] as const;

/** The record in `json`, or null when it is not JSON or not a record this app knows. */
export function parseRecord(json: string | null | undefined): RecordContent | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.schema !== RECORD_SCHEMA) return null;
  if (!LISTS.every((key) => Array.isArray(record[key]))) return null;
  if (!OBJECTS.every((key) => typeof record[key] === "object" && record[key] !== null)) return null;
  if (typeof record.summary !== "string" || typeof record.scheduledAt !== "string") return null;
  return value as RecordContent;
}

/** The notes of one section of the guide, or "" when nobody wrote any. */
export function noteOf(record: RecordContent, sectionKey: string): string {
  return record.notes.find((n) => n.section === sectionKey)?.text ?? "";
}

/**
 * A hash as people can read it aloud and compare: groups of eight characters. `length` cuts it
 * short (e.g. 8 for a quick check next to a button).
 */
export function formatHash(hash: string, length = hash.length): string {
  return (hash.slice(0, length).match(/.{1,8}/g) ?? []).join(" ");
}
