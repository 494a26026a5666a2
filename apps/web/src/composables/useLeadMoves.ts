import { type ComputedRef, computed, type MaybeRefOrGetter, type Ref, toValue } from "vue";
import {
  nextStep,
  previousStep,
  type Step,
  type StepPhase,
} from "../components/conversation/guideSteps";
import { useLeadShortcuts } from "./useLeadShortcuts";

/** The moves of the one who leads, as `useConversation` offers them. */
interface Moves {
  isMoving: Ref<boolean>;
  advance: () => Promise<void>;
  goBack: () => Promise<void>;
  moveToSection: (section: string) => Promise<void>;
}

/**
 * "Volgende onderdeel" / "Vorig onderdeel" (a section on or back, into the next or previous
 * phase at its ends) and the phase moves, with their keyboard shortcuts while `canLead`.
 */
export function useLeadMoves(
  moves: Moves,
  phases: MaybeRefOrGetter<readonly StepPhase[]>,
  current: MaybeRefOrGetter<{ phase: string | null; section: string | null }>,
  canLead: MaybeRefOrGetter<boolean>,
): {
  next: ComputedRef<Step | null>;
  previous: ComputedRef<Step | null>;
  isFirstPhase: ComputedRef<boolean>;
  isLastPhase: ComputedRef<boolean>;
  take: (step: Step) => void;
  /** Everything the lead bar needs, in one object. */
  state: ComputedRef<{
    isFirstPhase: boolean;
    isLastPhase: boolean;
    isBusy: boolean;
    next: Step | null;
    previous: Step | null;
  }>;
} {
  const phaseIndex = computed(() =>
    toValue(phases).findIndex((p) => p.key === toValue(current).phase),
  );
  const next = computed(() => nextStep(toValue(phases), toValue(current).section));
  const previous = computed(() => previousStep(toValue(phases), toValue(current).section));
  const isFirstPhase = computed(() => phaseIndex.value <= 0);
  const isLastPhase = computed(() => phaseIndex.value === toValue(phases).length - 1);

  function take(step: Step): void {
    if (step.kind === "section") void moves.moveToSection(step.key);
    else if (step.direction === "next") void moves.advance();
    else void moves.goBack();
  }

  useLeadShortcuts(
    {
      nextSection: () => next.value && take(next.value),
      previousSection: () => previous.value && take(previous.value),
      nextPhase: () => !isLastPhase.value && void moves.advance(),
      previousPhase: () => !isFirstPhase.value && void moves.goBack(),
    },
    canLead,
  );
  const state = computed(() => ({
    isFirstPhase: isFirstPhase.value,
    isLastPhase: isLastPhase.value,
    isBusy: moves.isMoving.value,
    next: next.value,
    previous: previous.value,
  }));
  return { next, previous, isFirstPhase, isLastPhase, take, state };
}
