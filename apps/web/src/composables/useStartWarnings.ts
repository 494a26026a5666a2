import { isParticipantRole, schoolDate } from "@driehoek/domain";
import { computed, type Ref } from "vue";
import type { CollabPeer, CollabStatus } from "./useCollabDoc";
import { useLabels } from "./useLabels";

/**
 * Why starting the conversation now asks first: it is planned for another day (that day,
 * written out), or nobody else has it open (known only while connected).
 */
export function useStartWarnings(
  scheduledAt: Ref<string | undefined>,
  today: Ref<string>,
  peers: Ref<readonly CollabPeer[]>,
  status: Ref<CollabStatus>,
) {
  const { formatDate } = useLabels();
  return computed(() => {
    const planned = scheduledAt.value ? schoolDate(new Date(scheduledAt.value)) : null;
    const others = peers.value.filter((p) => !p.isSelf && isParticipantRole(p.role));
    return {
      otherDay: planned && planned !== today.value ? formatDate(planned) : null,
      isAlone: status.value === "online" && others.length === 0,
    };
  });
}
