import type http from "node:http";
import type { Duplex } from "node:stream";
import {
  CLOSE,
  conversationSeed,
  conversationSeedAddition,
  hasSeedAddition,
  isSeeded,
  MESSAGE,
  privateNotesSeed,
} from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import { type WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { watchAccess } from "../auth/session-watch.js";
import type { Services } from "../context.js";
import { agreementsToReview } from "../modules/agreement/previous-agreements.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { type TrackShutdown, untracked } from "../shutdown.js";
import { authorizeCollabSocket, type CollabIdentity, CollabRefusal } from "./access.js";
import { filterAwarenessUpdate } from "./awareness-filter.js";
import { Compactor } from "./compaction.js";
import { CollabConnection, type ConnectionLimits } from "./connection.js";
import { GroupCommitter } from "./group-commit.js";
import { collabMetrics } from "./metrics.js";
import { projectConversation } from "./projection.js";
import { ProjectionScheduler } from "./projection-scheduler.js";
import type { CollabRelay } from "./relay.js";
import { clocksOf, Room } from "./room.js";
import { applyStored, RoomLink } from "./room-link.js";
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
   */
  onRecordChanged(conversationId: string, editorIds: readonly string[]): Promise<void>;
}

class Malformed extends Error {}

/**
 * The collaboration endpoint `/collab/<conversationId>` (and `/<conversationId>/private`):
 * y-websocket's protocol, where every update is stored before anyone else sees it and its
 * writer is told so. See docs/API.md for the protocol and close codes.
 */
export class CollabServer {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly sockets: WebSocketServer;
  private readonly committer: GroupCommitter;
  private readonly projections: ProjectionScheduler<Room>;
  private readonly compactor: Compactor;
  private readonly pinger: NodeJS.Timeout;
  /** Each live document's link to the other processes. */
  private readonly links = new WeakMap<Room, RoomLink>();
  private readonly bySocket = new WeakMap<WebSocket, CollabConnection>();
  private isClosing = false;

  constructor(
    private readonly services: Services,
    private readonly store: UpdateStore,
    private readonly relay: CollabRelay,
    private readonly options: CollabOptions,
    private readonly hooks: CollabHooks,
  ) {
    this.committer = new GroupCommitter(store);
    this.compactor = new Compactor(store, (docName, folded) => {
      void this.rooms.get(docName)?.then(
        (room) => {
          room.updatesSinceCompaction = Math.max(0, room.updatesSinceCompaction - folded);
        },
        () => undefined,
      );
    });
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    this.pinger = setInterval(() => this.ping(), options.pingIntervalMs);
    this.pinger.unref();
    this.projections = new ProjectionScheduler(options.projectionDelayMs, (id, room) =>
      this.project(id, room),
    );
  }

  /**
   * Brings the tables up to date with `room`, then reports a changed record. The report is
   * pending until it succeeds, so a failed one is made by the retry (whose projection finds
   * nothing more to write).
   */
  private async project(conversationId: string, room: Room): Promise<void> {
    // Whose updates this run covers; those that arrive meanwhile wait for the next run.
    const editors = [...room.editors];
    const projection = await projectConversation(
      this.services,
      conversationId,
      room.doc,
      room.projected,
    );
    room.projected = projection.fingerprint;
    if (projection.hasChangedRows) room.isRecordChangePending = true;
    if (room.isRecordChangePending) {
      await this.hooks.onRecordChanged(conversationId, editors);
      room.isRecordChangePending = false;
    }
    for (const editor of editors) room.editors.delete(editor);
  }

