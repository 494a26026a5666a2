import {
  conversationSeed,
  conversationSeedAddition,
  hasSeedAddition,
  isSeeded,
  privateNotesSeed,
} from "@driehoek/collab";
import * as Y from "yjs";
import type { Services } from "../context.js";
import { agreementsToReview } from "../modules/agreement/previous-agreements.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { type TrackShutdown, untracked } from "../shutdown.js";
import type { CollabIdentity } from "./access.js";
import type { CollabHooks } from "./collab-server.js";
import { Compactor } from "./compaction.js";
import type { CollabConnection } from "./connection.js";
import { GroupCommitter } from "./group-commit.js";
import { collabMetrics } from "./metrics.js";
import { projectConversation } from "./projection.js";
import { ProjectionScheduler } from "./projection-scheduler.js";
import type { SqliteStatements } from "./projection-text-runs.js";
import type { CollabRelay } from "./relay.js";
import { Room } from "./room.js";
import { applyStored, RoomLink } from "./room-link.js";
import type { UpdateStore } from "./store.js";

/** When live documents leave memory, follow into the tables and are compacted. */
export interface LiveDocumentOptions {
  idleUnloadMs: number;
  projectionDelayMs: number;
  compactAfterUpdates: number;
}

/**
 * The documents this process holds in memory (rooms): loading them from the log (seeded when
 * new) with their link to the other processes, the tables following them (projection), the
 * log's compaction, and unloading them when nobody is connected any more.
 */
export class LiveDocuments {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Each live document's link to the other processes. */
  private readonly links = new WeakMap<Room, RoomLink>();
  /** Stores updates; resolves once they are durable (group commit). */
  readonly committer: GroupCommitter;
  private readonly projections: ProjectionScheduler<Room>;
  /** Where the projection's text runs write on SQLite: the log's connection. */
  private readonly projectionStatements: SqliteStatements | undefined;
  private readonly compactor: Compactor;

  constructor(
    private readonly services: Services,
    private readonly store: UpdateStore,
    private readonly relay: CollabRelay,
    private readonly options: LiveDocumentOptions,
    private readonly hooks: CollabHooks,
  ) {
    this.committer = new GroupCommitter(store);
    this.projectionStatements = store.statement?.bind(store);
    this.compactor = new Compactor(store, (docName, folded) => {
      void this.rooms.get(docName)?.then(
        (room) => {
          room.updatesSinceCompaction = Math.max(0, room.updatesSinceCompaction - folded);
        },
        () => undefined,
      );
    });
    this.projections = new ProjectionScheduler(options.projectionDelayMs, (id, room) =>
      this.project(id, room),
    );
  }

  /** How many documents are in memory (or loading). */
  get size(): number {
    return this.rooms.size;
  }

  /** A live (or loading) document, if this process holds it. */
  get(docName: string): Promise<Room> | undefined {
    return this.rooms.get(docName);
  }

  /** Every live (or loading) document. */
  all(): Promise<Room>[] {
    return [...this.rooms.values()];
  }

  /**
   * A client's update to `room` is stored (and applied): the other processes hear of it, and
   * the log is compacted when it has grown.
   */
  stored(room: Room, update: Uint8Array, editorId: string): void {
    room.updatesSinceCompaction += 1;
    if (!room.name.includes("/")) room.editors.add(editorId);
    this.relay.publish(room.name, update);
    if (room.updatesSinceCompaction >= this.options.compactAfterUpdates)
      void this.compactor.compact(room.name);
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
      this.projectionStatements,
    );
    room.projected = projection.fingerprint;
    if (projection.hasChangedRows) room.isRecordChangePending = true;
    if (room.isRecordChangePending) {
      // What the projection read back is known only for its own change, not for a retried one.
      await this.hooks.onRecordChanged(conversationId, editors, projection.standing);
      room.isRecordChangePending = false;
    }
    for (const editor of editors) room.editors.delete(editor);
  }

  /**
   * The live room for a new connection. Another process may have stored updates this one has
   * not heard of yet: a newcomer is served the log as it is now, never an older copy. A room
   * that started to leave memory meanwhile (its last connection left just before) is not
   * joined: the next one is loaded.
   */
  async open(identity: CollabIdentity, arrivedAt: number): Promise<Room> {
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

  /** `connection` left `room`: a room nobody is in leaves memory after a while. */
  leave(connection: CollabConnection, room: Room): void {
    room.leave(connection);
    if (room.connections.size === 0 && !room.idleTimer) {
      room.idleTimer = setTimeout(() => void this.unload(room.name), this.options.idleUnloadMs);
      room.idleTimer.unref();
    }
  }

  /** Takes a document nobody is connected to out of memory: tables, compaction, then gone. */
  async unload(docName: string): Promise<void> {
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

  /** No more projections (closing). */
  stop(): void {
    this.projections.stop();
  }

  /** Takes every document out of memory (closing), also those still loading. */
  async unloadAll(track: TrackShutdown = untracked): Promise<void> {
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
  }
}
