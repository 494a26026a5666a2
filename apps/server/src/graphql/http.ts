import type http from "node:http";
import {
  ApolloServer,
  type ApolloServerPlugin,
  HeaderMap,
  type HTTPGraphQLRequest,
} from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { type Request, type RequestHandler, type Response } from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { type RequestContext, requestContext, type Services } from "../context.js";
import { loggerFor } from "../log/logger.js";
import { assignRequestIds, inRequestScope } from "../log/request-id.js";
import { graphqlBodyLimit } from "../modules/roster/roster.service.js";
import { costLimitPlugin } from "./cost.js";
import { DeadlineTimer, deadlinePlugin, type RequestDeadline, timeoutError } from "./deadline.js";
import { formatErrorFor } from "./format-error.js";
import { queryLimits } from "./limits.js";
import { operationMetricsPlugin } from "./operation-metrics.js";
import { MAX_TOKENS, type OperationRequest, preflightRefusal } from "./preflight.js";
import type { GraphqlSockets } from "./websocket.js";

/** A subscription needs the websocket; over HTTP it would run its resolver as a plain field. */
const subscriptionsOnlyOverWebsocket: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== "subscription") return;
        throw new GraphQLError(
          "Een abonnement loopt over de websocket op /graphql. (Subscriptions go over the websocket at /graphql.)",
          {
            extensions: {
              code: "BAD_REQUEST",
              reason: "subscription_over_http",
              http: { status: 400 },
            },
          },
        );
      },
    };
  },
};

/** The schema each started Apollo serves (the HTTP handlers' checks before Apollo need it). */
const schemaOf = new WeakMap<ApolloServer<RequestContext>, GraphQLSchema>();

/**
 * Starts Apollo Server for GraphQL over HTTP. Stopping it drains `httpServer`'s requests and
 * then the websocket subscriptions.
 */
export async function startApollo(
  schema: GraphQLSchema,
  services: Services,
  httpServer: http.Server,
  sockets: GraphqlSockets,
): Promise<ApolloServer<RequestContext>> {
  const { config } = services;
  const log = loggerFor(config);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: queryLimits(config),
    parseOptions: { maxTokens: MAX_TOKENS },
    // Refused by the noIntrospection rule in queryLimits (for the websocket too) when off.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // src/shutdown.ts owns SIGTERM/SIGINT
    logger: log,
    formatError: formatErrorFor(config, log),
    plugins: [
      operationMetricsPlugin(),
      subscriptionsOnlyOverWebsocket,
      costLimitPlugin(schema, config),
      deadlinePlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await sockets.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  schemaOf.set(apollo, schema);
  return apollo;
}

/** The /graphql handlers: a request id, a JSON body within the size limit, then Apollo. */
export function graphqlHttpHandlers(
  apollo: ApolloServer<RequestContext>,
  services: Services,
): RequestHandler[] {
  return [
    assignRequestIds(loggerFor(services.config)),
    express.json({ limit: graphqlBodyLimit(services.config) }),
    apolloWithDeadline(apollo, services),
  ];
}

/** Apollo's view of an express request (as @as-integrations/express5 builds it). */
function apolloRequest(req: Request): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const query = req.originalUrl.indexOf("?");
  return {
    method: req.method.toUpperCase(),
    headers,
    search: query >= 0 ? req.originalUrl.slice(query) : "",
    body: req.body,
  };
}

/**
 * Refuses what the cheap checks refuse (preflight.ts) at once, then runs the request through
 * Apollo with a deadline: when `graphqlTimeoutMs` passes first, the
 * client gets a TIMEOUT error (HTTP 503) at once and the request's signal is aborted, so no
 * further resolver of it starts (deadline.ts); a client that hangs up aborts it too. A roster
 * import gets a longer deadline (SLOW_ROOT_FIELDS).
 */
function apolloWithDeadline(
  apollo: ApolloServer<RequestContext>,
  services: Services,
): RequestHandler {
  const { config } = services;
  const log = loggerFor(config);
  const schema = schemaOf.get(apollo);
  if (!schema) throw new Error("startApollo() first");
  return async (req: Request, res: Response) => {
    const requestId = String(res.locals.requestId);
    const refusal = preflightRefusal(
      schema,
      config,
      req.method === "GET" ? (req.query as OperationRequest) : (req.body ?? {}),
    );
    if (refusal) {
      res.status(400).json({ errors: refusal.map((error) => error.toJSON()) });
      return;
    }
    const abort = new AbortController();
    let expire: (outcome: "timeout") => void = () => {};
    const timedOut = new Promise<"timeout">((resolve) => {
      expire = resolve;
    });
    const deadline = new DeadlineTimer(config.graphqlTimeoutMs, () => {
      abort.abort();
      expire("timeout");
    });
    res.once("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const execution = inRequestScope({ requestId, ip: req.ip ?? req.socket.remoteAddress }, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: apolloRequest(req),
        context: async (): Promise<RequestContext & RequestDeadline> => ({
          ...(await requestContext(services, req.headers.authorization)),
          requestId,
          signal: abort.signal,
          deadline,
        }),
      }),
    );
    const response = await Promise.race([execution, timedOut]);
    deadline.clear();
    if (response === "timeout") {
      execution.catch((error: unknown) =>
        log.error({ requestId, err: error }, "graphql request failed after its deadline"),
      );
      log.warn({ requestId, timeoutMs: deadline.ms }, "graphql request timed out");
      const error = timeoutError(deadline.ms, requestId);
      res.status(503).json({ errors: [error.toJSON()] });
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
