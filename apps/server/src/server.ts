import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildCollab } from "./collab/build.js";
import type { CollabServer } from "./collab/collab-server.js";
import type { Config } from "./config.js";
import type { Services } from "./context.js";
import { graphqlHttpHandlers, startApollo } from "./graphql/http.js";
import { buildApiSchema } from "./graphql/schema.js";
import { buildGraphqlSockets } from "./graphql/websocket.js";
import { buildApp } from "./http/app.js";
import { routeUpgrades } from "./http/upgrades.js";
import { startMailOutbox } from "./modules/mail/mail-outbox.js";
import { startFrequencyClock } from "./modules/placement/frequency-state.js";
import { recordChanged } from "./modules/signoff/signoff.service.js";
import { buildServices, type ServerOptions } from "./services.js";

export type { ServerOptions } from "./services.js";

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
    onRecordChanged: (conversationId, editorIds) =>
      recordChanged(services, conversationId, ["RECORD"], editorIds),
  });
  const schema = await buildApiSchema();
  const httpServer = http.createServer();
  const sockets = buildGraphqlSockets(schema, services);
  const apollo = await startApollo(schema, services, httpServer, sockets);
  httpServer.on("request", buildApp(services, graphqlHttpHandlers(apollo, services)));
  httpServer.on("upgrade", routeUpgrades({ graphql: sockets, collab: collab.server }));
  const mail = startMailOutbox(services);
  const frequencyClock = startFrequencyClock(services);
  return {
    services,
    collab: collab.server,
    httpServer,
    listen: () => listen(httpServer, config),
    close: async () => {
      await frequencyClock.stop();
      await mail.stop();
      await collab.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      await services.dataSource.destroy();
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
