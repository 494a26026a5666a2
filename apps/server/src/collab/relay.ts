/**
 * Carries stored updates and presence between server processes that serve the same document.
 * One process needs nothing (the local relay); several processes over PostgreSQL share them
 * through Redis pub/sub (redis-relay.ts, docs/decisions/0014-collab-relay-over-redis.md).
 *
 * The relay is a fast path only: the update log in the database is the truth. A subscriber that
 * may have missed something (a gap in a peer's numbering, a lost Redis connection) is told to
 * catch up from the log, and a peer that stops announcing itself is reported gone, so the
 * presence of its clients can be removed.
 */
export interface RelayHandlers {
  /** Another process stored this update of the document. */
  onUpdate(update: Uint8Array): void;
  /** Another process's clients changed their presence (a y-protocols awareness update). */
  onAwareness(update: Uint8Array, peer: string): void;
  /** Something may have been missed: read the document from the log again. */
  onGap(): void;
  /**
   * `peer` serves the document too, from now on, or serves it again after falling silent, or
   * asks who is present: tell it who is present here.
   */
  onPeerJoined(peer: string): void;
  /** `peer` stopped announcing itself (died or lost Redis): its clients' presence is stale. */
  onPeerGone(peer: string): void;
}

export interface CollabRelay {
  /** Whether other processes exist behind this relay (false for the local relay). */
  readonly isShared: boolean;
  /** Announces an update that is already durably stored. */
  publish(docName: string, update: Uint8Array): void;
  /** Announces presence changes of this process's clients. */
  publishAwareness(docName: string, update: Uint8Array): void;
  /**
   * Receives other processes' messages for a document. Resolves (with the unsubscribe
   * function) once the subscription is active, so a document read from the log afterwards
   * misses nothing that is relayed later; when Redis is unreachable it resolves anyway after a
   * short wait and reports a gap once the connection is back.
   */
  subscribe(docName: string, handlers: RelayHandlers): Promise<() => void>;
  close(): Promise<void>;
}

/** The relay of a single server process: there is nobody else to tell. */
export const localRelay: CollabRelay = {
  isShared: false,
  publish: () => {},
  publishAwareness: () => {},
  subscribe: async () => () => {},
  close: async () => {},
};
