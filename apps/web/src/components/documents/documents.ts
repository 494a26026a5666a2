/** The documents attached to a conversation, and the paper sign-off with the signed scan. */

import { graphql } from "../../graphql/generated";

/** The conversation's documents, with what decides who may add and remove them. */
export const CONVERSATION_DOCUMENTS = graphql(`
  query ConversationDocuments($id: ID!) {
    conversation(id: $id) {
      id
      status
      myRole
      documents {
        id
        kind
        fileName
        mimeType
        size
        sha256
        uploaderRole
        createdAt
        downloadPath
        uploadedBy {
          id
          name
        }
      }
    }
  }
`);

/** Removes a document (its uploader, before the lock). */
export const REMOVE_DOCUMENT = graphql(`
  mutation RemoveDocument($conversationId: ID!, $documentId: ID!) {
    removeDocument(conversationId: $conversationId, documentId: $documentId) {
      id
    }
  }
`);

/** BPV-begeleider: locks the ended conversation's record with the uploaded signed scan. */
export const SIGN_ON_PAPER = graphql(`
  mutation SignOnPaper($conversationId: ID!, $documentId: ID!) {
    signOnPaper(conversationId: $conversationId, documentId: $documentId) {
      id
      status
      recordHash
      signedAt
    }
  }
`);

/** The kinds a participant picks for an attached document. */
export const DOCUMENT_KINDS = [
  "portfolio",
  "voortgangsoverzicht",
  "bewijskaart",
  "overig",
] as const;

/** What the file pickers offer: PDF, images and Office files; the server checks the content. */
export const DOCUMENT_ACCEPT =
  ".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,application/pdf,image/png,image/jpeg,image/webp";

/** What the signed form's picker offers: PDF and images. */
export const SCAN_ACCEPT =
  ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp";

/** A size in words: "820 kB", "3,4 MB". */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`;
  }
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
