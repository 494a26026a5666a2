import { computed, type MaybeRefOrGetter, toValue } from "vue";
import { useConversationEvents } from "../../composables/useConversationEvents";
import { useQuery } from "../../composables/useQuery";
import { TALK_SHARE } from "./operations";

/** The conversation's talk shares, read again whenever speech is reported or the phase moves. */
export function useTalkShare(id: MaybeRefOrGetter<string>) {
  const query = useQuery(TALK_SHARE, () => ({ id: toValue(id) }));
  let pending: ReturnType<typeof setTimeout> | null = null;
  useConversationEvents(id, ({ kinds }) => {
    if (!(kinds.has("TALK") || kinds.has("PHASE") || kinds.has("STATUS"))) return;
    // Three devices report every few seconds: one read for a burst of pushes.
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      void query.refetch();
    }, 400);
  });
  return computed(() => query.data.value?.conversation.talkShare ?? null);
}
