import { CLOSE } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import { CollabRefusal } from "./access.js";
import type { CollabConnection } from "./connection.js";

/**
 * Refuses an awareness update that speaks for a client id another connection owns, so nobody
 * can remove or rename someone else's presence. Also rejects an unreadable update.
 */
export function assertAwarenessOwnership(
  update: Uint8Array,
  connection: CollabConnection,
  connections: Iterable<CollabConnection>,
): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
    for (const other of connections) {
      if (other !== connection && other.awarenessIds.has(clientId)) {
        throw new CollabRefusal(CLOSE.forbidden, "That presence belongs to someone else.");
      }
    }
  }
}
