import { decodeStoredBody, MESSAGE } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { type CloseInfo, encodeMessage, updateMessage } from "./collab-protocol.js";

/** The origin of changes that came from the server, so they are not sent back. */
export const REMOTE = Symbol("remote");

/** Hooks for whoever drives the client (a test or the benchmark's load process). */
export interface RawClientHooks {
  /** A sync step 2 or update from the server was applied to the doc. */
  onRemote?(client: RawCollabClient): void;
  /** A "stored" message arrived (clocks as sent by the server). */
  onStored?(client: RawCollabClient, clocks: Map<number, number>): void;
  /** The socket closed (whether or not it had opened). */
  onClose?(client: RawCollabClient, event: CloseInfo): void;
}

/**
 * A collaboration client speaking the raw y-websocket protocol plus Driehoek's `stored`
 * message: one Y.Doc, one socket at a time. Every local transaction is sent at once as an
 * update while connected; on (re)connecting the client sends sync step 1 and answers the
 * server's step 1 with a step 2 holding everything the server lacks, so edits made while
 * offline (or sent but never confirmed) reach the server again.
 */
export class RawCollabClient {
  readonly doc: Y.Doc;
  /** The highest clock per Yjs client that the server has confirmed as stored to us. */
  readonly stored = new Map<number, number>();
  /** Refusals (auth "permission denied") the server sent. */
  readonly refusals: string[] = [];
  /** Every close, in order. */
  readonly closes: CloseInfo[] = [];
  /** Local updates handed to the socket, and messages received. */
  sent = 0;
  received = 0;
  private socket: WebSocket | null = null;
  private isStarting = false;
  private open = false;
  private isSynced = false;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  /**
   * `url`: the address, or (usually) a function that makes one with a fresh single-use ticket
   * for every connect (see `ticketedUrl`).
   */
  constructor(
    private readonly url: string | (() => Promise<string>),
    private readonly hooks: RawClientHooks = {},
    doc?: Y.Doc,
  ) {
    this.doc = doc ?? new Y.Doc();
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !this.open) return;
      this.send(updateMessage(update));
      this.sent += 1;
    });
  }

  get clientID(): number {
    return this.doc.clientID;
  }

  /** The socket is open. */
  get connected(): boolean {
    return this.open;
  }

  /** The socket is open and the server's step 2 has been applied. */
  get synced(): boolean {
    return this.isSynced;
  }

  /** Opens the socket; resolves once synced, rejects if it closes first or takes too long. */
  async connect(timeoutMs = 10_000): Promise<void> {
    if (this.socket || this.isStarting) throw new Error("Already connecting or connected.");
    this.isStarting = true;
    let url: string;
    try {
      url = typeof this.url === "string" ? this.url : await this.url();
    } finally {
      this.isStarting = false;
    }
    return this.openSocket(url, timeoutMs);
  }

  private openSocket(url: string, timeoutMs: number): Promise<void> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.binaryType = "nodebuffer";
    this.socket = socket;
    const synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`Not synced within ${timeoutMs} ms`));
        socket.terminate();
      }, timeoutMs);
      this.waiters.push({
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    socket.on("open", () => {
      this.open = true;
      // Step 1: our state vector, so the server sends what we lack.
      this.send(
        encodeMessage((e) => {
          encoding.writeVarUint(e, MESSAGE.sync);
          syncProtocol.writeSyncStep1(e, this.doc);
        }),
      );
    });
    socket.on("message", (data: Buffer) => this.receive(data));
    socket.on("error", () => undefined);
    socket.on("close", (code, reason) => {
      const event = { code, reason: reason.toString() };
      this.closes.push(event);
      this.open = false;
      this.isSynced = false;
      if (this.socket === socket) this.socket = null;
      for (const w of this.waiters.splice(0))
        w.reject(new Error(`Closed before sync: ${code} ${event.reason}`));
      this.hooks.onClose?.(this, event);
    });
    return synced;
  }

  /** Closes the socket (the doc stays, to reconnect later). */
  disconnect(): void {
    this.socket?.terminate();
  }

  /** Closes and forgets everything. */
  destroy(): void {
    this.disconnect();
    this.doc.destroy();
  }

  /** The highest stored clock of this client's own updates. */
  get storedOwn(): number {
    return this.stored.get(this.doc.clientID) ?? 0;
  }

  /** Bytes queued on the socket and not yet handed to the kernel. */
  get buffered(): number {
    return this.socket?.bufferedAmount ?? 0;
  }

  /** Sends a raw message if the socket is open. */
  send(data: Uint8Array): void {
    if (this.open && this.socket?.readyState === WebSocket.OPEN) this.socket.send(data);
  }

  private receive(data: Buffer): void {
    this.received += 1;
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        // The server's state vector: answer with everything it lacks (step 2).
        this.send(
          encodeMessage((e) => {
            encoding.writeVarUint(e, MESSAGE.sync);
            encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
            encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload));
          }),
        );
        return;
      }
      Y.applyUpdate(this.doc, payload, REMOTE);
      if (step === syncProtocol.messageYjsSyncStep2 && !this.isSynced) {
        this.isSynced = true;
        for (const w of this.waiters.splice(0)) w.resolve();
      }
      this.hooks.onRemote?.(this);
    } else if (type === MESSAGE.stored) {
      const clocks = decodeStoredBody(decoder);
      for (const [client, clock] of clocks)
        if ((this.stored.get(client) ?? 0) < clock) this.stored.set(client, clock);
      this.hooks.onStored?.(this, clocks);
    } else if (type === MESSAGE.auth) {
      decoding.readVarUint(decoder);
      this.refusals.push(decoding.readVarString(decoder));
    }
    // Awareness (1) is not needed by these clients.
  }
}
