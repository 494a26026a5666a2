import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/** What an HTTP operation's context carries besides the RequestContext: its id and deadline. */
export interface RequestDeadline {
  requestId: string;
  /** Aborted when the request's time is up or its client went away. */
  signal: AbortSignal;
}

/** The answer to a request that ran out of time (also each field that would start after it). */
export function timeoutError(timeoutMs: number, requestId?: string): GraphQLError {
  return new GraphQLError(
    `De vraag duurde te lang (meer dan ${timeoutMs} ms) en is afgebroken. ` +
      `(The request took longer than ${timeoutMs} ms and was stopped.)`,
    {
      extensions: {
        code: "TIMEOUT",
        reason: "deadline_exceeded",
        ...(requestId ? { requestId } : {}),
      },
    },
  );
}

/**
 * Once a request's deadline has passed no further resolver starts: each field that would
 * resolve fails at once, so the rest of the operation falls through without work. (A
 * database query already under way runs to its end.)
 */
export function deadlinePlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ contextValue }) {
              const signal = (contextValue as Partial<RequestDeadline>).signal;
              if (signal?.aborted) throw timeoutError(timeoutMs);
            },
          };
        },
      };
    },
  };
}
