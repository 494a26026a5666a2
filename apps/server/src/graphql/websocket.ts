import type http from "node:http";
import type { Duplex } from "node:stream";
import { CLOSE } from "@driehoek/collab";
import { type GraphQLSchema, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { watchAccess } from "../auth/session-watch.js";
import { verifyAccessToken } from "../auth/tokens.js";
import { type RequestContext, requestContext, type Services } from "../context.js";
import { loggerFor } from "../log/logger.js";
import { gauge } from "../metrics/registry.js";
import { websocketErrorMasking, withoutSchemaHints } from "./format-error.js";
import { queryLimits } from "./limits.js";
import { websocketPreflight } from "./preflight.js";

/** GraphQL over websocket (graphql-transport-ws) at /graphql: the subscriptions. */
export interface GraphqlSockets {
  /** Takes over an HTTP upgrade to /graphql. */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every subscription and socket. */
  dispose(): Promise<void>;
  /** Closes every open socket with `code` (shutdown: 1012, so clients reconnect). */
  closeAll(code: number, reason: string): void;
}

/** The graphql-ws endpoints of this process (tests run several servers in one). */
const endpoints = new Set<WebSocketServer>();
gauge(
  "driehoek_graphql_sockets_open",
  "Open GraphQL websocket connections (subscriptions) on this process",
  [],
  function collect() {
    let open = 0;
    for (const endpoint of endpoints) open += endpoint.clients.size;
    this.set(open);
  },
);

/** Builds the graphql-ws endpoint over `schema`, held to the same limits as HTTP. */
export function buildGraphqlSockets(schema: GraphQLSchema, services: Services): GraphqlSockets {
  const { config } = services;
  const rules = [...specifiedRules, ...queryLimits(config)];
  const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxBodyBytes });
  endpoints.add(sockets);
  const server = useServer<{ authorization?: string }, { stopWatching?: () => void }>(
    {
      schema,
      validate: (s, document) => withoutSchemaHints(validate(s, document, rules), config),
      onSubscribe: websocketPreflight(schema, config),
      onNext: websocketErrorMasking(config, loggerFor(config)),
      onConnect: (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        if (authorization === undefined) return true;
        if (typeof authorization !== "string") return false;
        // A forged or garbled token is refused at once (close 4403); expiry and revocation
        // are checked again on every subscribe.
        const token = authorization.replace(/^Bearer\s+/i, "");
        const claims = verifyAccessToken(
          services.serverKey,
          token,
          Math.floor(services.now().getTime() / 1000),
        );
        if (claims === "malformed" || claims === "bad_signature") return false;
        if (claims === "expired") return true;
        // An open socket lives no longer than its access: at expiry, logout or revocation it
        // closes with 4402, and the client reconnects with a renewed token or goes to login.
        const { socket } = ctx.extra;
        ctx.extra.stopWatching = watchAccess(
          services,
          {
            personId: claims.sub,
            sessionId: claims.sid ?? null,
            // A revoked invite ends its streams by itself (whileAllowed), with "complete".
            inviteId: null,
            expiresAt: new Date(claims.exp * 1000),
          },
          (reason) => socket.close(CLOSE.sessionEnded, reason),
        );
        return true;
      },
      onClose: (ctx) => ctx.extra.stopWatching?.(),
      onDisconnect: (ctx) => ctx.extra.stopWatching?.(),
      context: (ctx): Promise<RequestContext> => {
        const authorization = ctx.connectionParams?.authorization;
        return requestContext(services, typeof authorization === "string" ? authorization : null);
      },
    },
    sockets,
  );
  return {
    handleUpgrade: (request, socket, head) =>
      sockets.handleUpgrade(request, socket, head, (ws) => {
        sockets.emit("connection", ws, request);
        // Socket errors here are the client's doing (an oversized or broken frame, which ws has
        // already answered with a close code): one log line, not graphql-ws's stack trace.
        ws.removeAllListeners("error");
        ws.on("error", (error) => {
          loggerFor(config).warn(`graphql-ws: closed a connection: ${error.message}`);
          ws.terminate();
        });
      }),
    dispose: async () => {
      endpoints.delete(sockets);
      await server.dispose();
    },
    closeAll: (code, reason) => {
      for (const ws of sockets.clients) ws.close(code, reason);
    },
  };
}
