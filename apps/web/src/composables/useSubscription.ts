import type {
  ApolloClient,
  ErrorLike,
  OperationVariables,
  TypedDocumentNode,
} from "@apollo/client";
import { type MaybeRefOrGetter, onScopeDispose, type Ref, shallowRef, toValue, watch } from "vue";
import { useGraphQL } from "../graphql/client";

/** Options of `useSubscription`. */
export interface SubscriptionOptions<TData> {
  /** Called for every event, e.g. to write it into the cache. */
  onData?: (data: TData) => void;
  /** Subscribes only while this is true (default: always). */
  enabled?: MaybeRefOrGetter<boolean>;
}

/** What `useSubscription` returns. */
export interface SubscriptionState<TData> {
  /** The latest event. */
  data: Readonly<Ref<TData | undefined>>;
  /** The latest error; graphql-ws retries dropped connections on its own before giving one. */
  error: Readonly<Ref<ErrorLike | undefined>>;
}

/**
 * A small Vue binding for Apollo Client's `subscribe`. Re-subscribes when `variables` change
 * and unsubscribes with the calling component.
 */
export function useSubscription<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
  options: SubscriptionOptions<TData> = {},
): SubscriptionState<TData> {
  const { client } = useGraphQL();
  const data = shallowRef<TData>();
  const error = shallowRef<ErrorLike>();
  let stop: (() => void) | undefined;

  function restart(): void {
    stop?.();
    stop = undefined;
    if (!toValue(options.enabled ?? true)) return;
    const subscription = client
      .subscribe<TData, TVariables>({
        query,
        variables: toValue(variables),
      } as ApolloClient.SubscribeOptions<TData, TVariables>)
      .subscribe({
        next(result) {
          if (result.error) {
            error.value = result.error;
            return;
          }
          if (result.data) {
            error.value = undefined;
            data.value = result.data as TData;
            options.onData?.(result.data as TData);
          }
        },
        error(err: ErrorLike) {
          error.value = err;
        },
      });
    stop = () => subscription.unsubscribe();
  }

  watch(() => [JSON.stringify(toValue(variables)), toValue(options.enabled ?? true)], restart, {
    immediate: true,
  });
  onScopeDispose(() => stop?.());

  return { data, error };
}
