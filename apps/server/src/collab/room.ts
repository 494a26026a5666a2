import { CLOSE, encodeStored, MESSAGE, type StoredClocks } from "@driehoek/collab";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabConnection } from "./connection.js";
import { DocumentDoor, holdsAll, type IncomingUpdate } from "./door.js";

/** The origin of changes that came from other processes (relayed or read again from the log). */
export const RELAYED = "relay";

/** Refused updates after which a connection is closed (a client that keeps sending them is broken). */
export const MAX_REFUSED_UPDATES = 3;

/** Colours per role, so everyone recognises who is typing. */
const ROLE_COLOURS: Record<string, string> = {
  student: "#1f6feb",
  praktijkopleider: "#b35900",
  bpv_begeleider: "#1a7f37",
};

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One live document in memory: the Y.Doc, its awareness (presence) and the connections on it.
 * Updates reach the doc only after they are stored; the doc's update event relays them.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  /** Log entries since the last compaction, to decide when to compact. */
  updatesSinceCompaction = 0;
  /** What the tables last received from this document (see projection.ts). */
  projected: string | null = null;
  /** The tables changed and the rest of the server has not been told yet (see CollabHooks). */
  isRecordChangePending = false;
  /** The people whose stored updates the tables have not followed yet: who changed the record. */
  readonly editors = new Set<string>();
  idleTimer: NodeJS.Timeout | null = null;
  /** The room has started to leave memory: new connections load the document again. */
  isUnloaded = false;
  /** Called with every presence change that did not come from another process (see RoomLink). */
  onPresence: ((update: Uint8Array) => void) | null = null;
  /** Checks incoming updates against the document's shape before they are stored. */
  private readonly door: DocumentDoor;

  constructor(
    readonly name: string,
    private readonly onChange: (origin: unknown) => void,
  ) {
    // The document's name as its guid: Yjs would draw a random one (36 calls to the RNG).
    this.doc = new Y.Doc({ gc: true, guid: name });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.door = new DocumentDoor(this.doc, name.includes("/") ? "private" : "conversation");
    // The server is not a participant: it shows no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const relayed = message(MESSAGE.sync, (e) => syncProtocol.writeUpdate(e, update));
      for (const connection of this.connections)
        if (connection !== origin) connection.send(relayed);
      this.onChange(origin);
    });
    this.awareness.on(
      "update",
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        const from = origin as CollabConnection | null;
        if (from && this.connections.has(from)) {
          for (const id of added) from.awarenessIds.add(id);
          for (const id of removed) from.awarenessIds.delete(id);
          this.stampIdentity(from, [...added, ...updated]);
        }
        const encoded = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        const update = message(MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, encoded));
        for (const connection of this.connections)
          if (connection !== origin) connection.send(update);
        // This process's clients' presence goes to the other processes (not what came from them).
        if (origin !== RELAYED) this.onPresence?.(encoded);
      },
    );
  }

  /**
   * Presence tells the truth about who is typing: the name and role come from the server's
   * knowledge of the token, whatever the client claimed.
   */
  private stampIdentity(connection: CollabConnection, ids: number[]): void {
    const { name, role } = connection.identity;
    for (const id of ids) {
      const state = this.awareness.getStates().get(id);
      if (!state) continue;
      const user = (state.user ?? {}) as Record<string, unknown>;
      if (user.name !== name || user.role !== role || !user.color) {
        this.awareness.states.set(id, {
          ...state,
          user: { ...user, name, role, color: user.color ?? ROLE_COLOURS[role] ?? "#6e7781" },
        });
      }
    }
  }

  /** Greets a new connection: the server's state vector (sync step 1) and everyone present. */
  greet(connection: CollabConnection): void {
    connection.send(message(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) {
      connection.send(
        message(MESSAGE.awareness, (e) =>
          encoding.writeVarUint8Array(
            e,
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, present),
          ),
        ),
      );
    }
  }

  /** Answers a client's sync step 1 with what it is missing. */
  answerStep1(connection: CollabConnection, stateVector: Uint8Array): void {
    connection.send(
      message(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector)),
    );
  }

  /** Sends every current awareness state (the answer to a query). */
  sendAwareness(connection: CollabConnection): void {
    const ids = [...this.awareness.getStates().keys()];
    connection.send(
      message(MESSAGE.awareness, (e) =>
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
        ),
      ),
    );
  }

  /**
   * Tells the writer that an update is stored: one message per update, in the order they were
   * sent, so even an update that only deletes (and carries no clock) is confirmed.
   */
  confirmStored(connection: CollabConnection, clocks: StoredClocks): void {
    // "Up to": the clock below which the doc (only stored updates reach it) has no gap; not the
    // update's own highest clock, which may lie beyond a gap that is still on its way.
    const upTo: StoredClocks = new Map(
      [...clocks.keys()].map((c) => [c, Y.getState(this.doc.store, c)] as const),
    );
    if (connection.wantsAcks) connection.send(encodeStored(upTo));
  }

  /**
   * The document already holds every struct up to `clocks` and every deletion in `deletes`:
   * an update with nothing more is already stored (only stored updates reach the document).
   */
  holds(clocks: StoredClocks, deletes: Map<number, { clock: number; len: number }[]>): boolean {
    return holdsAll(this.doc, clocks, deletes);
  }

  /** Tells a client its write was refused (y-protocols' auth "permission denied"). */
  refuseWrite(connection: CollabConnection, reason: string): void {
    connection.send(
      message(MESSAGE.auth, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, reason);
      }),
    );
  }

  /**
   * Lets an incoming update through the door, or refuses it: then nothing of it is stored or
   * relayed, and the writer gets the refusal (auth "permission denied" with a reason that starts
   * with `Update refused (<code>)`) followed by the server's whole state (sync step 2), from
   * which it can rebuild its document; its own copy still holds the refused change, and later
   * updates that build on it wait on the server for ever. After MAX_REFUSED_UPDATES refusals the
   * connection is closed with 4400.
   */
  admitUpdate(connection: CollabConnection, incoming: IncomingUpdate): boolean {
    const refusal = this.door.admit(incoming);
    if (!refusal) return true;
    connection.refusedUpdates += 1;
    if (connection.refusedUpdates === 1)
      console.warn(
        `collab: refused an update to ${this.name} (${refusal.code}): ${refusal.reason}`,
      );
    this.refuseWrite(
      connection,
      `Update refused (${refusal.code}): ${refusal.reason}. Nothing of it was stored; load the document again.`,
    );
    connection.send(message(MESSAGE.sync, (e) => syncProtocol.writeSyncStep2(e, this.doc)));
    if (connection.refusedUpdates >= MAX_REFUSED_UPDATES)
      connection.close(CLOSE.malformed, "Too many refused updates.");
    return false;
  }

  /** Removes a connection and, at once, its presence from everyone's screen. */
  leave(connection: CollabConnection): void {
    this.connections.delete(connection);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** The awareness client ids of this process's own connections that are present now. */
  localPresence(): number[] {
    const ids: number[] = [];
    for (const connection of this.connections)
      for (const id of connection.awarenessIds) if (this.awareness.states.has(id)) ids.push(id);
    return ids;
  }

  destroy(): void {
    this.onPresence = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.door.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
