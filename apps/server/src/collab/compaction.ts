import * as Y from "yjs";
import { applyStored } from "./room-link.js";
import type { StoredDocument, UpdateStore } from "./store.js";

/** The snapshot of a stored document: everything in it, as one update. */
function snapshotOf(docName: string, stored: StoredDocument): Uint8Array {
  // A guid of its own: Yjs draws a random one otherwise (36 calls to the system's RNG).
  const doc = new Y.Doc({ gc: true, guid: docName });
  applyStored(doc, stored, null);
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return snapshot;
}

/**
 * Folds documents' logs into snapshots, from what is stored (not what is in memory), at most
 * one compaction per document at a time. Any process may compact any document: the store
 * replaces exactly the entries it read, atomically.
 */
export class Compactor {
  /** Compactions under way, by document (the close waits for them). */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: UpdateStore,
    /** Told how many logged updates a compaction folded away. */
    private readonly onCompacted: (docName: string, folded: number) => void,
  ) {}

  compact(docName: string): Promise<void> {
    const running = this.running.get(docName);
    if (running) return running;
    const compaction = this.compactNow(docName).finally(() => this.running.delete(docName));
    this.running.set(docName, compaction);
    return compaction;
  }

  /** Resolves when every compaction under way has finished. */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  private async compactNow(docName: string): Promise<void> {
    try {
      const folded = await this.store.compact(docName, (stored) => snapshotOf(docName, stored));
      this.onCompacted(docName, folded);
    } catch (error) {
      console.error(`collab: compacting ${docName} failed (the log stays as it is):`, error);
    }
  }
}
