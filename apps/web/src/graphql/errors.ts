import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import type { GraphQLFormattedError } from "graphql";

/** The `extensions.code` values the server uses, plus two for failures without a code. */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "TOO_MANY_ATTEMPTS",
  "RATE_LIMITED",
  "TIMEOUT",
  "INTERNAL_SERVER_ERROR",
  "NETWORK",
  "UNKNOWN",
] as const;

/** One kind of failure, each with its own translated message under `errors.<code>`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The kind of failure behind an Apollo error, a GraphQL error list or anything thrown. */
export function errorCode(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) return codeOf(error.errors);
  if (ServerError.is(error)) {
    // A non-2xx reply may still carry GraphQL errors (e.g. 401 from the auth check).
    const fromBody = codeInBody(error.bodyText);
    if (fromBody) return fromBody;
    if (error.statusCode === 401) return "UNAUTHENTICATED";
    if (error.statusCode === 403) return "FORBIDDEN";
    if (error.statusCode === 404) return "NOT_FOUND";
    return "UNKNOWN";
  }
  if (Array.isArray(error)) return codeOf(error as GraphQLFormattedError[]);
  if (error instanceof TypeError) return "NETWORK"; // what fetch throws when offline
  if (isCloseEvent(error)) return closeCode(error.code);
  return "UNKNOWN";
}

/** The i18n key of the message for `error`. */
export function errorMessageKey(error: unknown): `errors.${ErrorCode}` {
  return `errors.${errorCode(error)}`;
}

/** Seconds the server asks to wait before trying again (a lock or a rate limit), when it says. */
export function retryAfterSeconds(error: unknown): number | null {
  const errors = CombinedGraphQLErrors.is(error)
    ? error.errors
    : ServerError.is(error)
      ? bodyErrors(error.bodyText)
      : [];
  const value = errors[0]?.extensions?.retryAfterSeconds;
  return typeof value === "number" && value > 0 ? value : null;
}

function bodyErrors(bodyText: string): readonly GraphQLFormattedError[] {
  try {
    return (JSON.parse(bodyText) as { errors?: GraphQLFormattedError[] }).errors ?? [];
  } catch {
    return [];
  }
}

function codeOf(errors: readonly GraphQLFormattedError[]): ErrorCode {
  const code = errors[0]?.extensions?.code;
  return isErrorCode(code) ? code : "UNKNOWN";
}

function codeInBody(bodyText: string): ErrorCode | null {
  const errors = bodyErrors(bodyText);
  return errors.length ? codeOf(errors) : null;
}

/** graphql-ws closes the socket with 4401/4403 when the server refuses the connection. */
function closeCode(code: number): ErrorCode {
  if (code === 4401) return "UNAUTHENTICATED";
  if (code === 4403) return "FORBIDDEN";
  return "NETWORK";
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === "object" && value !== null && "code" in value && "reason" in value;
}
