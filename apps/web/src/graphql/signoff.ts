/**
 * The sign-off operations: the conclusion, the record the three sign, their signatures, the lock
 * and its check. Every Conversation here carries its `id`, so results land in the same cache
 * entry the live page reads (a lock shows up there as `status`).
 */
import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

graphql(`
  fragment SignoffConclusionFields on Conversation {
    id
    status
    conclusion
    conclusionMotivation
    studentConclusion
    studentMotivation
  }
`);

graphql(`
  fragment SignoffArchiveFields on Conversation {
    id
    studentSystemEnteredAt
    studentSystemEnteredBy {
      id
      name
    }
    noParticularsAt
    particulars {
      id
      text
      createdAt
      handledAt
      createdBy {
        id
        name
      }
    }
  }
`);

graphql(`
  fragment SignoffSmartFields on Conversation {
    id
    notSmartAgreements {
      id
      number
      text
      missing
    }
    notSmartAcceptance {
      acceptedAt
      acceptedBy {
        id
        name
      }
      agreements {
        id
        number
        text
        missing
      }
    }
  }
`);

/** The conclusion, the record to read and sign, and every signature given. */
export const SIGNOFF = graphql(`
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
        changes {
          area
          kind
          number
          field
          before
          after
          changedBy {
            id
            name
          }
        }
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
      ...SignoffArchiveFields
      ...SignoffSmartFields
    }
  }
`);

/** BPV-begeleider: the conclusion against the nominal line. */
export const SET_CONCLUSION = graphql(`
  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {
    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {
      ...SignoffConclusionFields
    }
  }
`);

/** Student: their own view of the conclusion. */
export const SET_STUDENT_CONCLUSION = graphql(`
  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {
    setStudentConclusion(
      conversationId: $conversationId
      conclusion: $conclusion
      motivation: $motivation
    ) {
      ...SignoffConclusionFields
    }
  }
`);

/** A participant's akkoord on the record with exactly this hash. */
export const SIGN_CONVERSATION = graphql(`
  mutation SignConversation($conversationId: ID!, $contentHash: String!) {
    signConversation(conversationId: $conversationId, contentHash: $contentHash) {
      id
      status
      recordHash
      signedAt
    }
  }
`);

/** BPV-begeleider: all three signed the printed form (paper fallback). */
export const RECORD_PAPER_SIGNATURES = graphql(`
  mutation RecordPaperSignatures($conversationId: ID!) {
    recordPaperSignatures(conversationId: $conversationId) {
      id
      status
      recordHash
      signedAt
    }
  }
`);

/**
 * BPV-begeleider: ends the live conversation; it then awaits the signatures. With agreements
 * that are not yet SMART it is refused (`not_smart`) unless `acceptNotSmart` records going on.
 */
export const END_CONVERSATION = graphql(`
  mutation EndConversation($conversationId: ID!, $acceptNotSmart: Boolean) {
    endConversation(conversationId: $conversationId, acceptNotSmart: $acceptNotSmart) {
      id
      status
      phase
      section
      endedAt
      nextConversationProposal
      ...SignoffSmartFields
    }
  }
`);

/** BPV-begeleider: the signed report is entered into the student system (Archivering, step 3). */
export const MARK_ENTERED = graphql(`
  mutation MarkEnteredInStudentSystem($conversationId: ID!) {
    markEnteredInStudentSystem(conversationId: $conversationId) {
      ...SignoffArchiveFields
    }
  }
`);

/** BPV-begeleider: "geen bijzonderheden" ticked or cleared (Archivering, step 4). */
export const SET_NO_PARTICULARS = graphql(`
  mutation SetNoParticulars($conversationId: ID!, $noParticulars: Boolean!) {
    setNoParticulars(conversationId: $conversationId, noParticulars: $noParticulars) {
      ...SignoffArchiveFields
    }
  }
`);

/** A participant flags a bijzonderheid for the trajectbegeleider / onderwijsteam. */
export const FLAG_PARTICULAR = graphql(`
  mutation FlagParticular($conversationId: ID!, $text: String!) {
    flagParticular(conversationId: $conversationId, text: $text) {
      id
      text
      createdAt
    }
  }
`);

/** Recomputes the locked record's hash and checks it against the three signatures. */
export const VERIFY_RECORD = graphql(`
  query VerifyRecord($conversationId: ID!) {
    verifyRecord(conversationId: $conversationId) {
      isLocked
      storedHash
      computedHash
      isIntact
      signaturesMatch
    }
  }
`);

/** What the sign-off panel and the form page read of a conversation. */
export type SignoffConversation = ResultOf<typeof SIGNOFF>["conversation"];
/** A signature with its signer, and whether it still holds for the record as it is now. */
export type SignatureView = SignoffConversation["signatures"][number];
/** A bijzonderheid flagged in the conversation. */
export type FlaggedParticular = SignoffConversation["particulars"][number];
/** One signature, voided ones included. */
export type Signature = SignatureView["signature"];
/** The result of `verifyRecord`. */
export type RecordVerification = ResultOf<typeof VERIFY_RECORD>["verifyRecord"];
/** What an akkoord returns of the conversation: whether it locked the record, and how. */
export type SignedConversation = ResultOf<typeof SIGN_CONVERSATION>["signConversation"];
/** What differs between the record a voided akkoord was given to and the record now. */
export type RecordChange = SignatureView["changes"][number];
/** An agreement that is not yet SMART, with the letters it misses. */
export type NotSmartAgreement = SignoffConversation["notSmartAgreements"][number];
/** The begeleider's recorded choice to end with agreements that were not yet SMART. */
export type NotSmartAcceptance = NonNullable<SignoffConversation["notSmartAcceptance"]>;
