/**
 * One conversation at its end, as the server holds it, and the resolvers that answer the
 * sign-off operations from it (through `schemaServer`, so against the real schema). The rules
 * kept are the ones the panel shows: an akkoord binds to the record's hash, and the third one
 * locks it. Used by the tests beside this file only.
 */
import {
  type Conclusion,
  type ConversationStatus,
  isLive,
  isLocked as isLockedStatus,
} from "@driehoek/domain";
import { GraphQLError } from "graphql";
import type {
  NotSmartAcceptance,
  NotSmartAgreement,
  RecordVerification,
  SignatureView,
} from "../../graphql/signoff";
import type { Resolvers } from "../../test/schemaServer";
import type { RecordContent } from "./record";
import { makeRecord, makeSignature } from "./testRecord";

const ENDED_AT = "2026-03-03T10:10:00.000Z";

/** The conversation `c1`; a test changes `state` as the server's data would change. */
export function signoffFixture(initial: { status?: ConversationStatus } = {}) {
  const state = {
    status: initial.status ?? ("ended" as ConversationStatus),
    record: makeRecord() as RecordContent,
    /** Bumped whenever the record changes; the hash follows it. */
    revision: 1,
    conclusion: null as Conclusion | null,
    conclusionMotivation: null as string | null,
    studentConclusion: null as Conclusion | null,
    studentMotivation: null as string | null,
    signatures: [] as SignatureView[],
    signedAt: null as string | null,
    verification: null as RecordVerification | null,
    /** Archivering: bijzonderheden, "geen bijzonderheden", entered into the student system. */
    particulars: [] as {
      id: string;
      text: string;
      createdAt: string;
      handledAt: string | null;
      createdBy: { id: string; name: string };
    }[],
    noParticularsAt: null as string | null,
    studentSystemEnteredAt: null as string | null,
    studentSystemEnteredBy: null as { id: string; name: string } | null,
    /** Agreements not yet SMART, and the begeleider's recorded choice to end with them. */
    notSmartAgreements: [] as NotSmartAgreement[],
    notSmartAcceptance: null as NotSmartAcceptance | null,
    /** Conversations planned after this one. */
    planned: [] as { id: string; status: ConversationStatus; scheduledAt: string }[],
  };
  const hash = () => String(state.revision).padStart(2, "0").padEnd(64, "f");
  const isLiveNow = () => isLive(state.status);
  const isLockedNow = () => isLockedStatus(state.status);

  const conversation = () => ({
    ...state,
    id: "c1",
    scheduledAt: "2026-03-03T09:00:00.000Z",
    mode: "in_person",
    phase: isLiveNow() ? "afronden" : null,
    section: null,
    endedAt: isLiveNow() ? null : ENDED_AT,
    recordHash: isLockedNow() ? hash() : null,
    record: {
      hash: hash(),
      json: JSON.stringify({ ...state.record, endedAt: isLiveNow() ? null : ENDED_AT }),
      isLocked: isLockedNow(),
    },
    nextConversationProposal: isLiveNow() ? null : "2026-09-01",
    placement: { id: "pl1", endDate: "2027-06-30", conversations: state.planned },
  });

  const setConclusion =
    (
      who: "conclusion" | "studentConclusion",
      motivation: "conclusionMotivation" | "studentMotivation",
    ) =>
    (args: { conclusion: Conclusion; motivation?: string | null }) => {
      state[who] = args.conclusion;
      state[motivation] = args.motivation ?? null;
      state.revision += 1;
      return conversation();
    };

  const resolvers: Resolvers = {
    conversation: () => conversation(),
    setConclusion: setConclusion("conclusion", "conclusionMotivation"),
    setStudentConclusion: setConclusion("studentConclusion", "studentMotivation"),
    signConversation: ({ contentHash }: { contentHash: string }) => {
      if (contentHash !== hash()) {
        throw new GraphQLError("The record changed", {
          extensions: { code: "CONFLICT", reason: "content_changed" },
        });
      }
      state.signatures.push(makeSignature("student", { contentHash }));
      const roles = new Set(state.signatures.filter((s) => s.isValid).map((s) => s.signature.role));
      if (roles.size === 3) {
        state.status = "signed";
        state.signedAt = "2026-03-03T10:30:00.000Z";
      }
      return conversation();
    },
    recordPaperSignatures: () => {
      state.status = "signed";
      state.signedAt = "2026-03-03T10:40:00.000Z";
      return conversation();
    },
    endConversation: ({ acceptNotSmart }: { acceptNotSmart?: boolean | null }) => {
      const notSmart = state.notSmartAgreements;
      if (notSmart.length > 0 && !acceptNotSmart) {
        throw new GraphQLError("Some agreements are not yet SMART", {
          extensions: { code: "CONFLICT", reason: "not_smart", agreements: notSmart },
        });
      }
      if (notSmart.length > 0) {
        state.notSmartAcceptance = {
          acceptedAt: "2026-03-03T10:09:00.000Z",
          acceptedBy: { id: "p-bpv_begeleider", name: "Bram Bakker" },
          agreements: notSmart,
        };
      }
      state.status = "ended";
      state.revision += 1; // endedAt is part of the record
      return conversation();
    },
    markEnteredInStudentSystem: () => {
      state.studentSystemEnteredAt = "2026-03-04T08:15:00.000Z";
      state.studentSystemEnteredBy = { id: "p-bpv_begeleider", name: "Bram Bakker" };
      return conversation();
    },
    setNoParticulars: ({ noParticulars }: { noParticulars: boolean }) => {
      state.noParticularsAt = noParticulars ? "2026-03-03T10:20:00.000Z" : null;
      return conversation();
    },
    flagParticular: ({ text }: { text: string }) => {
      const particular = {
        id: `b${state.particulars.length + 1}`,
        text,
        createdAt: "2026-03-03T10:05:00.000Z",
        handledAt: null,
        createdBy: { id: "p-student", name: "Sanne de Vries" },
      };
      state.particulars.push(particular);
      state.noParticularsAt = null;
      return particular;
    },
    verifyRecord: () =>
      state.verification ?? {
        isLocked: true,
        isIntact: true,
        signaturesMatch: true,
        storedHash: hash(),
        computedHash: hash(),
      },
    scheduleConversation: ({ input }: { input: { scheduledAt: string } }) => {
      const planned = {
        id: `c${state.planned.length + 2}`,
        status: "planned" as const,
        scheduledAt: input.scheduledAt,
      };
      state.planned.push(planned);
      return { conversation: { ...conversation(), ...planned }, invites: [] };
    },
  };
  return { state, hash, conversation, resolvers };
}
