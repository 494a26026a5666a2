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

/** Flattens a record into `field,value` rows: `student.name`, `agreements.1.text`, … */
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
      rows.push([path, value === null || value === undefined ? "" : String(value)]);
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
