/**
 * A stand-in for the Driehoek server in component tests: the app's own Apollo client (cache,
 * type policies, session rules) over a link that executes every operation against the server's
 * committed schema, answering from resolvers the test gives. The schema checks each operation,
 * its variables and every value a resolver returns, as the real server would; subscriptions
 * stay open and receive what the test publishes.
 */
import { ApolloLink } from "@apollo/client";
import {
  buildSchema,
  type ExecutionResult,
  execute,
  GraphQLError,
  OperationTypeNode,
  subscribe,
} from "graphql";
import type { Client as WsClient } from "graphql-ws";
import { Observable } from "rxjs";
import { ref } from "vue";
import schemaSource from "../../../server/schema.graphql?raw";
import { type AppGraphQL, createApolloClient } from "../graphql/client";

const schema = buildSchema(schemaSource);

/**
 * Root fields of queries and mutations by name, each given the field's arguments. They return
 * plain data (no `__typename`: the schema knows the types) or throw a `GraphQLError`.
 */
export type Resolvers = Record<string, (args: never) => unknown>;

/** An operation the server received. */
export interface Request {
  name: string;
  variables: Record<string, unknown>;
}

/** The error a root field answers with while it is set in `failing`. */
export interface Failure {
  code: string;
  reason?: string;
}

/** What a test holds of the server. */
export interface SchemaServer {
  /** Provide this under `GRAPHQL_KEY`. */
  graphql: AppGraphQL;
  /** Every query and mutation asked, in order. */
  requests: Request[];
  /** Root fields that fail with an error of this code until removed. */
  failing: Partial<Record<string, Failure>>;
  /** The variables of every request of the named operation. */
  callsOf(name: string): Record<string, unknown>[];
  /**
   * Sends `value` as a `field` event to the open subscriptions of that field whose arguments
   * agree with it (a `conversationId` argument receives only values with that id).
   */
  publish(field: string, value: Record<string, unknown>): void;
  /** How many subscriptions of `field` are open right now. */
  openSubscriptions(field: string): number;
  /** The live connection came back: views refetch what they may have missed. */
  reconnect(): void;
}

interface OpenSubscription {
  field: string;
  args: Record<string, unknown>;
  push(value: unknown): void;
}

/** A server answering from `resolvers`; see the file comment. */
export function schemaServer(resolvers: Resolvers): SchemaServer {
  const requests: Request[] = [];
  const failing: SchemaServer["failing"] = {};
  const open = new Set<OpenSubscription>();

  const rootValue = Object.fromEntries(
    Object.entries(resolvers).map(([field, resolve]) => [
      field,
      (args: never) => {
        const failure = failing[field];
        if (failure) throw new GraphQLError(`${field} failed`, { extensions: { ...failure } });
        return resolve(args);
      },
    ]),
  );

  /** An async iterator that yields what `publish` pushes, until the client unsubscribes. */
  function openSubscription(field: string, args: Record<string, unknown>): AsyncIterator<unknown> {
    const queue: unknown[] = [];
    let wake = () => {};
    let isClosed = false;
    const entry: OpenSubscription = {
      field,
      args,
      push(value) {
        queue.push(value);
        wake();
      },
    };
    open.add(entry);
    return {
      async next() {
        while (!isClosed && queue.length === 0) await new Promise<void>((r) => (wake = r));
        return isClosed ? { done: true, value: undefined } : { done: false, value: queue.shift() };
      },
      async return() {
        isClosed = true;
        open.delete(entry);
        wake();
        return { done: true, value: undefined };
      },
    };
  }

  const link = new ApolloLink((operation) => {
    const request = {
      schema,
      document: operation.query,
      variableValues: operation.variables,
      operationName: operation.operationName,
    };
    if (operation.operationType === OperationTypeNode.SUBSCRIPTION) {
      return new Observable<ExecutionResult>((observer) => {
        let iterator: AsyncIterator<ExecutionResult> | undefined;
        let isStopped = false;
        void (async () => {
          const result = await subscribe({
            ...request,
            subscribeFieldResolver: (_source, args, _context, info) => ({
              [Symbol.asyncIterator]: () => openSubscription(info.fieldName, args),
            }),
          });
          if (!(Symbol.asyncIterator in result)) {
            observer.next(result);
            observer.complete();
            return;
          }
          iterator = result[Symbol.asyncIterator]();
          if (isStopped) return void iterator.return?.();
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            observer.next(next.value);
          }
        })();
        return () => {
          isStopped = true;
          void iterator?.return?.();
        };
      }) as ReturnType<ApolloLink.RequestHandler>;
    }
    requests.push({ name: operation.operationName ?? "", variables: operation.variables });
    return new Observable<ExecutionResult>((observer) => {
      // Answer on a later turn, as a network would.
      const timer = setTimeout(async () => {
        observer.next(await execute({ ...request, rootValue }));
        observer.complete();
      }, 0);
      return () => clearTimeout(timer);
    }) as ReturnType<ApolloLink.RequestHandler>;
  });

  const connectCount = ref(1);
  const graphql: AppGraphQL = {
    client: createApolloClient(link),
    ws: {} as WsClient,
    connectionState: ref("connected"),
    connectCount,
  };

  return {
    graphql,
    requests,
    failing,
    callsOf: (name) => requests.filter((r) => r.name === name).map((r) => r.variables),
    publish(field, value) {
      for (const entry of open) {
        const agrees = Object.entries(entry.args).every(
          ([key, arg]) => !(key in value) || value[key] === arg,
        );
        if (entry.field === field && agrees) entry.push({ [field]: value });
      }
    },
    openSubscriptions: (field) => [...open].filter((entry) => entry.field === field).length,
    reconnect() {
      connectCount.value += 1;
    },
  };
}
