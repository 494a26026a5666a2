import { type ComputedRef, computed } from "vue";
import { useMediaQuery } from "./useMediaQuery";

/**
 * The live page's layout by screen width: a phone (one part at a time, a bottom navigation),
 * a tablet from 768 px (two columns, guide and work) and a laptop from 1024 px (the cockpit:
 * the guide's steps, the section and the work side by side on one screen).
 */
export type LayoutMode = "phone" | "tablet" | "desk";

export function useLayoutMode(): ComputedRef<LayoutMode> {
  const isTablet = useMediaQuery("(min-width: 48rem)");
  const isDesk = useMediaQuery("(min-width: 64rem)");
  return computed(() => (isDesk.value ? "desk" : isTablet.value ? "tablet" : "phone"));
}
