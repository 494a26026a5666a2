import type { ConversationRecord } from "@driehoek/domain";

/** Where in the record a change lies. */
export const RECORD_CHANGE_AREAS = [
  "summary",
  "conclusion",
  "agreement",
  "review",
  "note",
  "particular",
  "document",
  "other",
] as const;
export type RecordChangeArea = (typeof RECORD_CHANGE_AREAS)[number];

/** Whether something was added, removed or changed. */
export const RECORD_CHANGE_KINDS = ["added", "removed", "changed"] as const;
export type RecordChangeKind = (typeof RECORD_CHANGE_KINDS)[number];

/** One field-level difference between two records. */
export interface RecordDifference {
  /** Stable key of what changed (e.g. `agreement:<id>:measure`), to follow it across steps. */
  key: string;
  area: RecordChangeArea;
  kind: RecordChangeKind;
  /** For an agreement, review item or particular: its number in its list, from 1. */
  number: number | null;
  /**
   * Which field: an agreement's `text`, `owner`, `dueDate`, `measure`, `firstStep`,
   * `werkproces`; the conclusion's `value`, `motivation`, `studentValue`, `studentMotivation`;
   * a review's `status`, `needed`; a note's section key; another part's record key.
   */
  field: string | null;
  before: string | null;
  after: string | null;
}

type Agreement = ConversationRecord["agreements"][number];
type Review = ConversationRecord["review"][number];

const AGREEMENT_FIELDS = [
  "text",
  "owner",
  "dueDate",
  "measure",
  "firstStep",
  "werkproces",
] as const;
const CONCLUSION_FIELDS = ["studentValue", "studentMotivation", "value", "motivation"] as const;
const REVIEW_FIELDS = ["status", "needed"] as const;
/** Parts compared one by one above; everything else is compared as a whole. */
const COMPARED = new Set([
  "summary",
  "conclusion",
  "agreements",
  "review",
  "notes",
  "particulars",
  "documents",
]);
/** Parts that are not content people change (or that change on their own, like the end time). */
const IGNORED = new Set(["schema", "conversationId", "signedForm"]);

const text = (value: unknown): string | null =>
  value === null || value === undefined || value === ""
    ? null
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

function change(
  key: string,
  area: RecordChangeArea,
  number: number | null,
  field: string | null,
  before: unknown,
  after: unknown,
): RecordDifference {
  const b = text(before);
  const a = text(after);
  const kind: RecordChangeKind = b === null ? "added" : a === null ? "removed" : "changed";
  return { key, area, kind, number, field, before: b, after: a };
}

function listed<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  area: RecordChangeArea,
  fields: readonly (keyof T & string)[],
  label: (item: T) => string,
): RecordDifference[] {
  const out: RecordDifference[] = [];
  after.forEach((item, index) => {
    const id = idOf(item);
    const old = before.find((b) => idOf(b) === id);
    if (!old) {
      out.push(change(`${area}:${id}`, area, index + 1, null, null, label(item)));
      return;
    }
    for (const field of fields) {
      if (text(old[field]) !== text(item[field])) {
        out.push(change(`${area}:${id}:${field}`, area, index + 1, field, old[field], item[field]));
      }
    }
  });
  before.forEach((item, index) => {
    const id = idOf(item);
    if (!after.some((a) => idOf(a) === id)) {
      out.push(change(`${area}:${id}`, area, index + 1, null, label(item), null));
    }
  });
  return out;
}

function texts(
  before: readonly string[],
  after: readonly string[],
  area: RecordChangeArea,
): RecordDifference[] {
  const out: RecordDifference[] = [];
  after.forEach((item, index) => {
    if (!before.includes(item))
      out.push(change(`${area}:${item}`, area, index + 1, null, null, item));
  });
  before.forEach((item, index) => {
    if (!after.includes(item))
      out.push(change(`${area}:${item}`, area, index + 1, null, item, null));
  });
  return out;
}

/**
 * What differs between two records, field by field: the summary, the two conclusions, each new
 * agreement (added, removed, or which of its fields), the review, the notes per section, the
 * particulars and documents, and any other part as a whole.
 */
export function diffRecords(
  before: ConversationRecord,
  after: ConversationRecord,
): RecordDifference[] {
  const out: RecordDifference[] = [];
  if (before.summary !== after.summary)
    out.push(change("summary", "summary", null, null, before.summary, after.summary));
  for (const field of CONCLUSION_FIELDS) {
    const b = before.conclusion?.[field] ?? null;
    const a = after.conclusion?.[field] ?? null;
    if (b !== a) out.push(change(`conclusion:${field}`, "conclusion", null, field, b, a));
  }
  out.push(
    ...listed<Agreement>(
      before.agreements ?? [],
      after.agreements ?? [],
      (a) => a.id,
      "agreement",
      AGREEMENT_FIELDS,
      (a) => a.text,
    ),
    ...listed<Review>(
      before.review ?? [],
      after.review ?? [],
      (r) => r.agreementId,
      "review",
      REVIEW_FIELDS,
      (r) => r.text,
    ),
  );
  const sections = new Set([...(before.notes ?? []), ...(after.notes ?? [])].map((n) => n.section));
  for (const section of sections) {
    const b = before.notes?.find((n) => n.section === section)?.text ?? null;
    const a = after.notes?.find((n) => n.section === section)?.text ?? null;
    if (b !== a) out.push(change(`note:${section}`, "note", null, section, b, a));
  }
  out.push(
    ...texts(
      (before.particulars ?? []).map((p) => p.text),
      (after.particulars ?? []).map((p) => p.text),
      "particular",
    ),
    ...texts(
      (before.documents ?? []).map((d) => d.fileName),
      (after.documents ?? []).map((d) => d.fileName),
      "document",
    ),
  );
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (COMPARED.has(key) || IGNORED.has(key)) continue;
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) {
      out.push(change(`other:${key}`, "other", null, key, b[key], a[key]));
    }
  }
  return out;
}
