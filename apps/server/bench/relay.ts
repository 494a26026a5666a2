/**
 * The benchmark's baseline: a minimal in-memory y-protocols relay, as y-websocket's example
 * server does it (one Y.Doc per room, sync step 1/2 + updates + awareness relayed to the room).
 * No durability, no authorization (tickets in the URL are ignored), no "stored" confirmations,
 * no shape checks. bench/collab.ts runs it as a child process with the same load as Driehoek:
 * the difference between the two is what Driehoek's guarantees cost.
 *
 * With `--durable FILE` it is the least a relay must do to keep Driehoek's promise and nothing
 * more: every update is appended to a log in a SQLite file (WAL, synchronous FULL, the same
 * driver; one multi-row INSERT per group commit) before it is applied and relayed, and its
 * writer is then told it is stored (Driehoek's "stored" message). Still no authorization, no
 * shape checks, no projections, no metrics: what Driehoek costs beyond this is its own.
 *
 *   tsx bench/relay.ts --port 4567 [--durable /tmp/log.sqlite]
 *   (prints "listening <port>", or tells its parent over IPC)
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { conversationSeed, encodeStored, type StoredClocks } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import sqlite3 from "sqlite3";
import { WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
/** The most updates one commit takes (as Driehoek's group commit). */
const MAX_BATCH = 500;

/**
 * An append-only log of updates with group commit: updates that arrive while a commit is under
 * way are committed together next, in one INSERT (a prepared one for batches of up to 64).
 */
export class DurableLog {
  private waiting: { doc: string; update: Uint8Array; done: () => void }[] = [];
  private isRunning = false;
  private readonly prepared = new Map<number, sqlite3.Statement>();

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<DurableLog> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (e) => (e ? reject(e) : resolve(opened)));
    });
    const exec = (sql: string) =>
      new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
    await exec("PRAGMA journal_mode = WAL");
    await exec("PRAGMA synchronous = FULL");
    await exec("PRAGMA busy_timeout = 5000");
    await exec("CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY, doc TEXT, data BLOB)");
    return new DurableLog(db);
  }

  close(): Promise<void> {
    for (const statement of this.prepared.values()) statement.finalize();
    this.prepared.clear();
    return new Promise((resolve, reject) => this.db.close((e) => (e ? reject(e) : resolve())));
  }

  /** Calls `done` once `update` is durably stored. */
  write(doc: string, update: Uint8Array, done: () => void): void {
    this.waiting.push({ doc, update, done });
    if (this.isRunning) return;
    this.isRunning = true;
    setImmediate(() => this.commitNext());
  }

  private commitNext(): void {
    const batch = this.waiting.splice(0, MAX_BATCH);
    if (batch.length === 0) {
      this.isRunning = false;
      return;
    }
    const sql = `INSERT INTO log (doc, data) VALUES ${batch.map(() => "(?, ?)").join(", ")}`;
    const params = batch.flatMap((w) => [w.doc, Buffer.from(w.update)]);
    const committed = (error: Error | null) => {
      if (error) throw error;
      for (const w of batch) w.done();
      this.commitNext();
    };
    if (batch.length > 64) {
      this.db.run(sql, params, committed);
      return;
    }
    let statement = this.prepared.get(batch.length);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(batch.length, statement);
    }
    statement.run(params, committed);
  }
}

let durable: DurableLog | null = null;

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

/** Stores an update, then applies it (which relays it) and tells its writer. */
function storeThenRelay(socket: WebSocket, room: RelayRoom, name: string, update: Uint8Array) {
  const log = durable as DurableLog;
  log.write(name, update, () => {
    Y.applyUpdate(room.doc, update, socket);
    const clocks: StoredClocks = new Map();
    for (const client of Y.parseUpdateMeta(update).to.keys())
      clocks.set(client, Y.getState(room.doc.store, client));
    send(socket, encodeStored(clocks));
  });
}

function receive(socket: WebSocket, room: RelayRoom, name: string, data: Buffer): void {
  const decoder = decoding.createDecoder(
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  );
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC && durable) {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncStep1(decoder, encoder, room.doc);
      send(socket, encoding.toUint8Array(encoder));
    } else storeThenRelay(socket, room, name, decoding.readVarUint8Array(decoder));
  } else if (type === MESSAGE_SYNC) {
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

/**
 * Starts the relay on `port` (0: any free port), storing every update in `durableFile` first
 * when given; resolves with the port it listens on and a function that stops it.
 */
export async function startRelay(
  port: number,
  durableFile?: string,
): Promise<{ port: number; close: () => Promise<void> }> {
  if (durableFile) durable = await DurableLog.open(durableFile);
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
        receive(socket, room, name, data);
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
  const close = async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
    await durable?.close();
    durable = null;
    rooms.clear();
  };
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : port, close });
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "0" }, durable: { type: "string" } },
  });
  void startRelay(Number(values.port), values.durable).then(({ port }) => {
    if (process.send) process.send({ type: "listening", port });
    else console.log(`listening ${port}`);
  });
  process.on("SIGTERM", () => process.exit(0));
}
