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
