import type { Socket } from "node:net";
import type { WebSocket } from "ws";
import type { CollabIdentity } from "./access.js";
import { TokenBucket } from "./rate-limit.js";

/** Limits that apply to each collaboration connection. */
export interface ConnectionLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

/** One client's websocket on one document. */
export class CollabConnection {
  /** Awareness client ids this connection has announced (removed again when it leaves). */
  readonly awarenessIds = new Set<number>();
  /** How far this client's awareness clocks are raised (see awareness-filter.ts). */
  readonly awarenessClockOffsets = new Map<number, number>();
  /** Updates of this connection the door refused (see Room.admitUpdate). */
  refusedUpdates = 0;
  /** Answered the last ping (or was heard from since it was sent). */
  isAlive = true;
  /** Sent a message (or connected) since the last round of pings: alive without being asked. */
  isHeardFrom = true;
  /** Messages sent in this turn of the event loop wait in the socket until its end. */
  private isCorked = false;
  /** Updates of this connection on their way to the log (not stored or failed yet). */
  pendingWrites = 0;
  /** The client asked for "stored" messages (acks=1). */
  readonly wantsAcks: boolean;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    /** Who is connected; `canWrite` drops to false when the conversation is locked. */
    public identity: CollabIdentity,
    wantsAcks: boolean,
    limits: ConnectionLimits,
  ) {
    this.wantsAcks = wantsAcks;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
  }

  /** Counts one incoming message against the rate limits; false when over them. */
  admit(size: number): boolean {
    return this.messages.take(1) && this.bytes.take(size);
  }

  /**
   * Sends if the socket is open; a closed socket is simply skipped. Everything sent to one
   * socket in one turn of the event loop leaves in one write: a group commit settles many
   * writers at once, and a socket then gets relays of the others' updates and the confirmation
   * of its own together, one system call instead of one per message.
   */
  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!this.isCorked) {
      // ws keeps its TCP socket as `_socket`; without it, each message is written on its own.
      const tcp = (this.socket as unknown as { _socket?: Socket })._socket;
      if (tcp) {
        tcp.cork();
        this.isCorked = true;
        process.nextTick(() => {
          this.isCorked = false;
          tcp.uncork();
        });
      }
    }
    this.socket.send(message);
  }

  /** Closes with a code and a reason (truncated to fit a close frame). */
  close(code: number, reason: string): void {
    if (
      this.socket.readyState === this.socket.OPEN ||
      this.socket.readyState === this.socket.CONNECTING
    ) {
      this.socket.close(code, Buffer.from(reason).subarray(0, 120).toString());
    }
  }
}
