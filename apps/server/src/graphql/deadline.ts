import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";

/**
 * Root fields slow by design (a whole roster file of up to IMPORT_MAX_ROWS rows), with the
 * multiple of the normal deadline they get.
 */
export const SLOW_ROOT_FIELDS: ReadonlyMap<string, number> = new Map([["importRoster", 6]]);

/** One request's deadline: fires `onExpire` once, `ms` after it started, unless cleared. */
export class DeadlineTimer {
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout;

  constructor(
    /** The current limit in ms. */
    public ms: number,
    private readonly onExpire: () => void,
  ) {
    this.timer = setTimeout(onExpire, ms);
  }

  /** Moves the deadline to `ms` after the start (only ever later). */
  extendTo(ms: number): void {
    if (ms <= this.ms) return;
    clearTimeout(this.timer);
    this.ms = ms;
    this.timer = setTimeout(this.onExpire, Math.max(this.startedAt + ms - Date.now(), 0));
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** What an HTTP operation's context carries besides the RequestContext: its id and deadline. */
export interface RequestDeadline {
  requestId: string;
  /** Aborted when the request's time is up or its client went away. */
  signal: AbortSignal;
  deadline: DeadlineTimer;
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
 * database query already under way runs to its end.) An operation of a slow-by-design root
 * field gets its longer deadline once it is known.
 */
export function deadlinePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { deadline } = contextValue as Partial<RequestDeadline>;
          if (!deadline) return;
          for (const selection of operation?.selectionSet.selections ?? []) {
            const factor =
              selection.kind === Kind.FIELD
                ? SLOW_ROOT_FIELDS.get(selection.name.value)
                : undefined;
            if (factor) deadline.extendTo(deadline.ms * factor);
          }
        },
        async executionDidStart() {
          return {
            willResolveField({ contextValue }) {
              const { signal, deadline } = contextValue as Partial<RequestDeadline>;
              if (signal?.aborted) throw timeoutError(deadline?.ms ?? 0);
            },
          };
        },
      };
    },
  };
}
