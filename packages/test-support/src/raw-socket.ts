import { MESSAGE } from "@driehoek/collab";
import WebSocket from "ws";
import { type CloseInfo, collabBase } from "./collab-protocol.js";
import type { ServerAddress } from "./stock-client.js";
import { until, WAIT_MS } from "./wait.js";

/** A plain `ws` socket on the collaboration endpoint, for traffic no well-behaved client sends. */
export interface RawCollabSocket {
  ws: WebSocket;
  /** Every binary message received, in order. */
  messages: Uint8Array[];
  /** Resolves when the connection has closed, with the code and reason. */
  closed: Promise<CloseInfo>;
  /** Resolves once the server greeted (it sends sync step 1 after authorizing). */
  greeted(): Promise<void>;
  /** Whether the socket is still open. */
  isOpen(): boolean;
}

/** How a raw socket behaves. */
export interface RawSocketOptions {
  /** Answers the server's pings, as every websocket client does (default true). */
  autoPong?: boolean;
}

/** Opens a raw websocket on `/collab/<room>` with these query parameters, as given. */
export function openRaw(
  server: ServerAddress,
  room: string,
  params: Record<string, string> = {},
  options: RawSocketOptions = {},
): RawCollabSocket {
  const query = new URLSearchParams(params).toString();
  const ws = new WebSocket(`${collabBase(server.url)}/${room}${query ? `?${query}` : ""}`, {
    autoPong: options.autoPong ?? true,
  });
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on("error", () => undefined);
  const closed = new Promise<CloseInfo>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    ws,
    messages,
    closed,
    greeted: () =>
      until(
        () => messages.some((m) => m[0] === MESSAGE.sync),
        `the server to greet a raw client on ${room}`,
      ),
    isOpen: () => ws.readyState === WebSocket.OPEN,
  };
}

/** Waits for a raw socket's close, failing after WAIT_MS. */
export async function closeOf(socket: RawCollabSocket): Promise<CloseInfo> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("The server did not close the socket")), WAIT_MS);
  });
  try {
    return await Promise.race([socket.closed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
