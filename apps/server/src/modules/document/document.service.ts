import { randomUUID } from "node:crypto";
import { isAwaitingSignatures, isLocked } from "@driehoek/domain";
import type { ConversationAccess } from "../../access/conversation-access.js";
import type { Services } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { appError, badInput, conflict, forbidden, notFound } from "../../graphql/errors.js";
import { recordChanged } from "../signoff/signoff.service.js";
import { ConversationDocument, DOCUMENT_KINDS, type DocumentKind } from "./document.entity.js";
import { dropBytesIfUnused, sha256Of, storeBytes, withStoredFile } from "./document-store.js";
import {
  DOCUMENT_TYPES,
  type DocumentType,
  detectDocumentType,
  extensionOf,
  SCAN_TYPES,
  sanitizeFileName,
} from "./document-type.js";

/** The kinds a participant picks for an attached document (the signed form has its own route). */
export const ATTACHABLE_KINDS = DOCUMENT_KINDS.filter((k) => k !== "getekend_formulier");

/** Refuses a file larger than the limit, in words a person understands. */
export function tooLarge(maxBytes: number) {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return appError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than ${mb} MB. / Het bestand is groter dan ${mb} MB.`,
    "too_large",
  );
}

/** Checks the bytes against the accepted types and the name's ending; returns the type. */
function checkFile(
  bytes: Buffer,
  fileName: string,
  accepted: readonly DocumentType[],
  maxBytes: number,
): DocumentType {
  if (bytes.length === 0)
    throw appError("BAD_USER_INPUT", "The file is empty. / Het bestand is leeg.", "empty");
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  const type = detectDocumentType(bytes);
  if (!type || !accepted.includes(type)) {
    const allowed = accepted.flatMap((t) => t.extensions).join(", ");
    throw appError(
      "BAD_USER_INPUT",
      `This file type is not accepted; use ${allowed}. / Dit bestandstype wordt niet geaccepteerd; gebruik ${allowed}.`,
      "unsupported_type",
    );
  }
  if (!type.extensions.includes(extensionOf(fileName))) {
    throw appError(
      "BAD_USER_INPUT",
      `The file's name does not match its content (${type.extensions[0]}). / De naam van het bestand past niet bij de inhoud (${type.extensions[0]}).`,
      "type_mismatch",
    );
  }
  return type;
}

/** What an upload brings: the bytes, the name the file had, and what it is. */
export interface Upload {
  bytes: Buffer;
  fileName: string;
  kind: string;
}

/**
 * Attaches a document to the conversation (a participant; not after the lock), or — with kind
 * getekend_formulier — stores the signed scan of the paper form (the BPV-begeleider, once the
 * conversation has ended). Nothing is stored when a check fails.
 */
export async function addDocument(
  services: Services,
  access: ConversationAccess,
  upload: Upload,
): Promise<ConversationDocument> {
  const { conversation, myRole, viewer } = access;
  if (!myRole) throw forbidden("Only the three participants attach documents.");
  if (isLocked(conversation.status))
    throw conflict("The record is signed and locked.", "already_signed");
  const isSignedForm = upload.kind === "getekend_formulier";
  if (isSignedForm) {
    if (myRole !== "bpv_begeleider")
      throw forbidden("Only the BPV-begeleider uploads the signed form.");
    if (!isAwaitingSignatures(conversation.status))
      throw conflict("Upload the signed form after the conversation has ended.", "not_ended");
  } else if (!(ATTACHABLE_KINDS as readonly string[]).includes(upload.kind)) {
    throw badInput(`Choose one of: ${ATTACHABLE_KINDS.join(", ")}.`);
  }
  const fileName = sanitizeFileName(upload.fileName);
  const type = checkFile(
    upload.bytes,
    fileName,
    isSignedForm ? SCAN_TYPES : DOCUMENT_TYPES,
    services.config.documentMaxBytes,
  );
  const sha256 = sha256Of(upload.bytes);
  const document: ConversationDocument = {
    id: randomUUID(),
    conversationId: conversation.id,
    uploadedById: viewer.personId,
    uploaderRole: myRole,
    kind: upload.kind as DocumentKind,
    fileName,
    mimeType: type.mimeType,
    size: upload.bytes.length,
    sha256,
    createdAt: services.now(),
  };
  try {
    // The file is stored (or found) and its row added while no removal can delete it.
    await withStoredFile(services, sha256, async (tx) => {
      await storeBytes(services, upload.bytes);
      await tx.insert(ConversationDocument, document);
      await services.audit.record(
        {
          actorId: viewer.personId,
          action: "document.uploaded",
          subjectType: "conversation",
          subjectId: conversation.id,
          detail: { documentId: document.id, kind: document.kind, sha256 },
        },
        tx,
      );
    });
  } catch (error) {
    await dropBytesIfUnused(services, sha256);
    throw error;
  }
  // The signed form enters the record only when it locks it (signOnPaper).
  if (isSignedForm) await recordChanged(services, conversation.id, ["DOCUMENTS"]);
  else await recordChanged(services, conversation.id, ["DOCUMENTS", "RECORD"]);
  return document;
}

/** Finds a document of a conversation, or NOT_FOUND. */
export async function findDocument(
  services: Services,
  conversationId: string,
  documentId: string,
): Promise<ConversationDocument> {
  if (documentId.length > 64) throw notFound("Document");
  const document = await services.dataSource.manager.findOneBy(ConversationDocument, {
    id: documentId,
    conversationId,
  });
  if (!document) throw notFound("Document");
  return document;
}

/** Removes a document: only its uploader, and not after the record is locked. */
export async function removeDocument(
  services: Services,
  access: ConversationAccess,
  documentId: string,
): Promise<void> {
  const { conversation, viewer } = access;
  const document = await findDocument(services, conversation.id, documentId);
  if (document.uploadedById !== viewer.personId)
    throw forbidden("Only the person who uploaded a document removes it.");
  if (isLocked(conversation.status))
    throw conflict("The record is signed and locked.", "already_signed");
  await inTransaction(services.dataSource, async (tx) => {
    await tx.delete(ConversationDocument, { id: document.id });
    await services.audit.record(
      {
        actorId: viewer.personId,
        action: "document.removed",
        subjectType: "conversation",
        subjectId: conversation.id,
        detail: { documentId: document.id, kind: document.kind, sha256: document.sha256 },
      },
      tx,
    );
  });
  await dropBytesIfUnused(services, document.sha256);
  await recordChanged(services, conversation.id, ["DOCUMENTS", "RECORD"]);
}
