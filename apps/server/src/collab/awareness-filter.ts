import { CLOSE } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";
import type { CollabConnection } from "./connection.js";

/** The largest presence (awareness) state one client may announce, in bytes of JSON. */
export const MAX_PRESENCE_BYTES = 8 * 1024;

/**
 * Prepares a client's awareness update before it is applied:
 * - a state larger than MAX_PRESENCE_BYTES is refused: the connection is closed with 4413 and a
 *   reason that says so, and nothing of the update is applied or shown to anyone;
 * - entries for client ids another connection owns are dropped (the stock y-websocket client
 *   echoes everyone's presence back; nobody may change someone else's presence);
 * - a client that comes back after its presence was removed re-sends its old clock, which
 *   everyone would ignore; its clocks are raised past the removal, and stay raised for the
 *   rest of the connection, so it is visible again at once.
 * Returns the update to apply, or null when nothing is left. Throws on an unreadable update.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  connection: CollabConnection,
  connections: Iterable<CollabConnection>,
  awareness: Awareness,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > MAX_PRESENCE_BYTES || Buffer.byteLength(state) > MAX_PRESENCE_BYTES) {
      connection.close(CLOSE.tooLarge, `Presence state over ${MAX_PRESENCE_BYTES} bytes refused.`);
      return null;
    }
    JSON.parse(state);
    let ownedElsewhere = false;
    for (const other of connections) {
      if (other !== connection && other.awarenessIds.has(clientId)) ownedElsewhere = true;
    }
    if (ownedElsewhere) continue;
    let translated = clock + (connection.awarenessClockOffsets.get(clientId) ?? 0);
    const known = awareness.meta.get(clientId)?.clock;
    const isPresent = awareness.states.has(clientId);
    if (known !== undefined && !isPresent && state !== "null" && translated <= known) {
      connection.awarenessClockOffsets.set(clientId, known + 1 - clock);
      translated = known + 1;
    }
    kept.push({ clientId, clock: translated, state });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
