import { onBeforeUnmount, ref, watch } from "vue";

/**
 * Whether an element is (partly) inside the viewport, or null while that is not known (no
 * element yet, or no IntersectionObserver, as in tests).
 */
export function useInView(target: () => Element | null | undefined) {
  const inView = ref<boolean | null>(null);
  let observer: IntersectionObserver | null = null;
  watch(
    target,
    (element) => {
      observer?.disconnect();
      observer = null;
      inView.value = null;
      if (!element || typeof IntersectionObserver === "undefined") return;
      observer = new IntersectionObserver((entries) => {
        const entry = entries.at(-1);
        if (entry) inView.value = entry.isIntersecting;
      });
      observer.observe(element);
    },
    { immediate: true, flush: "post" },
  );
  onBeforeUnmount(() => observer?.disconnect());
  return inView;
}
