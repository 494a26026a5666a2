/** One update to append to a document's log. */
export interface LogEntry {
  docName: string;
  update: Uint8Array;
}

/** A document as stored: the compacted snapshot, then the updates logged since. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The id of the newest log entry included (snapshot or update); 0 when empty. */
  lastId: number;
}

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
  /** Replaces the log up to `uptoId` by `snapshot`, atomically. */
  compact(docName: string, snapshot: Uint8Array, uptoId: number): Promise<void>;
  /** The number of log entries after the snapshot. */
  countUpdates(docName: string): Promise<number>;
  close(): Promise<void>;
}
