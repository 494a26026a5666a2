import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler } from "express";
import { specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { authenticate } from "./auth/authenticate.js";
import { loadServerKey } from "./auth/server-key.js";
import { verifyAccessToken } from "./auth/tokens.js";
import { CollabServer } from "./collab/collab-server.js";
import { PostgresUpdateStore } from "./collab/postgres-store.js";
import { localRelay } from "./collab/relay.js";
import { SqliteUpdateStore } from "./collab/sqlite-store.js";
import type { UpdateStore } from "./collab/store.js";
import type { Config } from "./config.js";
import type { RequestContext, Services } from "./context.js";
import { openDatabase, sqliteFile } from "./db/data-source.js";
import { depthLimit, fieldCountLimit } from "./graphql/limits.js";
import { buildApiSchema } from "./graphql/schema.js";
import { AuditLog } from "./modules/audit/audit-log.js";
import { createLocalPhaseEvents } from "./modules/conversation/phase-events.js";
import { exportRouter } from "./modules/export/export.routes.js";
import { startFrequencyClock } from "./modules/placement/frequency-state.js";
import { findWebDist, webAppRouter } from "./web/static.js";

const MAX_FIELDS = 500;

/** A running Driehoek server: everything on one port. */
export interface DriehoekServer {
  services: Services;
  /** The collaboration endpoint, for figures and for flushing a conversation's projection. */
  collab: CollabServer;
  httpServer: http.Server;
  /** Starts listening; resolves with the actual port (0 in the config picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting, drains requests and websockets, closes the database. */
  close(): Promise<void>;
}

/** Options for tests: a clock to control. */
export interface ServerOptions {
  now?: () => Date;
}

/**
 * Builds the whole server: database (migrated), GraphQL over HTTP and over websocket
 * (graphql-transport-ws) at /graphql, and the web app with deep links. Does not listen yet.
 */
export async function createServer(
  config: Config,
  options: ServerOptions = {},
): Promise<DriehoekServer> {
  const now = options.now ?? (() => new Date());
  const dataSource = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  const services: Services = {
    config,
    dataSource,
    serverKey: await loadServerKey(dataSource),
    audit: new AuditLog(dataSource, now),
    phaseEvents: createLocalPhaseEvents(),
    events: new EventEmitter() as Services["events"],
    // Replaced by the collaboration endpoint below, once it exists.
    liveDocuments: { flush: async () => {} },
    now,
  };
  const store: UpdateStore = config.databaseUrl
    ? new PostgresUpdateStore(config.databaseUrl)
    : await SqliteUpdateStore.open(sqliteFile(config.dataDir), config.collabSync);
  const collab = new CollabServer(services, store, localRelay, {
    maxMessageBytes: config.maxBodyBytes,
    maxConnectionsPerDocument: config.collabMaxConnections,
    authTimeoutMs: 10_000,
    idleUnloadMs: 30_000,
    projectionDelayMs: 2_000,
    compactAfterUpdates: 2_000,
    pingIntervalMs: 15_000,
    limits: {
      messagesPerSecond: config.collabMessagesPerSecond,
      messageBurst: config.collabMessagesPerSecond * 3,
      bytesPerSecond: config.maxBodyBytes,
      byteBurst: config.maxBodyBytes * 4,
    },
  });
  services.events.on("inviteRevoked", (inviteId) => collab.closeInvite(inviteId));
  services.events.on(
    "conversationLocked",
    (conversationId) =>
      void collab.lockConversation(
        conversationId,
        "The conversation is signed; its record is locked.",
      ),
  );
  services.liveDocuments = { flush: (conversationId) => collab.flushProjection(conversationId) };
  const frequencyClock = startFrequencyClock(services);
  const schema = await buildApiSchema();
  const rules = [...specifiedRules, depthLimit(config.maxQueryDepth), fieldCountLimit(MAX_FIELDS)];

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);

  // Websockets: one upgrade handler routes by path, so more endpoints can share the port.
  const graphqlSockets = new WebSocketServer({ noServer: true, maxPayload: config.maxBodyBytes });
  const wsServer = useServer<{ authorization?: string }>(
    {
      schema,
      validate: (s, document) => validate(s, document, rules),
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
          Math.floor(now().getTime() / 1000),
        );
        return claims !== "malformed" && claims !== "bad_signature";
      },
      context: async (ctx): Promise<RequestContext> => {
        const authorization = ctx.connectionParams?.authorization;
        const auth = await authenticate(
          services,
          typeof authorization === "string" ? authorization : null,
        );
        return { services, viewer: auth.viewer, authProblem: auth.problem };
      },
    },
    graphqlSockets,
  );
  httpServer.on("upgrade", (request, socket, head) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/graphql") {
      graphqlSockets.handleUpgrade(request, socket, head, (ws) => {
        graphqlSockets.emit("connection", ws, request);
        // Socket errors here are the client's doing (an oversized or broken frame, which ws has
        // already answered with a close code): one log line, not graphql-ws's stack trace.
        ws.removeAllListeners("error");
        ws.on("error", (error) => {
          if (config.logLevel !== "silent")
            console.warn(`graphql-ws: closed a connection: ${error.message}`);
          ws.terminate();
        });
      });
    } else if (pathname.startsWith("/collab/")) {
      let room: string;
      try {
        room = decodeURIComponent(pathname.slice("/collab/".length));
      } catch {
        socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        return;
      }
      collab.handleUpgrade(request, socket, head, room);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    }
  });

  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: [depthLimit(config.maxQueryDepth), fieldCountLimit(MAX_FIELDS)],
    introspection: true,
    includeStacktraceInErrorResponses: false,
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
              await wsServer.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    "/graphql",
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const auth = await authenticate(services, req.headers.authorization);
        return { services, viewer: auth.viewer, authProblem: auth.problem };
      },
    }),
  );
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.use(exportRouter(services));
  app.use(webAppRouter(findWebDist(config.webDist)));
  app.use(bodyErrors);

  return {
    services,
    collab,
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () =>
          resolve((httpServer.address() as AddressInfo).port),
        );
      }),
    close: async () => {
      await collab.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      await store.close();
      await frequencyClock.stop();
      await dataSource.destroy();
    },
  };
}

/** Oversized or unreadable request bodies get a GraphQL-shaped error, not an HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const tooLarge = error?.type === "entity.too.large";
  const status = tooLarge ? 413 : error?.status && error.status < 500 ? error.status : 500;
  const code = tooLarge
    ? "PAYLOAD_TOO_LARGE"
    : status < 500
      ? "BAD_REQUEST"
      : "INTERNAL_SERVER_ERROR";
  const message = tooLarge
    ? "The request is too large."
    : status < 500
      ? "The request could not be read."
      : "Something went wrong on the server.";
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
