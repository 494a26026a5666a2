/** One update to append to a document's log. */
export interface LogEntry {
  docName: string;
  update: Uint8Array;
}

/** A document as stored: the compacted snapshot, then the updates logged and not folded into it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The id of the newest log entry included (snapshot or update); 0 when empty. */
  lastId: number;
}

/** Makes the snapshot of a document from what is stored of it. */
export type Fold = (stored: StoredDocument) => Uint8Array;

/**
 * Durable storage of collaborative documents: an append-only update log plus snapshots.
 * `append` resolves only once the entries are committed to disk; callers may relay and
 * acknowledge the updates after that, and not before.
 */
export interface UpdateStore {
  /** Appends entries (of any documents) in one commit, in order. */
  append(entries: readonly LogEntry[]): Promise<void>;
  /** Reads a document consistently (snapshot and the updates after it). */
  load(docName: string): Promise<StoredDocument>;
  /**
   * Reads the document and replaces exactly the log entries it read by the snapshot `fold`
   * makes of them, atomically; an entry committed meanwhile stays in the log. Resolves with the
   * number of entries folded (0: nothing to fold, nothing written).
   */
  compact(docName: string, fold: Fold): Promise<number>;
  /**
   * SQLite only: runs one of the projection's statements on the log's connection and answers
   * its rows (see SqliteUpdateStore.statement).
   */
  statement?(sql: string, params: unknown[], writes: boolean): Promise<unknown[]>;
  /** The number of log entries not folded into the snapshot. */
  countUpdates(docName: string): Promise<number>;
  close(): Promise<void>;
}
