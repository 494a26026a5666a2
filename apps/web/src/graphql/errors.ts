import { CombinedGraphQLErrors, ServerError } from "@apollo/client";
import type { GraphQLFormattedError } from "graphql";

/** The `extensions.code` values the server uses, plus two for failures without a code. */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
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

function codeOf(errors: readonly GraphQLFormattedError[]): ErrorCode {
  const code = errors[0]?.extensions?.code;
  return isErrorCode(code) ? code : "UNKNOWN";
}

function codeInBody(bodyText: string): ErrorCode | null {
  try {
    const body = JSON.parse(bodyText) as { errors?: GraphQLFormattedError[] };
    return body.errors?.length ? codeOf(body.errors) : null;
  } catch {
    return null;
  }
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
