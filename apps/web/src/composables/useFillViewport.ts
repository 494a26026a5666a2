import { type MaybeRefOrGetter, onScopeDispose, type Ref, ref, toValue, watch } from "vue";

/**
 * The height from an element's top to the bottom of the screen (px), kept current when the
 * window or the page above it changes size; null while `enabled` is false. An element given
 * this height fills the rest of the screen, so its parts scroll inside it and the page does not.
 */
export function useFillViewport(
  element: Ref<HTMLElement | null>,
  enabled: MaybeRefOrGetter<boolean>,
): Ref<number | null> {
  const height = ref<number | null>(null);

  function measure(): void {
    const el = element.value;
    if (!el || !toValue(enabled)) {
      height.value = null;
      return;
    }
    const top = el.getBoundingClientRect().top + window.scrollY;
    height.value = Math.max(320, Math.floor(window.innerHeight - top));
  }

  const observer =
    typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => measure());
  watch(
    [element, () => toValue(enabled)],
    ([el], _previous, onCleanup) => {
      measure();
      // What sits above the element (headers, notices) can grow or shrink: watch the page.
      const target = el?.ownerDocument.body;
      if (target && observer) {
        observer.observe(target);
        onCleanup(() => observer.unobserve(target));
      }
    },
    { immediate: true, flush: "post" },
  );
  globalThis.addEventListener?.("resize", measure);
  onScopeDispose(() => {
    globalThis.removeEventListener?.("resize", measure);
    observer?.disconnect();
  });
  return height;
}
