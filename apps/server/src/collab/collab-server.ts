import type http from "node:http";
import type { Duplex } from "node:stream";
import { CLOSE, MESSAGE } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import { type WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { watchAccess } from "../auth/session-watch.js";
import type { Services } from "../context.js";
import type { RecordStanding } from "../modules/conversation/conversation-changes.js";
import { type TrackShutdown, untracked } from "../shutdown.js";
import { authorizeCollabSocket, CollabRefusal } from "./access.js";
import { filterAwarenessUpdate } from "./awareness-filter.js";
import { CollabConnection, type ConnectionLimits } from "./connection.js";
import { type IncomingUpdate, readIncoming } from "./door.js";
import { LiveDocuments } from "./live-documents.js";
import { collabMetrics } from "./metrics.js";
import type { CollabRelay } from "./relay.js";
import { Room } from "./room.js";
import type { UpdateStore } from "./store.js";

/** Settings of the collaboration endpoint. */
export interface CollabOptions {
  /** Largest message in bytes; larger ones close the connection (1009). */
  maxMessageBytes: number;
  /** Connections one document accepts at once. */
  maxConnectionsPerDocument: number;
  /** Time a new connection has to be authorized, in ms. */
  authTimeoutMs: number;
  /** A document without connections leaves memory after this many ms. */
  idleUnloadMs: number;
  /** Delay before the relational tables follow the live document, in ms. */
  projectionDelayMs: number;
  /** Log entries after which a document's log is compacted into a snapshot. */
  compactAfterUpdates: number;
  /** Interval of websocket pings that find dead connections, in ms. */
  pingIntervalMs: number;
  limits: ConnectionLimits;
}

/** What the collaboration endpoint tells the rest of the server; given in by the composition root. */
export interface CollabHooks {
  /**
   * The projection changed a conversation's stored rows, so its record changed. A callback and
   * not an event on the bus: what follows (voiding signatures given to the old content, then
   * announcing the change) must run once, in the process that projected, and be done before
   * `flushProjection` resolves, which signing relies on; bus events are notifications that
   * every process hears and nobody waits for. It keeps this endpoint free of the sign-off rules.
   * `editorIds`: the people whose updates (received by this process) the change contains.
   * `known`: what the projection's own write already read back (where the conversation stands
   * and whether anyone has signed), so it need not be read again; absent when not known.
   */
  onRecordChanged(
    conversationId: string,
    editorIds: readonly string[],
    known?: RecordStanding,
  ): Promise<void>;
}

class Malformed extends Error {}

/**
 * The collaboration endpoint `/collab/<conversationId>` (and `/<conversationId>/private`):
 * y-websocket's protocol, where every update is stored before anyone else sees it and its
 * writer is told so. See docs/API.md for the protocol and close codes.
 */
export class CollabServer {
  private readonly documents: LiveDocuments;
  private readonly sockets: WebSocketServer;
  private readonly pinger: NodeJS.Timeout;
  private readonly bySocket = new WeakMap<WebSocket, CollabConnection>();
  private isClosing = false;

  constructor(
    private readonly services: Services,
    store: UpdateStore,
    relay: CollabRelay,
    private readonly options: CollabOptions,
    hooks: CollabHooks,
  ) {
    this.documents = new LiveDocuments(services, store, relay, options, hooks);
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    this.pinger = setInterval(() => this.ping(), options.pingIntervalMs);
    this.pinger.unref();
  }

  /** Figures for the benchmark and for operations. */
  stats() {
    let connections = 0;
    for (const socket of this.sockets.clients)
      if (socket.readyState === socket.OPEN) connections += 1;
    return { documents: this.documents.size, connections, ...this.documents.committer.stats };
  }

  /** Takes over an HTTP upgrade for `room` (the path after /collab/). */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, room: string): void {
    const params = new URL(request.url ?? "/", "http://localhost").searchParams;
    this.sockets.handleUpgrade(request, socket, head, (ws) => {
      if (this.isClosing) return ws.close(CLOSE.serviceRestart, "The server is restarting.");
      void this.accept(ws, room, params, params.get("acks") === "1");
    });
  }

  private async accept(
    ws: WebSocket,
    roomName: string,
    params: URLSearchParams,
    wantsAcks: boolean,
  ): Promise<void> {
    const arrivedAt = Date.now();
    const early: Buffer[] = [];
    let connection: CollabConnection | null = null;
    let room: Room | null = null;
    ws.on("error", () => ws.terminate());
    ws.on("message", (data: Buffer, isBinary) => {
      if (!isBinary) return ws.close(CLOSE.malformed, "Binary messages only.");
      if (!connection || !room) {
        // Messages sent before the connection is authorized wait, within reason.
        if (early.push(data) > 100)
          ws.close(CLOSE.rateLimited, "Too many messages before authorization.");
        return;
      }
      this.receive(connection, room, data);
    });
    const deadline = setTimeout(
      () => ws.close(CLOSE.authTimeout, "Authorization took too long."),
      this.options.authTimeoutMs,
    );
    try {
      const identity = await authorizeCollabSocket(this.services, roomName, params);
      const loaded = await this.documents.open(identity, arrivedAt);
      clearTimeout(deadline);
      if (ws.readyState !== ws.OPEN) return;
      if (loaded.connections.size >= this.options.maxConnectionsPerDocument) {
        return ws.close(CLOSE.tooManyConnections, "This document has too many connections.");
      }
      const joined = new CollabConnection(ws, identity, wantsAcks, this.options.limits);
      if (loaded.idleTimer) clearTimeout(loaded.idleTimer);
      loaded.idleTimer = null;
      loaded.connections.add(joined);
      collabMetrics.connections.inc();
      this.bySocket.set(ws, joined);
      ws.on("pong", () => {
        joined.isAlive = true;
      });
      // The connection lives no longer than the access behind it (expiry, logout, revocation).
      const stopWatching = watchAccess(this.services, identity, (reason) =>
        joined.close(CLOSE.sessionEnded, reason),
      );
      ws.on("close", () => {
        stopWatching();
        collabMetrics.connections.dec();
        this.documents.leave(joined, loaded);
      });
      loaded.greet(joined);
      if (!identity.canWrite && identity.readOnlyReason)
        loaded.refuseWrite(joined, identity.readOnlyReason);
      connection = joined;
      room = loaded;
      for (const data of early.splice(0)) this.receive(joined, loaded, data);
    } catch (error) {
      clearTimeout(deadline);
      if (error instanceof CollabRefusal) return ws.close(error.code, error.message);
      console.error(`collab: could not open ${roomName}:`, error);
      ws.close(CLOSE.loadFailed, "The document could not be loaded; try again shortly.");
    }
  }

  private receive(connection: CollabConnection, room: Room, data: Buffer): void {
    connection.isHeardFrom = true;
    // Closing: what arrives now is neither stored nor confirmed (see close).
    if (this.isClosing) return;
    if (!connection.admit(data.byteLength)) {
      connection.close(CLOSE.rateLimited, "Too many messages; slow down.");
      return;
    }
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      );
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE.sync) {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) room.answerStep1(connection, payload);
        else if (
          step === syncProtocol.messageYjsSyncStep2 ||
          step === syncProtocol.messageYjsUpdate
        ) {
          this.receiveUpdate(connection, room, payload);
        } else throw new Malformed();
      } else if (type === MESSAGE.awareness) {
        const update = filterAwarenessUpdate(
          decoding.readVarUint8Array(decoder),
          connection,
          room.connections,
          room.awareness,
        );
        if (update) awarenessProtocol.applyAwarenessUpdate(room.awareness, update, connection);
      } else if (type === MESSAGE.queryAwareness) {
        room.sendAwareness(connection);
      } else if (type !== MESSAGE.auth) {
        throw new Malformed();
      }
    } catch (error) {
      connection.close(
        CLOSE.malformed,
        error instanceof CollabRefusal ? error.message : "Malformed message.",
      );
    }
  }

  private receiveUpdate(connection: CollabConnection, room: Room, update: Uint8Array): void {
    let incoming: IncomingUpdate;
    try {
      incoming = readIncoming(update);
    } catch {
      throw new Malformed();
    }
    const { decoded, clocks } = incoming;
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    // A client that (re)connects answers the server's sync step 1 with what the server lacks,
    // and Yjs always adds the document's whole delete set: on a long conversation kilobytes of
    // deletions the server has. Such an update is not checked, stored or relayed again; it is
    // confirmed at once, when none of the connection's earlier updates is still on its way
    // (so confirmations keep their order).
    if (connection.pendingWrites === 0 && room.holds(clocks, decoded.ds.clients)) {
      room.confirmStored(connection, clocks);
      return;
    }
    if (!connection.identity.canWrite) {
      room.refuseWrite(connection, connection.identity.readOnlyReason ?? "You may not write here.");
      return;
    }
    if (!room.admitUpdate(connection, incoming)) return;
    // Stored first; only then applied (which relays it) and confirmed.
    connection.pendingWrites += 1;
    this.documents.committer.write({ docName: room.name, update }).then(
      () => {
        connection.pendingWrites -= 1;
        try {
          Y.applyUpdate(room.doc, update, connection);
        } catch (error) {
          console.error(`collab: an update to ${room.name} could not be applied:`, error);
          return connection.close(CLOSE.malformed, "The update could not be applied.");
        }
        this.documents.stored(room, update, connection.identity.personId);
        room.confirmStored(connection, clocks);
      },
      (error) => {
        connection.pendingWrites -= 1;
        console.error(`collab: storing an update to ${room.name} failed:`, error);
        // The client keeps its edit and sends it again after reconnecting.
        connection.close(CLOSE.loadFailed, "The update could not be stored; reconnecting.");
      },
    );
  }

  /**
   * Makes a conversation's documents read-only for everyone connected now (new connections
   * are read-only by access.ts): called when the conversation is signed and locked.
   */
  async lockConversation(conversationId: string, reason: string): Promise<void> {
    for (const docName of [conversationId, `${conversationId}/private`]) {
      const room = await this.documents.get(docName)?.catch(() => null);
      for (const connection of room?.connections ?? []) {
        connection.identity = { ...connection.identity, canWrite: false, readOnlyReason: reason };
        room?.refuseWrite(connection, reason);
      }
    }
    await this.documents.committer.idle();
  }

  /** Brings the relational tables exactly up to date with a live conversation (end, signing). */
  flushProjection(conversationId: string): Promise<void> {
    return this.documents.flushProjection(conversationId);
  }

  /** Closes the connections opened with a revoked invite. */
  closeInvite(inviteId: string): void {
    for (const socket of this.sockets.clients) {
      const connection = this.connectionOf(socket);
      if (connection?.identity.inviteId === inviteId) {
        connection.close(CLOSE.unauthenticated, "Your invite has been revoked.");
      }
    }
  }

  /** Closes the connections of a deactivated staff account (its invites' too). */
  closePerson(personId: string): void {
    for (const socket of this.sockets.clients) {
      const connection = this.connectionOf(socket);
      if (connection?.identity.personId === personId) {
        connection.close(CLOSE.unauthenticated, "This account has been deactivated.");
      }
    }
  }

  private connectionOf(socket: WebSocket): CollabConnection | undefined {
    return this.bySocket.get(socket);
  }

  /**
   * Terminates connections that neither sent anything nor answered the last ping, and pings
   * those silent since the last round. Busy sockets show they are alive by their messages, and
   * pinging each (a system call per socket) held the event loop 20 to 60 ms every round.
   */
  private ping(): void {
    for (const loading of this.documents.all()) {
      void loading.then(
        (room) => {
          for (const connection of room.connections) {
            if (connection.isHeardFrom) {
              connection.isHeardFrom = false;
              connection.isAlive = true;
              continue;
            }
            if (!connection.isAlive) {
              connection.socket.terminate();
              continue;
            }
            connection.isAlive = false;
            connection.socket.ping();
          }
        },
        () => undefined,
      );
    }
  }

  /**
   * Stops cleanly. Nothing received from now on is stored or confirmed (`receive` drops it; the
   * client keeps it and sends it again after reconnecting). Updates already received are
   * stored and confirmed first, then every socket is closed with 1012, every live document is
   * projected into the tables and compacted, and the store is left to the caller to close. So a
   * "stored" confirmation always means stored, and stored means in the tables after the close.
   */
  async close(track: TrackShutdown = untracked): Promise<void> {
    this.isClosing = true;
    this.documents.stop();
    clearInterval(this.pinger);
    await track("storing received collaboration updates", () => this.documents.committer.idle());
    const closing: Promise<void>[] = [];
    for (const socket of this.sockets.clients) {
      closing.push(closedOrTerminated(socket, SOCKET_CLOSE_GRACE_MS));
      socket.close(CLOSE.serviceRestart, "The server is restarting; reconnect.");
    }
    // A room may still be loading for a connection that was accepted just before: keep going
    // until every room has left memory.
    await this.documents.unloadAll(track);
    await track("closing collaboration sockets", () => Promise.all(closing));
    this.sockets.close();
  }
}

/** How long a collaboration socket may take to answer the server's close frame, in ms. */
const SOCKET_CLOSE_GRACE_MS = 1_000;

/** Resolves when `socket` has closed; terminates it if the peer takes longer than `graceMs`. */
function closedOrTerminated(socket: WebSocket, graceMs: number): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), graceMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
