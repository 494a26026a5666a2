import { type ConversationRecord, isLocked as isLockedStatus } from "@driehoek/domain";
import { In, IsNull } from "typeorm";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { Person } from "../people/person.entity.js";
import { Signature } from "../signoff/signature.entity.js";
import { currentRecord } from "../signoff/signoff.service.js";
import { recordFilename } from "./record-filename.js";
import { renderRecordPdf } from "./record-pdf.js";

/**
 * The gespreksformulier of a conversation as PDF: the locked record once signed, else the
 * record as it stands (marked as a draft). Printing is written to the audit log.
 */
export async function printRecord(
  ctx: RequestContext,
  conversationId: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const access = await openConversation(ctx, conversationId);
  const { conversation } = access;
  const manager = ctx.services.dataSource.manager;
  const isLocked = isLockedStatus(conversation.status) && Boolean(conversation.recordJson);
  const { record, hash } = isLocked
    ? {
        record: JSON.parse(conversation.recordJson as string) as ConversationRecord,
        hash: conversation.recordHash,
      }
    : await currentRecord(ctx.services, conversation.id);
  const signatures = await manager.findBy(Signature, {
    conversationId: conversation.id,
    voidedAt: IsNull(),
    contentHash: hash ?? "",
  });
  const people = await manager.findBy(Person, { id: In(signatures.map((s) => s.personId)) });
  await ctx.services.audit.record({
    actorId: access.viewer.personId,
    action: "record.printed",
    subjectType: "conversation",
    subjectId: conversation.id,
    detail: { isLocked },
  });
  const pdf = await renderRecordPdf(
    record,
    signatures.map((s) => ({
      role: s.role,
      name: people.find((p) => p.id === s.personId)?.name ?? "",
      method: s.method,
      signedAt: s.signedAt,
      contentHash: s.contentHash,
    })),
    isLocked,
    hash ?? "",
    ctx.services.now(),
  );
  return { pdf, filename: recordFilename(record) };
}