  /** Figures for the benchmark and for operations. */
  stats() {
    let connections = 0;
    for (const socket of this.sockets.clients)
      if (socket.readyState === socket.OPEN) connections += 1;
    return { documents: this.rooms.size, connections, ...this.committer.stats };
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
      const loaded = await this.liveRoom(identity, arrivedAt);
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
        this.leave(joined, loaded);
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
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new Malformed();
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (!connection.identity.canWrite) {
      room.refuseWrite(connection, connection.identity.readOnlyReason ?? "You may not write here.");
      return;
    }
    if (!room.admitUpdate(connection, update)) return;
    const clocks = clocksOf(decoded);
    // Stored first; only then applied (which relays it) and confirmed.
    this.committer.write({ docName: room.name, update }).then(
      () => {
        try {
          Y.applyUpdate(room.doc, update, connection);
        } catch (error) {
          console.error(`collab: an update to ${room.name} could not be applied:`, error);
          return connection.close(CLOSE.malformed, "The update could not be applied.");
        }
        room.updatesSinceCompaction += 1;
        if (!room.name.includes("/")) room.editors.add(connection.identity.personId);
        this.relay.publish(room.name, update);
        room.confirmStored(connection, clocks);
        if (room.updatesSinceCompaction >= this.options.compactAfterUpdates)
          void this.compactor.compact(room.name);
      },
      (error) => {
        console.error(`collab: storing an update to ${room.name} failed:`, error);
        // The client keeps its edit and sends it again after reconnecting.
        connection.close(CLOSE.loadFailed, "The update could not be stored; reconnecting.");
      },
    );
  }

  /**
   * The live room for a new connection. Another process may have stored updates this one has
   * not heard of yet: a newcomer is served the log as it is now, never an older copy. A room
   * that started to leave memory meanwhile (its last connection left just before) is not
   * joined: the next one is loaded.
   */
  private async liveRoom(identity: CollabIdentity, arrivedAt: number): Promise<Room> {
    for (;;) {
      const loaded = await this.room(identity);
      const link = this.links.get(loaded);
      if (this.relay.isShared && link && link.lastReadAt < arrivedAt && !loaded.isUnloaded)
        await link.catchUp();
      if (!loaded.isUnloaded) return loaded;
    }
  }

  private room(identity: CollabIdentity): Promise<Room> {
    let loading = this.rooms.get(identity.docName);
    if (!loading) {
      const loaded = this.load(identity);
      loading = loaded;
      this.rooms.set(identity.docName, loaded);
      collabMetrics.documents.set(this.rooms.size);
      // A failed load is forgotten, so the next connection tries again; never served empty.
      loaded.catch(() => {
        if (this.rooms.get(identity.docName) === loaded) this.rooms.delete(identity.docName);
        collabMetrics.documents.set(this.rooms.size);
      });
    }
    return loading;
  }

  private async load(identity: CollabIdentity): Promise<Room> {
    const { docName, conversationId, isPrivate } = identity;
    const room = new Room(docName, (origin) => {
      if (!isPrivate && origin !== "load") this.projections.schedule(conversationId, room);
    });
    // Listening first, then reading: whatever another process stores after the read is relayed.
    const link = new RoomLink(room, this.store, this.relay);
    let stored: Awaited<ReturnType<UpdateStore["load"]>>;
    const readAt = Date.now();
    try {
      await link.attach();
      stored = await this.store.load(docName);
    } catch (error) {
      link.detach();
      room.destroy();
      throw error;
    }
    applyStored(room.doc, stored, "load");
    room.updatesSinceCompaction = stored.updates.length;
    if (!isSeeded(room.doc)) {
      const seed = isPrivate ? privateNotesSeed() : await this.conversationSeed(conversationId);
      await this.committer.write({ docName, update: seed });
      Y.applyUpdate(room.doc, seed, "seed");
    } else if (!isPrivate && !hasSeedAddition(room.doc)) {
      // Seeded before the addition existed: it gets the addition once (the same bytes anywhere).
      const addition = conversationSeedAddition();
      await this.committer.write({ docName, update: addition });
      Y.applyUpdate(room.doc, addition, "seed");
    }
    link.loaded(readAt);
    this.links.set(room, link);
    return room;
  }

