import type http from "node:http";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express, { type Request, type RequestHandler, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import { type RequestContext, requestContext, type Services } from "../context.js";
import { loggerFor } from "../log/logger.js";
import { assignRequestId, inRequestScope } from "../log/request-id.js";
import { graphqlBodyLimit } from "../modules/roster/roster.service.js";
import { costLimitPlugin } from "./cost.js";
import { deadlinePlugin, type RequestDeadline, timeoutError } from "./deadline.js";
import { formatErrorFor } from "./format-error.js";
import { nestingRefusal, queryLimits } from "./limits.js";
import type { GraphqlSockets } from "./websocket.js";

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
    // Refused by the noIntrospection rule in queryLimits (for the websocket too) when off.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    logger: log,
    formatError: formatErrorFor(config, log),
    plugins: [
      costLimitPlugin(schema, config),
      deadlinePlugin(config.graphqlTimeoutMs),
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
  return apollo;
}

/** The /graphql handlers: a request id, a JSON body within the size limit, then Apollo. */
export function graphqlHttpHandlers(
  apollo: ApolloServer<RequestContext>,
  services: Services,
): RequestHandler[] {
  return [
    assignRequestId,
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
 * Runs the request through Apollo with a deadline: when `graphqlTimeoutMs` passes first, the
 * client gets a TIMEOUT error (HTTP 503) at once and the request's signal is aborted, so no
 * further resolver of it starts (deadline.ts); a client that hangs up aborts it too.
 */
function apolloWithDeadline(
  apollo: ApolloServer<RequestContext>,
  services: Services,
): RequestHandler {
  const { config } = services;
  const log = loggerFor(config);
  return async (req: Request, res: Response) => {
    const requestId = String(res.locals.requestId);
    const tooDeep = nestingRefusal(req.body?.query ?? req.query.query, config);
    if (tooDeep) {
      res.status(400).json({ errors: [tooDeep.toJSON()] });
      return;
    }
    const deadline = new AbortController();
    const abandoned = () => {
      if (!res.writableFinished) deadline.abort();
    };
    res.once("close", abandoned);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        deadline.abort();
        resolve("timeout");
      }, config.graphqlTimeoutMs);
    });
    const execution = inRequestScope({ requestId }, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: apolloRequest(req),
        context: async (): Promise<RequestContext & RequestDeadline> => ({
          ...(await requestContext(services, req.headers.authorization)),
          requestId,
          signal: deadline.signal,
        }),
      }),
    );
    const response = await Promise.race([execution, timedOut]);
    clearTimeout(timer);
    if (response === "timeout") {
      execution.catch((error: unknown) =>
        log.error({ requestId, err: error }, "graphql request failed after its deadline"),
      );
      log.warn({ requestId, timeoutMs: config.graphqlTimeoutMs }, "graphql request timed out");
      const error = timeoutError(config.graphqlTimeoutMs, requestId);
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
