import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { type ConversationStatus, isLocked } from "@driehoek/domain";
import { OperationTypeNode } from "graphql";
import { createClient, type Client as WsClient } from "graphql-ws";
import { type InjectionKey, inject, type Ref, ref, watch } from "vue";
import { clearSession, currentAccessToken, sessionState } from "../composables/useSession";

/** The state of the live (websocket) connection, for a "reconnecting" notice. */
export type LiveConnectionState = "idle" | "connecting" | "connected" | "reconnecting";

/** The GraphQL client of the app with its live connection. */
export interface AppGraphQL {
  client: ApolloClient;
  /** The websocket client behind subscriptions. */
  ws: WsClient;
  /** How the websocket is doing right now. */
  connectionState: Readonly<Ref<LiveConnectionState>>;
  /** Counts successful (re)connects, so views can refetch what they may have missed. */
  connectCount: Readonly<Ref<number>>;
}

/** Key under which `main.ts` provides the GraphQL client to every component. */
export const GRAPHQL_KEY: InjectionKey<AppGraphQL> = Symbol("graphql");

// Operations that run before there is a session: an UNAUTHENTICATED reply there means a wrong
// password or invite, not that the stored session went bad.
const SIGN_IN_OPERATIONS = new Set(["Login", "JoinWithInvite"]);

/**
 * Creates the Apollo client: queries and mutations over HTTP, subscriptions over a
 * graphql-ws websocket, both on `/graphql` of the page's own origin.
 */
export function createGraphQL(origin: string = globalThis.location.origin): AppGraphQL {
  const connectionState = ref<LiveConnectionState>("idle");
  const connectCount = ref(0);
  let pongTimeout: ReturnType<typeof setTimeout> | undefined;

  const ws = createClient({
    url: `${origin.replace(/^http/, "ws")}/graphql`,
    connectionParams: () => {
      const token = currentAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // A conversation lasts 40 minutes and phones drop Wi-Fi: keep trying instead of giving up
    // after graphql-ws's default five attempts, and also after a socket error (by default only
    // close events are retried, so one refused reconnect would end the subscription). Fatal
    // closes such as 4401/4403 still stop it: graphql-ws checks those first.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 10_000))),
    // A silently dead connection (sleeping laptop, lost mobile signal) never closes by itself:
    // ping every 15 s and drop the socket when no pong comes back, so that the retry kicks in.
    keepAlive: 15_000,
    on: {
      ping: (received) => {
        if (!received) pongTimeout = setTimeout(() => ws.terminate(), 5_000);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimeout);
      },
      connecting: () => {
        if (connectionState.value !== "reconnecting") connectionState.value = "connecting";
      },
      connected: () => {
        connectionState.value = "connected";
        connectCount.value += 1;
      },
      closed: (event) => {
        // 1000 is graphql-ws closing an idle lazy connection on purpose; any other close is a
        // drop that it retries while a subscription is open.
        connectionState.value = closeCodeOf(event) === 1000 ? "idle" : "reconnecting";
      },
    },
  });

  const authLink = new SetContextLink((previous) => {
    const token = currentAccessToken();
    if (!token) return {};
    return { headers: { ...previous.headers, authorization: `Bearer ${token}` } };
  });

  const httpLink = new HttpLink({ uri: `${origin}/graphql` });
  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    ApolloLink.from([authLink, httpLink]),
  );
  // The socket must re-authenticate as the new person (terminate makes graphql-ws reconnect
  // with the new connectionParams).
  const client = createApolloClient(transport, () => ws.terminate());

  return { client, ws, connectionState, connectCount };
}

/**
 * The Apollo client over `transport` (the server, or a test's schema-backed link): the cache
 * with the app's type policies, and the session rules. An UNAUTHENTICATED reply forgets the
 * session; a different person (or nobody) signing in clears the cache, so no one sees the
 * previous person's data, after calling `onSessionChange`.
 */
export function createApolloClient(
  transport: ApolloLink,
  onSessionChange: () => void = () => {},
): ApolloClient {
  const expiredSessionLink = new ErrorLink(({ error, operation }) => {
    if (SIGN_IN_OPERATIONS.has(operation.operationName ?? "")) return;
    const isUnauthenticated =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
    if (isUnauthenticated) clearSession();
  });

  const client = new ApolloClient({
    link: ApolloLink.from([expiredSessionLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        // Guide texts have no ids; keep them whole under the guide(locale) field.
        GuidePhase: { keyFields: false },
        GuideSection: { keyFields: false },
        Participant: { keyFields: false },
        Conversation: {
          fields: {
            // A signed conversation is signed for good: a reply that left the server before
            // the lock (and arrives after it) must not show it as merely ended again.
            status: {
              merge: (existing: ConversationStatus | undefined, incoming: ConversationStatus) =>
                existing && isLocked(existing) ? existing : incoming,
            },
          },
        },
      },
    }),
  });

  // Synchronously, at the moment the session changes: the page that opens next (the list after
  // a login) starts its queries after the store is cleared, not while it is being cleared, which
  // would cancel them.
  watch(
    () => sessionState.value?.accessToken,
    () => {
      onSessionChange();
      void client.clearStore();
    },
    { flush: "sync" },
  );
  return client;
}

function closeCodeOf(event: unknown): number | undefined {
  return typeof event === "object" && event !== null && "code" in event
    ? Number((event as { code: unknown }).code)
    : undefined;
}

/** The app's GraphQL client, as provided by `main.ts`. */
export function useGraphQL(): AppGraphQL {
  const graphql = inject(GRAPHQL_KEY);
  if (!graphql) throw new Error("useGraphQL() needs the GraphQL client provided by main.ts");
  return graphql;
}
