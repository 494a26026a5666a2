/**
 * GraphQL operations and shapes of Afronden: the conclusion, the record the three sign, their
 * signatures, the lock and its check. Every Conversation here carries its `id`, so results
 * land in the same cache entry the live page reads (a lock shows up there as `status`).
 */
import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Conclusion, ConversationStatus, PhaseKey, Role } from "@driehoek/domain";
import type { Person } from "./types";

/** The record as the server serves it: canonical JSON and the hash a signature binds to. */
export interface ConversationRecordView {
  /** SHA-256 (hex) of `json`: what `signConversation` must be given. */
  hash: string;
  /** The gespreksformulier as canonical JSON (schema driehoek.record/1). */
  json: string;
  /** True once all three signed: this is the stored, locked record. */
  isLocked: boolean;
}

/** How a signature was given. */
export type SignatureMethod = "digital" | "paper";

/** One signature, voided ones included. */
export interface Signature {
  id: string;
  role: Role;
  method: SignatureMethod;
  /** SHA-256 of the record as it was signed. */
  contentHash: string;
  signedAt: string;
  voidedAt: string | null;
  voidReason: string | null;
}

/** A signature with its signer, and whether it still holds for the record as it is now. */
export interface SignatureView {
  signature: Signature;
  person: Person;
  isValid: boolean;
}

/** What the Afronden panel and the form page read of a conversation. */
export interface SignoffConversation {
  id: string;
  status: ConversationStatus;
  phase: PhaseKey | null;
  endedAt: string | null;
  signedAt: string | null;
  conclusion: Conclusion | null;
  conclusionMotivation: string | null;
  studentConclusion: Conclusion | null;
  studentMotivation: string | null;
  recordHash: string | null;
  record: ConversationRecordView;
  signatures: SignatureView[];
  /** 'YYYY-MM-DD' the frequency rule proposes for the next conversation, once this one ended. */
  nextConversationProposal: string | null;
}

/** The result of `verifyRecord`. */
export interface RecordVerification {
  isLocked: boolean;
  storedHash: string | null;
  computedHash: string | null;
  /** The stored record still hashes to the stored hash. */
  isIntact: boolean;
  /** All three signatures bind to exactly this record. */
  signaturesMatch: boolean;
}

/** The conclusion fields a conclusion mutation returns. */
type ConclusionFields = Pick<
  SignoffConversation,
  | "id"
  | "status"
  | "conclusion"
  | "conclusionMotivation"
  | "studentConclusion"
  | "studentMotivation"
>;

const CONCLUSION_FIELDS = gql`
  fragment SignoffConclusionFields on Conversation {
    id
    status
    conclusion
    conclusionMotivation
    studentConclusion
    studentMotivation
  }
`;

/** The conclusion, the record to read and sign, and every signature given. */
export const SIGNOFF: TypedDocumentNode<{ conversation: SignoffConversation }, { id: string }> =
  gql`
  query Signoff($id: ID!) {
    conversation(id: $id) {
      ...SignoffConclusionFields
      phase
      endedAt
      signedAt
      recordHash
      record {
        hash
        json
        isLocked
      }
      signatures {
        isValid
        person {
          id
          name
          role
        }
        signature {
          id
          role
          method
          contentHash
          signedAt
          voidedAt
          voidReason
        }
      }
      nextConversationProposal
    }
  }
  ${CONCLUSION_FIELDS}
`;

/** Variables of a conclusion: the choice and a short motivation. */
export type ConclusionVars = {
  conversationId: string;
  conclusion: Conclusion;
  motivation: string | null;
};

/** BPV-begeleider: the conclusion against the nominal line. */
export const SET_CONCLUSION: TypedDocumentNode<
  { setConclusion: ConclusionFields },
  ConclusionVars
> = gql`
  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {
    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {
      ...SignoffConclusionFields
    }
  }
  ${CONCLUSION_FIELDS}
`;

/** Student: their own view of the conclusion. */
export const SET_STUDENT_CONCLUSION: TypedDocumentNode<
  { setStudentConclusion: ConclusionFields },
  ConclusionVars
> = gql`
  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {
    setStudentConclusion(
      conversationId: $conversationId
      conclusion: $conclusion
      motivation: $motivation
    ) {
      ...SignoffConclusionFields
    }
  }
  ${CONCLUSION_FIELDS}
`;

/** What the sign-off mutations return of the conversation. */
type SignedFields = Pick<SignoffConversation, "id" | "status" | "recordHash" | "signedAt">;

/** A participant's akkoord on the record with exactly this hash. */
export const SIGN_CONVERSATION: TypedDocumentNode<
  { signConversation: SignedFields },
  { conversationId: string; contentHash: string }
> = gql`
  mutation SignConversation($conversationId: ID!, $contentHash: String!) {
    signConversation(conversationId: $conversationId, contentHash: $contentHash) {
      id
      status
      recordHash
      signedAt
    }
  }
`;

/** BPV-begeleider: all three signed the printed form (paper fallback). */
export const RECORD_PAPER_SIGNATURES: TypedDocumentNode<
  { recordPaperSignatures: SignedFields },
  { conversationId: string }
> = gql`
  mutation RecordPaperSignatures($conversationId: ID!) {
    recordPaperSignatures(conversationId: $conversationId) {
      id
      status
      recordHash
      signedAt
    }
  }
`;

/** BPV-begeleider: ends the live conversation; it then awaits the signatures. */
export const END_CONVERSATION: TypedDocumentNode<
  {
    endConversation: Pick<
      SignoffConversation,
      "id" | "status" | "phase" | "endedAt" | "nextConversationProposal"
    > & { section: string | null };
  },
  { conversationId: string }
> = gql`
  mutation EndConversation($conversationId: ID!) {
    endConversation(conversationId: $conversationId) {
      id
      status
      phase
      section
      endedAt
      nextConversationProposal
    }
  }
`;

/** Recomputes the locked record's hash and checks it against the three signatures. */
export const VERIFY_RECORD: TypedDocumentNode<
  { verifyRecord: RecordVerification },
  { conversationId: string }
> = gql`
  query VerifyRecord($conversationId: ID!) {
    verifyRecord(conversationId: $conversationId) {
      isLocked
      storedHash
      computedHash
      isIntact
      signaturesMatch
    }
  }
`;
