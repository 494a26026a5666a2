import { randomUUID } from "node:crypto";
import { unwrapResolverError } from "@apollo/server/errors";
import {
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
} from "graphql";
import type { Config } from "../config.js";
import type { Logger } from "../log/logger.js";
import { currentRequestId, inRequestScope } from "../log/request-id.js";

/** "Did you mean …?" hints name fields and values of the schema; off with introspection. */
const SUGGESTION = /\s*Did you mean .*\?\s*$/s;

/** Removes the schema hints from a message. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}

/** Validation errors for the websocket, without schema hints when introspection is off. */
export function withoutSchemaHints(
  errors: readonly GraphQLError[],
  config: Pick<Config, "introspection">,
): GraphQLError[] {
  if (config.introspection) return [...errors];
  return errors.map(
    (error) =>
      new GraphQLError(withoutSuggestions(error.message), {
        nodes: error.nodes,
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...error.extensions },
      }),
  );
}

/** What a caller sees of an internal error: its code and the request id, nothing of the inside. */
export function maskedInternalError(requestId: string) {
  return {
    message: `Er ging iets mis (INTERNAL_SERVER_ERROR, id ${requestId})`,
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
  };
}

/**
 * graphql-js's own complaint, while executing, about an argument the request gave (`null` in a
 * variable for an argument with a default, as in `first: $first`): the caller's input, not a
 * bug. These are GraphQLErrors of graphql-js itself (no error of ours inside, no code), each
 * starting `Argument "name"`.
 */
function isArgumentError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return (
    original instanceof GraphQLError &&
    original.originalError === undefined &&
    original.extensions.code === undefined &&
    original.message.startsWith('Argument "')
  );
}

/**
 * Apollo's `formatError`: an internal error (a bug, a broken database) is logged with the
 * request id and its stack, and reaches the client only as its code and that id; our limits
 * and graphql-js's complaints about arguments are BAD_USER_INPUT; schema hints are stripped
 * when introspection is off.
 */
export function formatErrorFor(config: Pick<Config, "introspection">, log: Logger) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo has labelled these INTERNAL_SERVER_ERROR already.
    const formatted = isArgumentError(error)
      ? { ...given, extensions: { ...given.extensions, code: "BAD_USER_INPUT" } }
      : given;
    const code = formatted.extensions?.code;
    if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
      const requestId = currentRequestId() ?? "onbekend";
      const original = unwrapResolverError(error);
      log.error(
        { requestId, err: original, path: formatted.path?.join(".") },
        "graphql internal error",
      );
      return {
        ...maskedInternalError(requestId),
        ...(formatted.path ? { path: formatted.path } : {}),
      };
    }
    let result = formatted;
    const reason = formatted.extensions?.reason;
    // Apollo labels every validation failure GRAPHQL_VALIDATION_FAILED; our limits say what they are.
    if (typeof reason === "string" && reason.startsWith("query_too_"))
      result = { ...result, extensions: { ...result.extensions, code: "BAD_USER_INPUT" } };
    if (!config.introspection) result = { ...result, message: withoutSuggestions(result.message) };
    return result;
  };
}

/**
 * graphql-ws's `onNext`: over the websocket too an internal error reaches the client only as
 * its code and an id (one per error; no HTTP request there), logged with the stack.
 */
export function websocketErrorMasking(config: Pick<Config, "introspection">, log: Logger) {
  const format = formatErrorFor(config, log);
  return (
    _ctx: unknown,
    _id: string,
    _payload: unknown,
    _args: unknown,
    result: ExecutionResult,
  ): FormattedExecutionResult | undefined => {
    if (!result.errors?.length) return undefined;
    return {
      ...(result as FormattedExecutionResult),
      errors: result.errors.map((error) =>
        inRequestScope({ requestId: randomUUID() }, () => format(error.toJSON(), error)),
      ),
    };
  };
}
