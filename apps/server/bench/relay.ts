/**
 * The benchmark's baseline: a minimal in-memory y-protocols relay, as y-websocket's example
 * server does it (one Y.Doc per room, sync step 1/2 + updates + awareness relayed to the room).
 * No durability, no authorization (tickets in the URL are ignored), no "stored" confirmations,
 * no shape checks. bench/collab.ts runs it as a child process with the same load as Driehoek:
 * the difference between the two is what Driehoek's guarantees cost.
 *
 *   tsx bench/relay.ts --port 4567   (prints "listening <port>", or tells its parent over IPC)
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { conversationSeed } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** One shared document and the sockets on it. */
interface RelayRoom {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Set<WebSocket>;
}

const rooms = new Map<string, RelayRoom>();

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(message);
}

function broadcast(room: RelayRoom, message: Uint8Array, except: unknown): void {
  for (const socket of room.sockets) if (socket !== except) send(socket, message);
}

function roomFor(name: string): RelayRoom {
  const room = rooms.get(name);
  if (room) return room;
  const doc = new Y.Doc();
  // The same starting document as a new Driehoek conversation, so the clients type the same.
  Y.applyUpdate(doc, conversationSeed([]));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const created: RelayRoom = { doc, awareness, sockets: new Set() };
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    broadcast(created, encoding.toUint8Array(encoder), origin);
  });
  awareness.on(
    "update",
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]),
      );
      broadcast(created, encoding.toUint8Array(encoder), origin);
    },
  );
  rooms.set(name, created);
  return created;
}

function receive(socket: WebSocket, room: RelayRoom, data: Buffer): void {
  const decoder = decoding.createDecoder(
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  );
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
    if (encoding.length(encoder) > 1) send(socket, encoding.toUint8Array(encoder));
  } else if (type === MESSAGE_AWARENESS) {
    awarenessProtocol.applyAwarenessUpdate(
      room.awareness,
      decoding.readVarUint8Array(decoder),
      socket,
    );
  } else if (type === MESSAGE_QUERY_AWARENESS) {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(room.awareness, [
        ...room.awareness.getStates().keys(),
      ]),
    );
    send(socket, encoding.toUint8Array(encoder));
  }
}

/** Starts the relay on `port` (0: any free port); resolves with the port it listens on. */
export function startRelay(port: number): Promise<number> {
  const server = http.createServer((request, response) => {
    // The benchmark's /healthz probe measures the event loop here too.
    response.writeHead(request.url === "/healthz" ? 200 : 404).end();
  });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on("connection", (socket, request) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const room = roomFor(name);
    room.sockets.add(socket);
    socket.binaryType = "nodebuffer";
    socket.on("message", (data: Buffer) => {
      try {
        receive(socket, room, data);
      } catch {
        socket.close(4400, "Malformed message.");
      }
    });
    // Presence is not cleaned up on close: the benchmark closes its clients only at the end.
    socket.on("close", () => room.sockets.delete(socket));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    send(socket, encoding.toUint8Array(encoder));
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "0" } } });
  void startRelay(Number(values.port)).then((port) => {
    if (process.send) process.send({ type: "listening", port });
    else console.log(`listening ${port}`);
  });
  process.on("SIGTERM", () => process.exit(0));
}
