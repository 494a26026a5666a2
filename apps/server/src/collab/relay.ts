/**
 * Carries stored updates between server processes that serve the same document. One process
 * needs nothing (the local relay); several processes over PostgreSQL share updates through
 * an implementation over Redis pub/sub behind this same interface.
 */
export interface CollabRelay {
  /** Announces an update that is already durably stored. */
  publish(docName: string, update: Uint8Array): void;
  /** Receives other processes' updates for a document; returns the unsubscribe function. */
  subscribe(docName: string, onUpdate: (update: Uint8Array) => void): () => void;
  close(): Promise<void>;
}

/** The relay of a single server process: there is nobody else to tell. */
export const localRelay: CollabRelay = {
  publish: () => {},
  subscribe: () => () => {},
  close: async () => {},
};
