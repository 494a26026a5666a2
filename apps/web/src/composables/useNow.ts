import { onScopeDispose, type Ref, shallowRef } from "vue";

/**
 * The current time, refreshed every `intervalMs`: enough for a minutes clock without
 * re-rendering the page every second.
 */
export function useNow(intervalMs = 15_000): Readonly<Ref<Date>> {
  const now = shallowRef(new Date());
  const timer = setInterval(() => {
    now.value = new Date();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
