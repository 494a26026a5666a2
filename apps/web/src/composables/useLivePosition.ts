import {
  type ConversationStatus,
  isLive as isLiveStatus,
  isPlanned as isPlannedStatus,
  type PhaseKey,
} from "@driehoek/domain";
import { computed, type Ref } from "vue";
import type { GuidePhase } from "../graphql/operations";

/**
 * Where a conversation is in the guide, from its status, phase and section: live or not,
 * the current phase and section (a phase entered without a section starts at its first),
 * and whether the Afronden area shows (live in Afronden, and after the end).
 */
export function useLivePosition(
  conversation: Ref<
    { status: ConversationStatus; phase?: PhaseKey | null; section?: string | null } | undefined
  >,
  phases: Ref<readonly GuidePhase[]>,
) {
  const isLive = computed(() => !!conversation.value && isLiveStatus(conversation.value.status));
  const isPlanned = computed(
    () => !!conversation.value && isPlannedStatus(conversation.value.status),
  );
  const isOver = computed(() => !!conversation.value && !isLive.value && !isPlanned.value);
  const currentPhase = computed(() =>
    isLive.value ? phases.value.find((p) => p.key === conversation.value?.phase) : undefined,
  );
  const currentSection = computed(() => {
    const phase = currentPhase.value;
    return phase?.sections.find((s) => s.key === conversation.value?.section) ?? phase?.sections[0];
  });
  const showsAfronden = computed(
    () => isOver.value || (isLive.value && conversation.value?.phase === "afronden"),
  );
  const sectionTitle = (key: string) =>
    phases.value.flatMap((p) => p.sections).find((s) => s.key === key)?.title;
  /** "Kern gesprek · Praktisch": where the conversation is, in one line. */
  const nowText = computed(() =>
    currentPhase.value && currentSection.value
      ? `${currentPhase.value.title} · ${currentSection.value.title}`
      : null,
  );
  return {
    isLive,
    isPlanned,
    isOver,
    currentPhase,
    currentSection,
    isInKern: computed(() => currentPhase.value?.key === "kern"),
    showsAfronden,
    sectionTitle,
    nowText,
  };
}
