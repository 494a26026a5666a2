import type { ConversationRecord } from "@driehoek/domain";
import { type EntityManager, Not } from "typeorm";
import { ConversationDocument } from "./document.entity.js";

/** The conversation's attached documents as the record lists them (the signed form apart). */
export async function recordDocuments(
  manager: EntityManager,
  conversationId: string,
): Promise<NonNullable<ConversationRecord["documents"]>> {
  const documents = await manager.find(ConversationDocument, {
    where: { conversationId, kind: Not("getekend_formulier") },
    order: { createdAt: "ASC", id: "ASC" },
  });
  return documents.map((d) => ({
    fileName: d.fileName,
    kind: d.kind,
    uploaderRole: d.uploaderRole,
    sha256: d.sha256,
  }));
}
