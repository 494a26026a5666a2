import { GraphQLError } from "graphql";

/** The stable error codes clients can rely on (in `extensions.code`). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  /** The request ran past GRAPHQL_TIMEOUT_MS (HTTP 503); nothing more of it runs. */
  | "TIMEOUT"
  /** A subscription sent over HTTP, or a body that is not a GraphQL request. */
  | "BAD_REQUEST"
  /** A fault on the server: the message carries only the request id, the log the rest. */
  | "INTERNAL_SERVER_ERROR";

/**
 * A GraphQL error with a stable code and, where useful, a machine-readable reason and the values
 * its message names (`extensions.params`), so a client can word it in its own language.
 */
export function appError(
  code: ErrorCode,
  message: string,
  reason?: string,
  params?: Record<string, string | number>,
): GraphQLError {
  const extensions: Record<string, unknown> = reason ? { code, reason } : { code };
  if (params && Object.keys(params).length > 0) extensions.params = params;
  return new GraphQLError(message, { extensions });
}

export const unauthenticated = (
  message = "Log in or open your invite link first.",
  reason?: string,
) => appError("UNAUTHENTICATED", message, reason);
export const forbidden = (message = "You may not do this.") => appError("FORBIDDEN", message);
export const notFound = (what: string) => appError("NOT_FOUND", `${what} not found.`);
export const badInput = (message: string) => appError("BAD_USER_INPUT", message);
export const conflict = (message: string, reason?: string) => appError("CONFLICT", message, reason);
