import type { ApolloClient, ErrorLike } from "@apollo/client";
import {
  computed,
  effectScope,
  type MaybeRefOrGetter,
  onScopeDispose,
  type Ref,
  type ShallowRef,
  shallowRef,
  toValue,
  watch,
} from "vue";
import { type AppGraphQL, useGraphQL } from "../graphql/client";
import {
  CONVERSATION_CHANGED,
  type ConversationChange,
  type ConversationChangeKind,
} from "../graphql/operations";

/** Every kind of change, for when any of them may have been missed. */
const EVERY_KIND: ReadonlySet<ConversationChangeKind> = new Set<ConversationChangeKind>([
  "PHASE",
  "SECTION",
  "STATUS",
  "CONCLUSION",
  "SIGNATURES",
  "NEXT_CONVERSATION",
  "RECORD",
]);

/** What a listener hears. */
export interface ConversationEvent {
  /** What changed. */
  kinds: ReadonlySet<ConversationChangeKind>;
  /** The event; null after a reconnect, when events may have been lost and any kind counts. */
  change: ConversationChange | null;
}

/** One open subscription and the parts of the page listening to it. */
interface Channel {
  listeners: Set<(event: ConversationEvent) => void>;
  error: ShallowRef<ErrorLike | undefined>;
  close(): void;
}

// Per client, per conversation: however many parts of the page listen, one subscription.
const channels = new WeakMap<ApolloClient, Map<string, Channel>>();

/**
 * Listens to the conversation's `conversationChanged` events, sharing one subscription per
 * conversation with every other part of the page: the first listener opens it and the last one
 * to go closes it. Each event's current position (phase, section, status) is written into the
 * cache once, so every query showing the conversation follows at once; `onEvent` then decides
 * what else to read again from the event's kinds. After a reconnect, when events may have been
 * lost, listeners hear every kind.
 */
export function useConversationEvents(
  id: MaybeRefOrGetter<string>,
  onEvent: (event: ConversationEvent) => void,
): { error: Readonly<Ref<ErrorLike | undefined>> } {
  const graphql = useGraphQL();
  const channel = shallowRef<Channel>();
  let leave = () => {};

  watch(
    () => toValue(id),
    (conversationId) => {
      leave();
      leave = join(graphql, conversationId, onEvent, channel);
    },
    { immediate: true },
  );
  onScopeDispose(() => leave());

  return { error: computed(() => channel.value?.error.value) };
}

function join(
  graphql: AppGraphQL,
  conversationId: string,
  onEvent: (event: ConversationEvent) => void,
  current: ShallowRef<Channel | undefined>,
): () => void {
  const byId = channels.get(graphql.client) ?? new Map<string, Channel>();
  channels.set(graphql.client, byId);
  let channel = byId.get(conversationId);
  if (!channel) {
    channel = open(graphql, conversationId);
    byId.set(conversationId, channel);
  }
  const joined = channel;
  joined.listeners.add(onEvent);
  current.value = joined;
  return () => {
    joined.listeners.delete(onEvent);
    if (joined.listeners.size > 0) return;
    joined.close();
    byId.delete(conversationId);
  };
}

function open(graphql: AppGraphQL, conversationId: string): Channel {
  const { client } = graphql;
  const listeners = new Set<(event: ConversationEvent) => void>();
  const notify = (event: ConversationEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const error = shallowRef<ErrorLike>();

  const subscription = client
    .subscribe({ query: CONVERSATION_CHANGED, variables: { conversationId } })
    .subscribe({
      next(result) {
        if (result.error) {
          error.value = result.error;
          return;
        }
        const change = result.data?.conversationChanged;
        if (!change) return;
        error.value = undefined;
        writePosition(client, change);
        notify({ kinds: new Set(change.kinds), change });
      },
      error(err: ErrorLike) {
        error.value = err;
      },
    });

  // The channel outlives the component that opened it, so its watcher is not that component's.
  const scope = effectScope(true);
  scope.run(() =>
    watch(graphql.connectCount, (count, previous) => {
      if (previous > 0 && count > previous) notify({ kinds: EVERY_KIND, change: null });
    }),
  );

  return {
    listeners,
    error,
    close() {
      subscription.unsubscribe();
      scope.stop();
    },
  };
}

/** Writes where the conversation stands into its cached entry, without a round trip. */
function writePosition(client: ApolloClient, change: ConversationChange): void {
  const id = client.cache.identify({ __typename: "Conversation", id: change.conversationId });
  if (!id) return;
  client.cache.modify({
    id,
    fields: {
      phase: () => change.phase,
      section: () => change.section,
      phaseStartedAt: () => change.startedAt,
      status: () => change.status,
    },
  });
}
