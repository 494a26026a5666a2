import type { ApolloServerPlugin } from "@apollo/server";
import { counter, histogram } from "../metrics/registry.js";

const durations = histogram(
  "driehoek_graphql_operation_duration_seconds",
  "GraphQL operations over HTTP, from request to response, by operation name and type",
  ["operation", "type"],
);
const errors = counter(
  "driehoek_graphql_errors_total",
  "Errors in GraphQL responses over HTTP, by operation name and error code",
  ["operation", "code"],
);

/** Most distinct operation names kept as labels; others are counted as "other". */
const MAX_OPERATION_NAMES = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const known = new Set<string>();

/**
 * The label for an operation: its name while the set of names stays small (the web app's
 * operations are a few dozen); "anonymous" without one, "other" past the cap or for a name
 * that is not a GraphQL name, so a client inventing names cannot grow the label set.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  if (!NAME.test(name)) return "other";
  if (known.has(name)) return name;
  if (known.size >= MAX_OPERATION_NAMES) return "other";
  known.add(name);
  return name;
}

/** Error codes are the server's own; anything unexpected is counted under one label. */
const CODE = /^[A-Z_]{1,40}$/;

/** Measures every GraphQL operation over HTTP for /metrics: its duration and its errors. */
export function operationMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = "unknown";
      let type = "unknown";
      return {
        async didResolveOperation(request) {
          operation = operationLabel(request.operationName ?? request.operation?.name?.value);
          type = request.operation?.operation ?? "unknown";
        },
        async didEncounterErrors(request) {
          for (const error of request.errors) {
            const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
            errors.inc({ operation, code: CODE.test(code) ? code : "OTHER" });
          }
        },
        async willSendResponse() {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          durations.observe({ operation, type }, seconds);
        },
      };
    },
  };
}
