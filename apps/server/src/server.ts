import http from "node:http";
import type { AddressInfo } from "node:net";
import { CLOSE } from "@driehoek/collab";
import { buildCollab } from "./collab/build.js";
import type { CollabServer } from "./collab/collab-server.js";
import type { Config } from "./config.js";
import type { Services } from "./context.js";
import { graphqlHttpHandlers, startApollo } from "./graphql/http.js";
import { buildApiSchema } from "./graphql/schema.js";
import { buildGraphqlSockets } from "./graphql/websocket.js";
import { buildApp } from "./http/app.js";
import { markDraining } from "./http/health.js";
import { countHttpRequest } from "./http/metrics.js";
import { routeUpgrades } from "./http/upgrades.js";
import { startMailOutbox } from "./modules/mail/mail-outbox.js";
import { startFrequencyClock } from "./modules/placement/frequency-state.js";
import { recordChanged } from "./modules/signoff/signoff.service.js";
import { buildServices, type ServerOptions } from "./services.js";
import { type TrackShutdown, untracked } from "./shutdown.js";

export type { ServerOptions } from "./services.js";

/** A running Driehoek server: everything on one port. */
export interface DriehoekServer {
  services: Services;
  /** The collaboration endpoint, for figures and for flushing a conversation's projection. */
  collab: CollabServer;
  httpServer: http.Server;
  /** Starts listening; resolves with the actual port (0 in the config picks a free one). */
  listen(): Promise<number>;
  /**
   * Stops cleanly: reports draining, stops accepting, closes websockets with 1012 (after
   * confirming what was stored), projects and compacts the live documents, lets requests under
   * way finish, closes the database. `track` names each step (for the shutdown deadline).
   */
  close(track?: TrackShutdown): Promise<void>;
}

/**
 * Builds the whole server: database (migrated), GraphQL over HTTP and over websocket
 * (graphql-transport-ws) at /graphql, the collaboration endpoint at /collab/, and the web app
 * with deep links. Does not listen yet.
 */
export async function createServer(
  config: Config,
  options: ServerOptions = {},
): Promise<DriehoekServer> {
  const services = await buildServices(config, options);
  const collab = await buildCollab(services, {
    onRecordChanged: (conversationId, editorIds, known) =>
      recordChanged(services, conversationId, ["RECORD"], editorIds, known),
  });
  const schema = await buildApiSchema();
  // Idle keep-alive connections stay open longer than a load balancer's idle timeout (nginx and
  // cloud balancers use 60 s), so a reused connection is never closed under a new request.
  const httpServer = http.createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  const sockets = buildGraphqlSockets(schema, services);
  const apollo = await startApollo(schema, services, httpServer, sockets);
  httpServer.on("request", countHttpRequest);
  httpServer.on("request", buildApp(services, graphqlHttpHandlers(apollo, services)));
  httpServer.on("upgrade", routeUpgrades({ graphql: sockets, collab: collab.server }));
  const mail = startMailOutbox(services);
  const frequencyClock = startFrequencyClock(services);
  return {
    services,
    collab: collab.server,
    httpServer,
    listen: () => listen(httpServer, config),
    close: async (track = untracked) => {
      // Load balancers see 503 at once; no new connections from here on (open keep-alive
      // connections finish their request and close).
      markDraining(services);
      if (httpServer.listening) httpServer.close();
      httpServer.closeIdleConnections();
      await Promise.all([
        track("stopping the frequency clock", () => frequencyClock.stop()),
        track("stopping the mail outbox", () => mail.stop()),
        // Before Apollo's drain, which ends every upgraded socket without a close frame.
        collab.close(track),
        track("closing subscriptions", async () =>
          sockets.closeAll(CLOSE.serviceRestart, "The server is restarting."),
        ),
      ]);
      // Requests under way finish (they may still use the database), then the rest closes.
      await track("finishing HTTP requests and subscriptions", () => apollo.stop());
      await track("closing the event bus", () => services.events.close());
      await track("closing the database", () => services.dataSource.destroy());
    },
  };
}

function listen(httpServer: http.Server, config: Config): Promise<number> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () =>
      resolve((httpServer.address() as AddressInfo).port),
    );
  });
}
