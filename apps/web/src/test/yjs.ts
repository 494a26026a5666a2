import * as Y from "yjs";

/** The origin with which `linkDocs` applies updates, so they are not echoed back. */
const REMOTE = Symbol("remote");

/**
 * Two documents that exchange every update at once, like two devices on one server: a change
 * made in one appears in the other as a remote change.
 */
export function linkDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(b, update, REMOTE);
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(a, update, REMOTE);
  });
}
