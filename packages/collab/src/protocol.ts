import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The collaboration wire protocol: y-websocket's messages (y-protocols sync, awareness, auth),
 * plus one of Driehoek's own, "stored", sent only to clients that ask for it with `acks=1`,
 * so a stock y-websocket client never sees a message it does not know.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: these clients' updates are durably stored up to these clocks. */
  stored: 100,
} as const;

/**
 * Close codes. 4400–4499 are permanent (the stock client does not reconnect); 4500–4599 ask
 * the client to try again later.
 */
export const CLOSE = {
  malformed: 4400,
  unauthenticated: 4401,
  /**
   * The access token behind an open connection expired, or its session was ended (logout,
   * "log out everywhere", deactivation, a revoked invite): renew or log in, then reconnect.
   */
  sessionEnded: 4402,
  forbidden: 4403,
  notFound: 4404,
  authTimeout: 4408,
  tooLarge: 4413,
  rateLimited: 4429,
  loadFailed: 4500,
  tooManyConnections: 4503,
  shuttingDown: 4501,
  /**
   * The standard "service restart" (RFC 6455): the server is shutting down cleanly; everything
   * it confirmed is stored. Reconnect after a short, randomized wait (behind a load balancer,
   * to another instance); unconfirmed edits are sent again then.
   */
  serviceRestart: 1012,
} as const;

/** How far each client's updates are stored: Yjs client id → the next clock not yet stored. */
export type StoredClocks = Map<number, number>;

/** Encodes a "stored" message. */
export function encodeStored(clocks: StoredClocks): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.stored);
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes the body of a "stored" message (after its type has been read). */
export function decodeStoredBody(decoder: decoding.Decoder): StoredClocks {
  const clocks: StoredClocks = new Map();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    clocks.set(client, decoding.readVarUint(decoder));
  }
  return clocks;
}

/** The room of a conversation's shared document. */
export const conversationRoom = (conversationId: string) => conversationId;
/** The room of the supervisor's private notes for a conversation. */
export const privateRoom = (conversationId: string) => `${conversationId}/private`;

/** Splits a room name into the conversation id and whether it is the private document. */
export function parseRoom(room: string): { conversationId: string; isPrivate: boolean } | null {
  const match = /^([A-Za-z0-9-]{1,64})(\/private)?$/.exec(room);
  return match?.[1] ? { conversationId: match[1], isPrivate: Boolean(match[2]) } : null;
}
