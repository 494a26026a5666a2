import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { type Conclusion, type ConversationStatus, isLive, isLocked } from "@driehoek/domain";
import type { FormattedExecutionResult } from "graphql";
import type { Client as WsClient } from "graphql-ws";
import { Observable } from "rxjs";
import { ref } from "vue";
import type { AppGraphQL } from "../../graphql/client";
import type { RecordVerification, SignatureView } from "../../graphql/signoff";
import type { RecordContent } from "./record";
import { makeRecord } from "./testRecord";

/** A request the fake server received. */
export interface Call {
  name: string;
  variables: Record<string, unknown>;
}

/**
 * A stand-in for the Driehoek server behind a real Apollo client: it answers Afronden's
 * operations from `state`, which a test changes as the server's data would change.
 */
export function fakeServer(initial: { status?: ConversationStatus; record?: RecordContent } = {}) {
  const state = {
    status: initial.status ?? ("ended" as ConversationStatus),
    record: initial.record ?? makeRecord(),
    /** Bumped to make the record "change" without touching its content. */
    revision: 1,
    conclusion: null as Conclusion | null,
    conclusionMotivation: null as string | null,
    studentConclusion: null as Conclusion | null,
    studentMotivation: null as string | null,
    signatures: [] as SignatureView[],
    signedAt: null as string | null,
    verification: undefined as RecordVerification | undefined,
    /** Set to make the next signConversation fail with this GraphQL error. */
    refuseSign: null as { code: string; reason?: string } | null,
    /** Set to refuse every request as the server refuses an invite that no longer opens it. */
    refuseInvite: false,
    calls: [] as Call[],
    /** Conversations planned after this one (by ScheduleNextConversation). */
    planned: [] as { id: string; status: ConversationStatus; scheduledAt: string }[],
  };
  const hash = () => `${String(state.revision).padStart(2, "0")}`.padEnd(64, "f");
  const json = () =>
    JSON.stringify({
      ...state.record,
      endedAt: isLive(state.status) ? null : (state.record.endedAt ?? "2026-03-03T10:10:00.000Z"),
    });

  const conversation = () => ({
    __typename: "Conversation",
    id: "c1",
    status: state.status,
    phase: isLive(state.status) ? "afronden" : null,
    section: null,
    endedAt: isLive(state.status) ? null : "2026-03-03T10:10:00.000Z",
    signedAt: state.signedAt,
    conclusion: state.conclusion,
    conclusionMotivation: state.conclusionMotivation,
    studentConclusion: state.studentConclusion,
    studentMotivation: state.studentMotivation,
    recordHash: isLocked(state.status) ? hash() : null,
    record: {
      __typename: "ConversationRecord",
      hash: hash(),
      json: json(),
      isLocked: isLocked(state.status),
    },
    signatures: state.signatures.map((s) => ({
      __typename: "SignatureView",
      isValid: s.isValid,
      person: { __typename: "Person", ...s.person },
      signature: { __typename: "Signature", ...s.signature },
    })),
    nextConversationProposal: isLive(state.status) ? null : "2026-09-01",
  });

  function answer(name: string, variables: Record<string, unknown>): FormattedExecutionResult {
    state.calls.push({ name, variables });
    if (state.refuseInvite) {
      // The app's client forgets the session and its cached data on such a refusal.
      setTimeout(() => void graphql.client.clearStore(), 0);
      return {
        errors: [
          {
            message: "This conversation is closed; the invite no longer opens it.",
            extensions: { code: "UNAUTHENTICATED", reason: "token_refused" },
          },
        ],
      };
    }
    switch (name) {
      case "Signoff":
        return { data: { conversation: conversation() } };
      case "SetConclusion":
        state.conclusion = variables.conclusion as Conclusion;
        state.conclusionMotivation = (variables.motivation as string | null) ?? null;
        state.revision += 1;
        return { data: { setConclusion: conversation() } };
      case "SetStudentConclusion":
        state.studentConclusion = variables.conclusion as Conclusion;
        state.studentMotivation = (variables.motivation as string | null) ?? null;
        state.revision += 1;
        return { data: { setStudentConclusion: conversation() } };
      case "SignConversation": {
        const refusal = state.refuseSign;
        if (refusal) {
          state.refuseSign = null;
          return { errors: [{ message: "refused", extensions: { ...refusal } }] };
        }
        if (variables.contentHash !== hash()) {
          return {
            errors: [
              { message: "changed", extensions: { code: "CONFLICT", reason: "content_changed" } },
            ],
          };
        }
        state.signatures.push({
          isValid: true,
          person: { id: "p-student", name: "Sanne de Vries", role: "student" },
          signature: {
            id: `s${state.signatures.length + 1}`,
            role: "student",
            method: "digital",
            contentHash: hash(),
            signedAt: "2026-03-03T10:30:00.000Z",
            voidedAt: null,
            voidReason: null,
          },
        });
        const roles = new Set(
          state.signatures.filter((s) => s.isValid).map((s) => s.signature.role),
        );
        if (roles.size === 3) {
          // The third akkoord locks the record; the invites keep opening it, read-only.
          state.status = "signed";
          state.signedAt = "2026-03-03T10:30:00.000Z";
          return { data: { signConversation: conversation() } };
        }
        return { data: { signConversation: conversation() } };
      }
      case "RecordPaperSignatures":
        state.status = "signed";
        state.signedAt = "2026-03-03T10:40:00.000Z";
        return { data: { recordPaperSignatures: conversation() } };
      case "EndConversation":
        state.status = "ended";
        state.revision += 1; // endedAt is part of the record
        return { data: { endConversation: conversation() } };
      case "PlacementConversations":
        return {
          data: {
            conversation: {
              __typename: "Conversation",
              id: "c1",
              scheduledAt: "2026-03-03T09:00:00.000Z",
              mode: "in_person",
              placement: {
                __typename: "Placement",
                id: "pl1",
                conversations: state.planned.map((c) => ({ __typename: "Conversation", ...c })),
              },
            },
          },
        };
      case "ScheduleNextConversation": {
        const planned = {
          id: `c${state.planned.length + 2}`,
          status: "planned" as ConversationStatus,
          scheduledAt: String(variables.scheduledAt),
        };
        state.planned.push(planned);
        return {
          data: {
            scheduleConversation: {
              __typename: "ScheduledConversation",
              conversation: { __typename: "Conversation", ...planned },
            },
          },
        };
      }
      case "VerifyRecord":
        return {
          data: {
            verifyRecord: {
              __typename: "RecordVerification",
              ...(state.verification ?? {
                isLocked: true,
                isIntact: true,
                signaturesMatch: true,
                storedHash: hash(),
                computedHash: hash(),
              }),
            },
          },
        };
      default:
        throw new Error(`The fake server does not know ${name}`);
    }
  }

  const link = new ApolloLink((operation) => {
    // Subscriptions stay open and quiet: tests change `state` and let the panel ask again.
    if (operation.operationName === "PhaseChanged") return new Observable(() => {});
    return new Observable<FormattedExecutionResult>((observer) => {
      const timer = setTimeout(() => {
        observer.next(answer(operation.operationName ?? "", operation.variables));
        observer.complete();
      }, 0);
      return () => clearTimeout(timer);
    });
  });

  const graphql: AppGraphQL = {
    client: new ApolloClient({ link, cache: new InMemoryCache() }),
    ws: {} as WsClient,
    connectionState: ref("connected"),
    connectCount: ref(1),
  };
  const callsOf = (name: string) => state.calls.filter((c) => c.name === name);
  return { state, graphql, hash, callsOf };
}
