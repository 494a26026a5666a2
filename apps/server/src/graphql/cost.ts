import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNullableType,
  isListType,
} from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import type { Config } from "../config.js";

/** How many items a list without a page size (`first`) is counted as. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Fields evaluated at most while costing one operation, fragments expanded. The field limit
 * (limits.ts) refuses wider documents first; this only bounds the costing itself.
 */
const MAX_COSTED_NODES = 10_000;

/**
 * Every field costs 1 plus what it selects; a list's selection counts once per item it may
 * return: its page size (`first`), or DEFAULT_LIST_SIZE. The lists inside a connection
 * (`edges`) are the page already counted on the connection field.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (typeof args.first === "number") return 1 + Math.max(args.first, 1) * childComplexity;
  const isPage = type.name.endsWith("Connection");
  if (isListType(getNullableType(field.type)) && !isPage)
    return 1 + DEFAULT_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/** What costing an operation found: its cost, or that it could not be costed (left to validation). */
export type CostResult = { cost: number } | { unknown: GraphQLError };

/** The cost of the operation `operationName` in `document` with these variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): CostResult {
  try {
    const cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [costEstimator],
      maxQueryNodes: MAX_COSTED_NODES,
    });
    return { cost };
  } catch (error) {
    return {
      unknown:
        error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: {} }),
    };
  }
}

/** The refusal of an operation whose cost is over the limit. */
export function tooCostly(cost: number, limit: number, isLowerBound = false): GraphQLError {
  const shown = isLowerBound ? `meer dan ${cost}` : String(cost);
  const shownEn = isLowerBound ? `more than ${cost}` : String(cost);
  return new GraphQLError(
    `Deze vraag is te zwaar: kosten ${shown}, de grens is ${limit}. ` +
      `(The query costs ${shownEn}; the limit is ${limit}.)`,
    { extensions: { code: "BAD_USER_INPUT", reason: "query_too_costly", cost, limit } },
  );
}

/**
 * Refuses an operation over `maxQueryCost`, or `undefined` when it may run. An operation that
 * cannot be costed (bad variables, unknown fields) is left to validation and execution, which
 * report it with their own codes.
 */
export function costRefusal(
  schema: GraphQLSchema,
  config: Pick<Config, "maxQueryCost">,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError | undefined {
  const result = operationCost(schema, document, variables, operationName);
  if ("cost" in result && result.cost > config.maxQueryCost)
    return tooCostly(result.cost, config.maxQueryCost);
  if ("unknown" in result && /maximum allowed number of nodes/.test(result.unknown.message))
    return tooCostly(MAX_COSTED_NODES, config.maxQueryCost, true);
  return undefined;
}

/**
 * The cost limit over HTTP: checked once the operation is parsed, validated and chosen, with
 * the request's variables, before any resolver runs; refused with HTTP 400.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  config: Pick<Config, "maxQueryCost">,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const refusal = costRefusal(schema, config, document, request.variables, operationName);
          if (refusal) {
            throw new GraphQLError(refusal.message, {
              extensions: { ...refusal.extensions, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
