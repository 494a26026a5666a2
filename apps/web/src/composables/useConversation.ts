import type { ErrorLike } from "@apollo/client";
import { computed, type MaybeRefOrGetter, ref, shallowRef, toValue } from "vue";
import { useGraphQL } from "../graphql/client";
import {
  ADVANCE_PHASE,
  CONVERSATION,
  MOVE_TO_SECTION,
  RETURN_TO_PREVIOUS_PHASE,
  START_CONVERSATION,
} from "../graphql/operations";
import { useConversationEvents } from "./useConversationEvents";
import { useQuery } from "./useQuery";

/**
 * One live conversation: its data, kept current by the page's `conversationChanged` events,
 * and the supervisor's moves. Every move's result and every pushed change land in the Apollo
 * cache, so all views of the conversation update together.
 */
export function useConversation(id: MaybeRefOrGetter<string>) {
  const { client } = useGraphQL();
  const query = useQuery(CONVERSATION, () => ({ id: toValue(id) }));
  const conversation = computed(() => query.data.value?.conversation);

  // The event moves phase, section and status in the cache itself; when the conversation was
  // started or ended, read it again for startedAt and endedAt, which the event does not carry.
  const live = useConversationEvents(id, ({ kinds }) => {
    if (kinds.has("STATUS")) void query.refetch();
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
