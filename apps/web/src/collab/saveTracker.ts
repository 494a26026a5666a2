import * as Y from "yjs";

/**
 * Knows how much of a document the server has durably stored, to say "saved" honestly.
 *
 * The server stores every update before it applies or relays it, so three things prove storage:
 * its state vector in sync step 1 (what it held when we connected), the updates it sends us
 * (stored before they were sent), and its "stored" confirmations of our own updates. The
 * document is saved when, for every client in the local state vector, the server is known to
 * hold at least that clock. That also covers edits made offline in an earlier session under
 * another client id and kept in IndexedDB.
 *
 * Deletions add no clock, and the server confirms none: a change that only deletes text counts as
 * saved once it is sent.
 */
export class SaveTracker {
  private readonly stored = new Map<number, number>();

  constructor(private readonly doc: Y.Doc) {}

  /** The server's state vector, from its sync step 1. */
  noteServerState(stateVector: Map<number, number>): void {
    this.merge(stateVector);
  }

  /** An update that came from the server (sync step 2 or a relayed update). */
  noteServerUpdate(update: Uint8Array): void {
    try {
      this.merge(Y.parseUpdateMeta(update).to);
    } catch {
      // An unreadable update proves nothing; Yjs itself reports it when applying.
    }
  }

  /** A "stored" confirmation: these clients' updates are stored up to these clocks. */
  noteStored(clocks: Map<number, number>): void {
    this.merge(clocks);
  }

  /** Whether everything in the local document is known to be stored on the server. */
  isSaved(): boolean {
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [client, clock] of local) {
      if ((this.stored.get(client) ?? 0) < clock) return false;
    }
    return true;
  }

  private merge(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) {
      if ((this.stored.get(client) ?? 0) < clock) this.stored.set(client, clock);
    }
  }
}