  private async conversationSeed(conversationId: string): Promise<Uint8Array> {
    const manager = this.services.dataSource.manager;
    const conversation = await manager.findOneByOrFail(Conversation, { id: conversationId });
    const agreements = await agreementsToReview(manager, conversation);
    return conversationSeed(
      agreements.map((a) => ({ id: a.id, text: a.text, status: a.status, needed: a.reviewNote })),
    );
  }

  private leave(connection: CollabConnection, room: Room): void {
    room.leave(connection);
    collabMetrics.connections.dec();
    if (room.connections.size === 0 && !room.idleTimer) {
      room.idleTimer = setTimeout(() => void this.unload(room.name), this.options.idleUnloadMs);
      room.idleTimer.unref();
    }
  }

  private async unload(docName: string): Promise<void> {
    const loadingOf = this.rooms.get(docName);
    const room = await loadingOf?.catch(() => null);
    if (!room || room.connections.size > 0) return;
    room.isUnloaded = true;
    if (this.rooms.get(docName) === loadingOf) this.rooms.delete(docName);
    collabMetrics.documents.set(this.rooms.size);
    await this.committer.idle();
    const conversationId = docName.split("/")[0] ?? docName;
    const link = this.links.get(room);
    // The tables follow the log, with what other processes stored too.
    if (this.relay.isShared) await link?.catchUp().catch(() => undefined);
    if (!docName.includes("/")) {
      await this.projections.run(conversationId, room).catch(() => undefined);
      void this.projections.forget(conversationId);
    }
    if (room.updatesSinceCompaction > 0) await this.compactor.compact(docName);
    link?.detach();
    room.destroy();
  }

  /** Brings the relational tables exactly up to date with a live conversation (end, signing). */
  async flushProjection(conversationId: string): Promise<void> {
    const room = await this.rooms.get(conversationId)?.catch(() => null);
    await this.committer.idle();
    if (!this.relay.isShared) {
      if (room) await this.projections.run(conversationId, room);
      return;
    }
    // Several processes: the document may be live elsewhere, so the tables follow the log.
    if (room) {
      await this.links.get(room)?.catchUp();
      await this.projections.run(conversationId, room);
      return;
    }
    const stored = await this.store.load(conversationId);
    if (!stored.snapshot && stored.updates.length === 0) return;
    const copy = new Room(conversationId, () => {});
    try {
      applyStored(copy.doc, stored, "load");
      await this.project(conversationId, copy);
    } finally {
      copy.destroy();
    }
  }

  /**
   * Makes a conversation's documents read-only for everyone connected now (new connections
   * are read-only by access.ts): called when the conversation is signed and locked.
   */
  async lockConversation(conversationId: string, reason: string): Promise<void> {
    for (const docName of [conversationId, `${conversationId}/private`]) {
      const room = await this.rooms.get(docName)?.catch(() => null);
      for (const connection of room?.connections ?? []) {
        connection.identity = { ...connection.identity, canWrite: false, readOnlyReason: reason };
        room?.refuseWrite(connection, reason);
      }
    }
    await this.committer.idle();
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

  private ping(): void {
    for (const loading of this.rooms.values()) {
      void loading.then(
        (room) => {
          for (const connection of room.connections) {
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
    this.projections.stop();
    clearInterval(this.pinger);
    await track("storing received collaboration updates", () => this.committer.idle());
    const closing: Promise<void>[] = [];
    for (const socket of this.sockets.clients) {
      closing.push(closedOrTerminated(socket, SOCKET_CLOSE_GRACE_MS));
      socket.close(CLOSE.serviceRestart, "The server is restarting; reconnect.");
    }
    // A room may still be loading for a connection that was accepted just before: keep going
    // until every room has left memory.
    while (this.rooms.size > 0) {
      for (const [docName, loading] of [...this.rooms]) {
        const room = await loading.catch(() => null);
        for (const connection of room ? [...room.connections] : []) room?.leave(connection);
        await track(`storing document ${docName} (projection, compaction)`, () =>
          this.unload(docName),
        );
        this.rooms.delete(docName);
      }
    }
    await track("compactions under way", () => this.compactor.idle());
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
