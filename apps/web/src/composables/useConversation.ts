import type { ApolloClient, ErrorLike } from "@apollo/client";
import { computed, type MaybeRefOrGetter, ref, shallowRef, toValue, watch } from "vue";
import { useGraphQL } from "../graphql/client";
import {
  ADVANCE_PHASE,
  CONVERSATION,
  CONVERSATION_CHANGED,
  type ConversationChange,
  MOVE_TO_SECTION,
  RETURN_TO_PREVIOUS_PHASE,
  START_CONVERSATION,
} from "../graphql/operations";
import { useQuery } from "./useQuery";
import { useSubscription } from "./useSubscription";

/**
 * One live conversation: its data, kept current by the `conversationChanged` subscription, and the
 * supervisor's moves. Every move's result and every pushed change land in the Apollo cache,
 * so all views of the conversation update together.
 */
export function useConversation(id: MaybeRefOrGetter<string>) {
  const { client, connectCount } = useGraphQL();
  const query = useQuery(CONVERSATION, () => ({ id: toValue(id) }));
  const conversation = computed(() => query.data.value?.conversation);

  const live = useSubscription(CONVERSATION_CHANGED, () => ({ conversationId: toValue(id) }), {
    onData: ({ conversationChanged }) => {
      const statusChanged = applyPhaseChange(client, conversationChanged);
      // startedAt/endedAt are not in the event; fetch them when the status moved on.
      if (statusChanged) void query.refetch();
    },
  });

  // Events sent while the socket was down are lost: after a reconnect, ask for the current state.
  watch(connectCount, (count, previous) => {
    if (previous > 0 && count > previous) void query.refetch();
  });

  const isMoving = ref(false);
  const moveError = shallowRef<ErrorLike>();

  async function move(run: () => Promise<unknown>): Promise<void> {
    if (isMoving.value) return;
    isMoving.value = true;
    moveError.value = undefined;
    try {
      await run();
    } catch (error) {
      moveError.value = error as ErrorLike;
      // A CONFLICT means someone else moved first: show the state the server has now.
      await query.refetch();
    } finally {
      isMoving.value = false;
    }
  }

  const conversationId = () => ({ conversationId: toValue(id) });

  return {
    conversation,
    loading: query.loading,
    error: query.error,
    liveError: live.error,
    isMoving,
    moveError,
    refetch: query.refetch,
    /** Supervisor: starts a planned conversation. */
    start: () =>
      move(() => client.mutate({ mutation: START_CONVERSATION, variables: conversationId() })),
    /** Supervisor: moves on to the next phase. */
    advance: () =>
      move(() => client.mutate({ mutation: ADVANCE_PHASE, variables: conversationId() })),
    /** Supervisor: goes back one phase. */
    goBack: () =>
      move(() =>
        client.mutate({ mutation: RETURN_TO_PREVIOUS_PHASE, variables: conversationId() }),
      ),
    /** Supervisor: jumps to a section of the current phase. */
    moveToSection: (section: string) =>
      move(() =>
        client.mutate({
          mutation: MOVE_TO_SECTION,
          variables: { ...conversationId(), section },
        }),
      ),
  };
}

/**
 * Writes a pushed phase change into the cached conversation, so every query showing it
 * updates without a round trip. Returns whether the status changed.
 */
export function applyPhaseChange(client: ApolloClient, change: ConversationChange): boolean {
  const id = client.cache.identify({ __typename: "Conversation", id: change.conversationId });
  if (!id) return false;
  let statusChanged = false;
  client.cache.modify({
    id,
    fields: {
      phase: () => change.phase,
      section: () => change.section,
      phaseStartedAt: () => change.startedAt,
      status: (previous) => {
        statusChanged = previous !== change.status;
        return change.status;
      },
    },
  });
  return statusChanged;
}
