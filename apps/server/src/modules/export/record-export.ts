import { type ConversationRecord, isLocked } from "@driehoek/domain";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { conflict } from "../../graphql/errors.js";

/** The signed record in the export formats of docs/API.md. */
export interface RecordExport {
  conversationId: string;
  hash: string;
  json: string;
  csv: string;
}

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it, never run it: text starting with = + - @, a tab
 * or a carriage return gets a leading `'`, as OWASP advises. Only text is prefixed, also text
 * that looks like a negative number ("-5" typed in a note); values that are numbers in the
 * record are written as numbers, so a negative number stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Flattens a record into `field,value` rows: `student.name`, `agreements.1.text`, … Text
 * cells are neutralized against formula injection (see `neutralizeFormula`).
 */
export function recordToCsv(record: ConversationRecord): string {
  const rows: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      if (value.length === 0) rows.push([path, ""]);
      value.forEach((item, i) => {
        walk(item, `${path}.${i + 1}`);
      });
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else {
      const text = value === null || value === undefined ? "" : String(value);
      rows.push([
        neutralizeFormula(path),
        typeof value === "string" ? neutralizeFormula(text) : text,
      ]);
    }
  };
  walk(record, "");
  const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${["field,value", ...rows.map(([k, v]) => `${cell(k)},${cell(v)}`)].join("\r\n")}\r\n`;
}

/**
 * The locked record of a signed conversation, for the student system. Only signed records are
 * exported (they no longer change); every export is written to the audit log.
 */
export async function exportRecord(
  ctx: RequestContext,
  conversationId: string,
): Promise<RecordExport> {
  const access = await openConversation(ctx, conversationId);
  const { conversation } = access;
  if (!isLocked(conversation.status) || !conversation.recordJson || !conversation.recordHash) {
    throw conflict("Only a signed record is exported.", "not_signed");
  }
  await ctx.services.audit.record({
    actorId: access.viewer.personId,
    action: "record.exported",
    subjectType: "conversation",
    subjectId: conversation.id,
    detail: { hash: conversation.recordHash },
  });
  return {
    conversationId: conversation.id,
    hash: conversation.recordHash,
    json: conversation.recordJson,
    csv: recordToCsv(JSON.parse(conversation.recordJson) as ConversationRecord),
  };
}
