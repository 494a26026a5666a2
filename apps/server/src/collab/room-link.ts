import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { collabMetrics } from "./metrics.js";
import type { CollabRelay, RelayHandlers } from "./relay.js";
import { RELAYED, type Room } from "./room.js";
import type { StoredDocument, UpdateStore } from "./store.js";

/** Merges a document as stored into `doc` (already-known parts merge into nothing). */
export function applyStored(doc: Y.Doc, stored: StoredDocument, origin: unknown): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        // Such an update failed when it arrived too, so nobody ever saw it.
        console.error(`collab: skipped an unreadable logged update of ${doc.guid}:`, error);
      }
    }
  }, origin);
}

/** The client ids in an awareness update, and whether each one leaves (state null). */
function awarenessEntries(update: Uint8Array): { clientId: number; leaves: boolean }[] {
  const decoder = decoding.createDecoder(update);
  const entries: { clientId: number; leaves: boolean }[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    entries.push({ clientId, leaves: decoding.readVarString(decoder) === "null" });
  }
  return entries;
}

/**
 * Connects one live document (Room) to the other processes through the relay:
 * - relayed updates (already stored by their writer's process) are applied; those that arrive
 *   while the document is still being read from the log wait and are applied after it;
 * - whenever something may have been missed (a gap in a peer's numbering, a lost Redis
 *   connection, updates that wait for a missing predecessor), the log is read again and merged
 *   (`catchUp`): the log, written before anything is relayed, is the truth;
 * - this process's clients' presence is published; other processes' presence is shown, and
 *   removed when its process falls silent.
 */
export class RoomLink implements RelayHandlers {
  /** Other processes' clients present in the room, by the process that serves them. */
  private readonly remoteOwners = new Map<number, string>();
  /** Relayed updates that arrived before the document was read. */
  private waiting: Uint8Array[] | null = [];
  private catching: Promise<void> | null = null;
  private isCatchUpAgain = false;
  private unsubscribe: (() => void) | null = null;
  private isDetached = false;
  /** When the log was last read into the room (ms since epoch). */
  lastReadAt = 0;

  constructor(
    private readonly room: Room,
    private readonly store: UpdateStore,
    private readonly relay: CollabRelay,
  ) {}

  /** Subscribes before the document is read, so nothing stored after the read is missed. */
  async attach(): Promise<void> {
    const readFrom = Date.now();
    const unsubscribe = await this.relay.subscribe(this.room.name, this);
    if (this.isDetached) return unsubscribe();
    this.unsubscribe = unsubscribe;
    this.room.onPresence = (update) => this.relay.publishAwareness(this.room.name, update);
    this.lastReadAt = readFrom;
  }

  /** The document has been read from the log: what was relayed meanwhile is applied now. */
  loaded(readAt: number): void {
    this.lastReadAt = readAt;
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const update of waiting) this.onUpdate(update);
  }

  onUpdate(update: Uint8Array): void {
    if (this.isDetached) return;
    if (this.waiting) {
      this.waiting.push(update);
      return;
    }
    const store = this.room.doc.store;
    const wasWaiting = store.pendingStructs !== null || store.pendingDs !== null;
    try {
      Y.applyUpdate(this.room.doc, update, RELAYED);
    } catch (error) {
      console.error(`collab: a relayed update to ${this.room.name} could not be applied:`, error);
      this.repair("unreadable");
      return;
    }
    // It builds on something this process never received: fetch that from the log.
    if (!wasWaiting && (store.pendingStructs !== null || store.pendingDs !== null))
      this.repair("pending");
  }

  /** Catches up in the background (a failed read is logged; the next gap tries again). */
  private repair(reason: string): void {
    this.catchUp(reason).catch((error) =>
      console.error(`collab: reading ${this.room.name} from the log again failed:`, error),
    );
  }

  onAwareness(update: Uint8Array, peer: string): void {
    if (this.isDetached) return;
    try {
      for (const { clientId, leaves } of awarenessEntries(update)) {
        if (leaves) this.remoteOwners.delete(clientId);
        else this.remoteOwners.set(clientId, peer);
      }
      awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, RELAYED);
    } catch (error) {
      console.error(
        `collab: a relayed presence update to ${this.room.name} was unreadable:`,
        error,
      );
    }
  }

  onGap(): void {
    if (this.isDetached) return;
    this.repair("log");
    this.publishPresence();
  }

  onPeerJoined(): void {
    if (!this.isDetached) this.publishPresence();
  }

  onPeerGone(peer: string): void {
    if (this.isDetached) return;
    const gone: number[] = [];
    for (const [clientId, owner] of this.remoteOwners) {
      if (owner !== peer) continue;
      this.remoteOwners.delete(clientId);
      if (this.room.awareness.states.has(clientId)) gone.push(clientId);
    }
    if (gone.length > 0)
      awarenessProtocol.removeAwarenessStates(this.room.awareness, gone, RELAYED);
  }

  /** Tells the other processes who is present here (after a gap, or to a newcomer). */
  private publishPresence(): void {
    const ids = this.room.localPresence();
    if (ids.length === 0) return;
    this.relay.publishAwareness(
      this.room.name,
      awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids),
    );
  }

  /**
   * Reads the document from the log again and merges what the room lacks (sent on to its
   * connections as usual). Calls during a read run one more read after it.
   */
  catchUp(reason = "log"): Promise<void> {
    if (this.catching) {
      this.isCatchUpAgain = true;
      return this.catching;
    }
    if (reason !== "log") collabMetrics.relayGaps.inc({ reason });
    this.catching = (async () => {
      do {
        this.isCatchUpAgain = false;
        const readAt = Date.now();
        const stopTimer = collabMetrics.catchUpLatency.startTimer();
        const stored = await this.store.load(this.room.name);
        if (this.isDetached) return;
        applyStored(this.room.doc, stored, RELAYED);
        stopTimer();
        this.lastReadAt = readAt;
      } while (this.isCatchUpAgain);
    })().finally(() => {
      this.catching = null;
    });
    return this.catching;
  }

  /** Stops listening (the room leaves memory). */
  detach(): void {
    this.isDetached = true;
    this.room.onPresence = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
