import type { ErrorLike } from "@apollo/client";
import { type Conclusion, isLocked as isLockedStatus } from "@driehoek/domain";
import { computed, type MaybeRefOrGetter, ref, shallowRef, toValue } from "vue";
import { conflictReason, type SignOutcome } from "../components/signoff/signing";
import { useGraphQL } from "../graphql/client";
import type { ConversationChangeKind } from "../graphql/operations";
import {
  END_CONVERSATION,
  MARK_ENTERED,
  RECORD_PAPER_SIGNATURES,
  type RecordVerification,
  SET_CONCLUSION,
  SET_NO_PARTICULARS,
  SET_STUDENT_CONCLUSION,
  SIGN_CONVERSATION,
  SIGNOFF,
  type SignedConversation,
  VERIFY_RECORD,
} from "../graphql/signoff";
import { useConversationEvents } from "./useConversationEvents";
import { useQuery } from "./useQuery";

/**
 * The changes after which the sign-off data is read again: a conclusion saved, an akkoord given
 * or voided, the next conversation planned, the stored record updated (the live document reaches
 * it every few seconds), or the status moved (ended, locked).
 */
const SIGNOFF_KINDS: readonly ConversationChangeKind[] = [
  "STATUS",
  "CONCLUSION",
  "SIGNATURES",
  "NEXT_CONVERSATION",
  "RECORD",
  "ARCHIVE",
];

/** The sign-off actions, one at a time. */
export type SignoffAction = "sign" | "paper" | "end" | "verify" | "entered" | "noParticulars";

/**
 * The sign-off of one conversation: the conclusion, the record to sign, the signatures, the
 * lock. Read again whenever the page's `conversationChanged` events say one of them changed.
 */
export function useSignoff(id: MaybeRefOrGetter<string>) {
  const { client } = useGraphQL();
  const query = useQuery(SIGNOFF, () => ({ id: toValue(id) }));
  const conversation = computed(() => query.data.value?.conversation);
  // The third akkoord's own reply says the record is locked. Keep that: an invite session is
  // refused from then on, so no later read may confirm it.
  const lockedBySigning = shallowRef<SignedConversation>();
  const isLocked = computed(
    () =>
      (!!conversation.value && isLockedStatus(conversation.value.status)) ||
      conversation.value?.record.isLocked === true ||
      lockedBySigning.value !== undefined,
  );

  useConversationEvents(id, ({ kinds }) => {
    if (SIGNOFF_KINDS.some((kind) => kinds.has(kind))) void query.refetch();
  });

  const busy = ref<SignoffAction | null>(null);
  const actionError = shallowRef<{ action: SignoffAction; error: ErrorLike }>();
  const verification = shallowRef<RecordVerification>();

  async function run(action: SignoffAction, work: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false;
    busy.value = action;
    actionError.value = undefined;
    try {
      await work();
      return true;
    } catch (error) {
      actionError.value = { action, error: error as ErrorLike };
      return false;
    } finally {
      busy.value = null;
      // Whatever happened, show the state the server has now.
      await query.refetch();
    }
  }

  const conversationId = () => toValue(id);

  return {
    conversation,
    isLocked,
    /** Set when this person's akkoord was the third: the lock as its reply reported it. */
    lockedBySigning,
    loading: query.loading,
    error: query.error,
    busy,
    actionError,
    verification,
    refetch: query.refetch,

    /**
     * Saves one of the two conclusions as it is typed (the form saves itself): the student's
     * statement or the begeleider's judgement. Throws when it was not stored; apart from other
     * actions, so a save never waits for (or blocks) an akkoord. The reply updates the cache;
     * everyone else hears CONCLUSION.
     */
    async writeConclusion(
      who: "begeleider" | "student",
      conclusion: Conclusion,
      motivation: string | null,
    ): Promise<void> {
      const variables = { conversationId: conversationId(), conclusion, motivation };
      if (who === "begeleider") await client.mutate({ mutation: SET_CONCLUSION, variables });
      else await client.mutate({ mutation: SET_STUDENT_CONCLUSION, variables });
    },

    /**
     * The caller's akkoord on the record with `hash`, the one on their screen. The record is
     * read again first: when it changed, nothing is signed and the new version is shown.
     */
    async sign(hash: string): Promise<SignOutcome> {
      if (busy.value) return "failed";
      busy.value = "sign";
      actionError.value = undefined;
      try {
        await query.refetch();
        if (conversation.value?.record.hash !== hash) return "changed";
        const result = await client.mutate({
          mutation: SIGN_CONVERSATION,
          variables: { conversationId: conversationId(), contentHash: hash },
        });
        const signed = result.data?.signConversation;
        if (signed && isLockedStatus(signed.status)) lockedBySigning.value = signed;
        return "accepted";
      } catch (error) {
        if (conflictReason(error) === "content_changed") return "changed";
        actionError.value = { action: "sign", error: error as ErrorLike };
        return "failed";
      } finally {
        busy.value = null;
        await query.refetch();
      }
    },

    /** BPV-begeleider: all three signed the printed form. */
    recordPaperSignatures: () =>
      run("paper", () =>
        client.mutate({
          mutation: RECORD_PAPER_SIGNATURES,
          variables: { conversationId: conversationId() },
        }),
      ),

    /**
     * BPV-begeleider: ends the live conversation; `acceptNotSmart` goes on (recorded) although
     * agreements are not yet SMART. Refused without it while any is not (`not_smart`).
     */
    endConversation: (acceptNotSmart = false) =>
      run("end", () =>
        client.mutate({
          mutation: END_CONVERSATION,
          variables: { conversationId: conversationId(), acceptNotSmart },
        }),
      ),

    /** BPV-begeleider: the signed report is entered into the student system. */
    markEntered: () =>
      run("entered", () =>
        client.mutate({ mutation: MARK_ENTERED, variables: { conversationId: conversationId() } }),
      ),

    /** BPV-begeleider: "geen bijzonderheden" ticked or cleared. */
    setNoParticulars: (noParticulars: boolean) =>
      run("noParticulars", () =>
        client.mutate({
          mutation: SET_NO_PARTICULARS,
          variables: { conversationId: conversationId(), noParticulars },
        }),
      ),

    /** Checks the locked record against its hash and signatures. */
    verify: () =>
      run("verify", async () => {
        verification.value = undefined;
        const result = await client.query({
          query: VERIFY_RECORD,
          variables: { conversationId: conversationId() },
          fetchPolicy: "network-only",
        });
        verification.value = result.data?.verifyRecord;
      }),
  };
}
