import type {
  ApolloClient,
  ErrorLike,
  OperationVariables,
  TypedDocumentNode,
} from "@apollo/client";
import { type MaybeRefOrGetter, onScopeDispose, type Ref, shallowRef, toValue, watch } from "vue";
import { useGraphQL } from "../graphql/client";

/** What `useQuery` returns: reactive result state and a way to ask the server again. */
export interface QueryState<TData> {
  /** The latest complete data, kept while a refetch runs so the page does not flicker. */
  data: Readonly<Ref<TData | undefined>>;
  /** The latest error, cleared by the next good result. */
  error: Readonly<Ref<ErrorLike | undefined>>;
  /** Whether a request is in flight. */
  loading: Readonly<Ref<boolean>>;
  /** Asks the server again, e.g. after a reconnect that may have missed updates. */
  refetch: () => Promise<void>;
}

/**
 * A small Vue binding for Apollo Client 4's `watchQuery` (its own Vue integration supports only
 * Apollo 3). The result follows the cache, so mutations and subscription updates written to the
 * cache show up at once. Re-runs when `variables` change; stops with the calling component.
 */
export function useQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
): QueryState<TData> {
  const { client } = useGraphQL();
  const data = shallowRef<TData>();
  const error = shallowRef<ErrorLike>();
  const loading = shallowRef(true);

  const observable = client.watchQuery<TData, TVariables>({
    query,
    variables: toValue(variables),
    // Show the cache at once but always check with the server: others may have moved on.
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
    notifyOnNetworkStatusChange: true,
    // A refetch after a change must ask the server anew. With deduplication it would share the
    // answer of a request still in flight from before the change, and show that stale answer.
    context: { queryDeduplication: false },
  } as ApolloClient.WatchQueryOptions<TData, TVariables>);

  // Asking again while a request is out waits for its answer and then asks anew: answers come
  // back in the order asked, so an answer from before a change never overwrites a later one.
  let askAgain: (() => void)[] = [];
  const fetchAgain = (): Promise<void> =>
    // The error also reaches `next`, so it is shown there; here it must not go unhandled.
    observable.refetch().then(
      () => {},
      () => {},
    );
  function answered(): void {
    if (askAgain.length === 0) return;
    const waiting = askAgain;
    askAgain = [];
    void fetchAgain().then(() => {
      for (const done of waiting) done();
    });
  }

  const subscription = observable.subscribe({
    next(result) {
      loading.value = result.loading;
      if (result.error) error.value = result.error;
      if (result.dataState === "complete") {
        data.value = result.data as TData;
        if (!result.error) error.value = undefined;
      }
      if (!result.loading) answered();
    },
    error(err: ErrorLike) {
      loading.value = false;
      error.value = err;
      answered();
    },
  });

  watch(
    () => JSON.stringify(toValue(variables)),
    () => void observable.setVariables(toValue(variables)).catch(() => {}),
  );

  onScopeDispose(() => subscription.unsubscribe());

  return {
    data,
    error,
    loading,
    refetch() {
      if (!loading.value) return fetchAgain();
      return new Promise<void>((done) => askAgain.push(done));
    },
  };
}
