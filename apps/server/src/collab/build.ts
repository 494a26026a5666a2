import type { Config } from "../config.js";
import type { Services } from "../context.js";
import { sqliteFile } from "../db/data-source.js";
import { type TrackShutdown, untracked } from "../shutdown.js";
import { type CollabHooks, type CollabOptions, CollabServer } from "./collab-server.js";
import { PostgresUpdateStore } from "./postgres-store.js";
import { RedisRelay } from "./redis-relay.js";
import { type CollabRelay, localRelay } from "./relay.js";
import { SqliteUpdateStore } from "./sqlite-store.js";

const LOCKED = "The conversation is signed; its record is locked.";

/** The collaboration endpoint's settings, from the configuration. */
export function collabOptionsOf(config: Config): CollabOptions {
  return {
    maxMessageBytes: config.maxBodyBytes,
    maxConnectionsPerDocument: config.collabMaxConnections,
    authTimeoutMs: config.collabAuthTimeoutMs,
    idleUnloadMs: config.collabIdleUnloadMs,
    projectionDelayMs: config.collabProjectionDelayMs,
    compactAfterUpdates: config.collabCompactAfterUpdates,
    pingIntervalMs: config.collabPingIntervalMs,
    limits: {
      messagesPerSecond: config.collabMessagesPerSecond,
      messageBurst: config.collabMessagesPerSecond * config.collabMessageBurstSeconds,
      bytesPerSecond: config.maxBodyBytes,
      byteBurst: config.maxBodyBytes * config.collabByteBurstSeconds,
    },
  };
}

/**
 * Several processes share documents when they share a PostgreSQL database and Redis: updates
 * and presence then go through Redis. SQLite is one process's file, so it keeps the local relay.
 */
export function collabRelayOf(config: Config): CollabRelay {
  if (!config.databaseUrl || !config.redisUrl) return localRelay;
  return new RedisRelay({
    url: config.redisUrl,
    prefix: config.collabRedisPrefix,
    heartbeatMs: config.collabRelayHeartbeatMs,
    peerTimeoutMs: config.collabRelayPeerTimeoutMs,
  });
}

/** The collaboration endpoint with the update store it owns. */
export interface CollabEndpoint {
  server: CollabServer;
  /**
   * Closes every connection (1012), stores, projects and compacts what is live, then closes the
   * update store. `track` names each step, for the shutdown deadline.
   */
  close(track?: TrackShutdown): Promise<void>;
}

/**
 * Builds the collaboration endpoint on the configured database's update store and connects it
 * to the rest of the server: it becomes the services' live documents, ends the sessions of
 * revoked invites and makes a locked conversation's documents read-only.
 */
export async function buildCollab(services: Services, hooks: CollabHooks): Promise<CollabEndpoint> {
  const { config, events } = services;
  const store = config.databaseUrl
    ? new PostgresUpdateStore(config.databaseUrl)
    : await SqliteUpdateStore.open(sqliteFile(config.dataDir), config.collabSync);
  const relay = collabRelayOf(config);
  const collab = new CollabServer(services, store, relay, collabOptionsOf(config), hooks);
  services.liveDocuments = { flush: (conversationId) => collab.flushProjection(conversationId) };
  const stopListening = [
    events.on("inviteRevoked", (inviteId) => collab.closeInvite(inviteId)),
    events.on("accountDeactivated", (personId) => collab.closePerson(personId)),
    events.on("conversationLocked", (id) => void collab.lockConversation(id, LOCKED)),
  ];
  return {
    server: collab,
    close: async (track = untracked) => {
      for (const stop of stopListening) stop();
      await collab.close(track);
      await track("closing the collaboration relay", () => relay.close());
      await track("closing the collaboration log", () => store.close());
    },
  };
}
