/**
 * A WebSocket stand-in for y-websocket in tests: records what the client sends and lets the
 * test play the server (open, send a message, close with a code).
 */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = "arraybuffer";
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  /** The newest socket. */
  static last(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  send(data: Uint8Array | ArrayBuffer): void {
    this.sent.push(data instanceof Uint8Array ? data : new Uint8Array(data));
  }

  close(): void {
    this.readyState = this.CLOSED;
  }

  /** Server side: accept the connection. */
  open(): void {
    this.readyState = this.OPEN;
    this.onopen?.();
  }

  /** Server side: send a message. */
  receive(message: Uint8Array): void {
    const copy = message.slice();
    this.onmessage?.({ data: copy.buffer });
  }

  /** Server side: close with a code. */
  serverClose(code: number, reason = ""): void {
    this.readyState = this.CLOSED;
    this.onclose?.({ code, reason });
  }
}
