import {
  CONVERSATION_STATUS_LABELS,
  type ConversationStatus,
  isAwaitingSignatures,
  type Locale,
} from "@driehoek/domain";
import { type ComputedRef, computed, type Ref, watch } from "vue";
import { useI18n } from "vue-i18n";
import type { CollabStatus } from "./useCollabDoc";

/** Where the conversation is, as the page shows it. */
export interface AnnouncedPosition {
  status: ConversationStatus | null;
  isLive: boolean;
  phaseTitle: string | null;
  sectionTitle: string | null;
  sectionKey: string | null;
  phaseKey: string | null;
  hasGuide: boolean;
}

/**
 * Everyone hears where the conversation went, whoever moved it, and when this device loses or
 * regains its connection. Only changes after both the conversation and the guide have loaded
 * count: the first load is not news; "saving" is not either (it changes per keystroke).
 */
export function useConversationAnnouncer(
  position: ComputedRef<AnnouncedPosition>,
  collabStatus: Ref<CollabStatus>,
  announce: (message: string) => unknown,
): void {
  const { t, locale } = useI18n();
  const key = computed(() => {
    const p = position.value;
    if (!p.status || !p.hasGuide) return null;
    return `${p.status}|${p.phaseKey ?? ""}|${p.sectionKey ?? ""}`;
  });
  watch(key, (next, previous) => {
    const p = position.value;
    if (!next || !previous || !p.status) return;
    if (p.isLive && p.phaseTitle && p.sectionTitle) {
      void announce(
        t("conversation.announcePhase", { phase: p.phaseTitle, section: p.sectionTitle }),
      );
    } else if (isAwaitingSignatures(p.status)) {
      void announce(t("conversation.ended"));
    } else {
      const status = CONVERSATION_STATUS_LABELS[p.status][locale.value as Locale];
      void announce(t("conversation.announceStatus", { status }));
    }
  });
  watch(collabStatus, (next, previous) => {
    if (next === "offline" && previous === "online") void announce(t("collab.offline"));
    if (next === "online" && previous === "offline") void announce(t("collab.backOnline"));
  });
}
