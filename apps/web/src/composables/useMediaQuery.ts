import { onScopeDispose, type Ref, shallowRef } from "vue";

/** Whether a CSS media query matches, kept current (false where there is no `matchMedia`). */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = globalThis.matchMedia?.(query);
  const matches = shallowRef(list?.matches ?? false);
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list?.addEventListener("change", update);
  onScopeDispose(() => list?.removeEventListener("change", update));
  return matches;
}
