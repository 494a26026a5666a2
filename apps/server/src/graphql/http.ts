import type http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type RequestHandler } from "express";
import type { GraphQLSchema } from "graphql";
import { type RequestContext, requestContext, type Services } from "../context.js";
import { graphqlBodyLimit } from "../modules/roster/roster.service.js";
import { queryLimits } from "./limits.js";
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
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: queryLimits(services.config),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // src/shutdown.ts owns SIGTERM/SIGINT
    // Apollo labels every validation failure GRAPHQL_VALIDATION_FAILED; our limits say what they are.
    formatError: (formatted) =>
      typeof formatted.extensions?.reason === "string" &&
      formatted.extensions.reason.startsWith("query_too_")
        ? { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } }
        : formatted,
    plugins: [
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

/** The /graphql handlers: a JSON body within the size limit, then Apollo with a context. */
export function graphqlHttpHandlers(
  apollo: ApolloServer<RequestContext>,
  services: Services,
): RequestHandler[] {
  return [
    express.json({ limit: graphqlBodyLimit(services.config) }),
    expressMiddleware(apollo, {
      context: ({ req }) => requestContext(services, req.headers.authorization),
    }),
  ];
}
