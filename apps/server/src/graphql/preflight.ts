import { createHash } from "node:crypto";
import { type DocumentNode, GraphQLError, type GraphQLSchema, parse, validate } from "graphql";
import type { Config } from "../config.js";
import { costRefusal } from "./cost.js";
import { nestingRefusal, queryLimits } from "./limits.js";

/** Most tokens a document may have; the web app's largest has about a thousand. */
export const MAX_TOKENS = 20_000;

/** Documents checked lately: a client repeating one (an app, or an attacker in a loop) is not parsed again. */
const CACHE_SIZE = 500;

/** What the text of a document alone decides: its parsed form, a refusal, or that it does not parse. */
type TextVerdict = DocumentNode | readonly GraphQLError[] | "unparsed";

/** The checks that depend on the text only, remembered per text (its hash) and configuration. */
class TextVerdicts {
  private readonly verdicts = new Map<string, TextVerdict>();

  get(key: string, check: () => TextVerdict): TextVerdict {
    const known = this.verdicts.get(key);
    if (known !== undefined) {
      // Most recently used last, so the oldest is dropped first.
      this.verdicts.delete(key);
      this.verdicts.set(key, known);
      return known;
    }
    const verdict = check();
    this.verdicts.set(key, verdict);
    if (this.verdicts.size > CACHE_SIZE) {
      const oldest = this.verdicts.keys().next().value;
      if (oldest !== undefined) this.verdicts.delete(oldest);
    }
    return verdict;
  }
}

const cache = new WeakMap<GraphQLSchema, TextVerdicts>();

function textVerdict(
  schema: GraphQLSchema,
  config: Pick<Config, "maxQueryDepth" | "maxQueryFields" | "introspection">,
  query: string,
): TextVerdict {
  let verdicts = cache.get(schema);
  if (!verdicts) {
    verdicts = new TextVerdicts();
    cache.set(schema, verdicts);
  }
  const key = createHash("sha256")
    .update(`${config.maxQueryDepth}/${config.maxQueryFields}/${config.introspection}\n`)
    .update(query)
    .digest("base64");
  return verdicts.get(key, () => {
    const tooDeep = nestingRefusal(query, config);
    if (tooDeep) return [tooDeep];
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      if (error instanceof GraphQLError && /more than \d+ tokens/.test(error.message))
        return [tooLong()];
      return "unparsed";
    }
    const limits = validate(schema, document, queryLimits(config));
    return limits.length ? limits : document;
  });
}

/** One operation as a client sends it, over HTTP or websocket. */
export interface OperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * The cheap checks, before the full validation (whose rules cost far more on a huge document):
 * nesting, size, depth and fields after fragments, introspection, then the cost with the
 * request's variables. Returns the refusal, or `undefined` to go on; a document that does not
 * parse, or variables that do not fit, are left to the normal path to report.
 */
export function preflightRefusal(
  schema: GraphQLSchema,
  config: Pick<Config, "maxQueryDepth" | "maxQueryFields" | "maxQueryCost" | "introspection">,
  request: OperationRequest,
): readonly GraphQLError[] | undefined {
  const { query } = request;
  if (typeof query !== "string") return undefined;
  const verdict = textVerdict(schema, config, query);
  if (verdict === "unparsed") return undefined;
  if (Array.isArray(verdict)) return verdict;
  const document = verdict as DocumentNode;
  const variables =
    request.variables && typeof request.variables === "object" && !Array.isArray(request.variables)
      ? (request.variables as Record<string, unknown>)
      : undefined;
  const operationName =
    typeof request.operationName === "string" ? request.operationName : undefined;
  const refusal = costRefusal(schema, config, document, variables, operationName);
  return refusal ? [refusal] : undefined;
}

function tooLong(): GraphQLError {
  return new GraphQLError(`The query is too long (more than ${MAX_TOKENS} tokens).`, {
    extensions: { code: "BAD_USER_INPUT", reason: "query_too_large" },
  });
}

/**
 * graphql-ws's `onSubscribe` hook: the same checks for operations over the websocket, where
 * the variables are known (its `validate` sees the document only).
 */
export function websocketPreflight(
  schema: GraphQLSchema,
  config: Pick<Config, "maxQueryDepth" | "maxQueryFields" | "maxQueryCost" | "introspection">,
) {
  return (_ctx: unknown, _id: string, payload: OperationRequest): GraphQLError[] | undefined => {
    const refusal = preflightRefusal(schema, config, payload);
    return refusal ? [...refusal] : undefined;
  };
}
