import { type ComputedRef, computed, type MaybeRefOrGetter, shallowRef, toValue, watch } from "vue";
import type { GuidePhase } from "../graphql/operations";

/** The section one person looks at; see `useViewingSection`. */
export interface ViewingSection {
  /** The section shown on this device. */
  key: ComputedRef<string>;
  /** The section chosen to peek at, or null while following the conversation. */
  chosen: Readonly<ComputedRef<string | null>>;
  /** Peek at a section (this device only); null follows the conversation again. */
  view: (sectionKey: string | null) => void;
}

/**
 * Anyone may look at another section without moving the conversation: this device follows the
 * current section until its person picks another, and follows again when they go back or the
 * conversation arrives where they were looking.
 */
export function useViewingSection(
  phases: MaybeRefOrGetter<readonly Pick<GuidePhase, "sections">[]>,
  current: MaybeRefOrGetter<string | null>,
): ViewingSection {
  const chosen = shallowRef<string | null>(null);
  const key = computed(
    () => chosen.value ?? toValue(current) ?? toValue(phases)[0]?.sections[0]?.key ?? "",
  );
  watch(
    () => toValue(current),
    (next) => {
      if (next !== null && next === chosen.value) chosen.value = null;
    },
  );
  return {
    key,
    chosen: computed(() => chosen.value),
    view(sectionKey) {
      chosen.value = sectionKey;
    },
  };
}
