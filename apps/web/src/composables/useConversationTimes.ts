import { conversationTimes, type PhaseTime } from "@driehoek/domain";
import { computed, type MaybeRefOrGetter, type Ref, toValue } from "vue";
import { CONVERSATION_TIMES } from "../graphql/operations";
import { useConversationEvents } from "./useConversationEvents";
import { useNow } from "./useNow";
import { useQuery } from "./useQuery";

/**
 * The time really spent per phase and section of a conversation, as the server recorded it:
 * read again whenever the conversation moves, and counting up (every 15 s) while a part runs.
 */
export function useConversationTimes(id: MaybeRefOrGetter<string>): Ref<PhaseTime[]> {
  const query = useQuery(CONVERSATION_TIMES, () => ({ id: toValue(id) }));
  useConversationEvents(id, ({ kinds }) => {
    if (kinds.has("PHASE") || kinds.has("SECTION") || kinds.has("STATUS")) void query.refetch();
  });
  const clock = useNow(15_000);
  return computed(() => {
    const current = query.data.value?.conversation;
    if (!current) return [];
    return conversationTimes(
      { phasePeriods: current.phasePeriods, sectionPeriods: current.sectionPeriods },
      clock.value,
    );
  });
}
