import {
  type ComputedRef,
  computed,
  type MaybeRefOrGetter,
  onScopeDispose,
  shallowRef,
  toValue,
  watch,
} from "vue";

/** The part of a Yjs type this needs: any Y.Map, Y.Array, Y.Text or Y.XmlFragment fits. */
export interface Observable {
  observe(listener: () => void): void;
  unobserve(listener: () => void): void;
  observeDeep(listener: () => void): void;
  unobserveDeep(listener: () => void): void;
}

/** Options of `useYObserved`. */
export interface YObservedOptions {
  /** Also re-read on changes inside nested types (default true); false: only the type's own. */
  deep?: boolean;
}

/**
 * A reactive reading of a Yjs type: `read()` runs again after every change to `source` (local or
 * remote; with `deep`, also inside it), when `source` itself is replaced, and when anything
 * reactive that `read()` uses changes (e.g. a prop).
 */
export function useYObserved<T>(
  source: MaybeRefOrGetter<Observable | null | undefined>,
  read: () => T,
  options: YObservedOptions = {},
): ComputedRef<T> {
  const deep = options.deep ?? true;
  const version = shallowRef(0);
  const bump = () => {
    version.value += 1;
  };
  let stop: (() => void) | null = null;

  watch(
    () => toValue(source),
    (type) => {
      stop?.();
      stop = null;
      bump();
      if (!type) return;
      if (deep) {
        type.observeDeep(bump);
        stop = () => type.unobserveDeep(bump);
      } else {
        type.observe(bump);
        stop = () => type.unobserve(bump);
      }
    },
    { immediate: true },
  );
  onScopeDispose(() => stop?.());

  return computed(() => {
    void version.value;
    return read();
  });
}
