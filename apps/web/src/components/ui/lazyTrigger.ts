import { Comment, cloneVNode, defineComponent, Fragment, type VNode } from "vue";

/** The first element of a slot's content, looking through fragments and skipping comments. */
function firstElement(nodes: VNode[]): VNode | null {
  for (const node of nodes) {
    if (node.type === Comment) continue;
    if (node.type === Fragment && Array.isArray(node.children)) {
      const inner = firstElement(node.children as VNode[]);
      if (inner) return inner;
      continue;
    }
    return node;
  }
  return null;
}

/**
 * Renders its slot's one element with this component's attributes and listeners added, like
 * reka-ui's `as-child`: the stand-in trigger of a menu or list whose popup code has not loaded.
 */
export const WithAttrs = defineComponent({
  name: "WithAttrs",
  inheritAttrs: false,
  setup(_, { slots, attrs }) {
    return () => {
      const element = firstElement(slots.default?.() ?? []);
      return element ? cloneVNode(element, attrs, true) : null;
    };
  },
});

/** Keys that open a menu or a list from its trigger, as reka-ui's triggers do. */
export const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown", "ArrowUp"]);

/**
 * Loads a popup's code once: on hover or focus (so it is usually there by the click), or at the
 * latest when the trigger is used.
 */
export function lazyLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** What a person does first on a page: the moment to fetch the popups' code in the background. */
const FIRST_USE_EVENTS = ["pointerdown", "keydown", "touchstart"] as const;
const waiting = new Set<() => unknown>();
let isListening = false;

function onFirstUse(): void {
  for (const event of FIRST_USE_EVENTS) window.removeEventListener(event, onFirstUse, true);
  isListening = false;
  for (const load of waiting) void Promise.resolve(load()).catch(() => undefined);
  waiting.clear();
}

/**
 * Fetches a popup's code once the person starts using the page (the first tap, click or key
 * anywhere), so it is there when they reach for the menu, yet stays out of the first load.
 */
export function prefetchOnFirstUse(load: () => unknown): void {
  if (typeof window === "undefined") return;
  waiting.add(load);
  if (isListening) return;
  isListening = true;
  for (const event of FIRST_USE_EVENTS) {
    window.addEventListener(event, onFirstUse, { capture: true, passive: true });
  }
}
