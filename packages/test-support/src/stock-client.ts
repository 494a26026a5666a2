import { connectWithTickets, decodeStoredBody, MESSAGE, type StoredClocks } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type CloseInfo, collabBase, collabTicket, TicketRefused } from "./collab-protocol.js";
import { until } from "./wait.js";

/** A server reachable over HTTP at `url` (a test server or a server process). */
export interface ServerAddress {
  url: string;
}

/** A stock y-websocket client on one room, with what it heard recorded for the test. */
export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Reasons of every auth "permission denied" message received. */
  denied: string[];
  /** Every "stored" (100) message received. */
  stored: StoredClocks[];
  /** Every close of the connection by the server. */
  closes: CloseInfo[];
  /** Every refused `collabTicket` (the connection stops trying at the first). */
  ticketErrors: TicketRefused[];
  /** Resolves once the client is connected and has the server's state. */
  synced(): Promise<void>;
  /** The highest clock of this client's own updates the server has confirmed as stored. */
  storedClock(): number;
  /** This client's own next clock: everything below it is what it has typed so far. */
  localClock(): number;
  /** Resolves once the server has confirmed everything this client typed so far as stored. */
  allStored(what?: string, timeoutMs?: number): Promise<void>;
  /** Drops the connection like a killed tab: no awareness goodbye, no reconnect. */
  kill(): void;
  destroy(): void;
}

/** Options for `connectCollab`. */
export interface CollabClientOptions {
  /** Ask for "stored" messages (`acks=1`). */
  acks?: boolean;
  /** The presence `user` field this client claims. */
  user?: Record<string, unknown>;
  /** Use this document (e.g. to reconnect with local edits). */
  doc?: Y.Doc;
  /**
   * false: send only this client's own presence. The stock provider also sends back every
   * presence update it receives from others, which the server currently refuses (see
   * presence.test.ts); false keeps presence tests of other behaviour independent of that.
   */
  echoesPresence?: boolean;
}

/**
 * Opens the stock y-websocket `WebsocketProvider` on `room` for `token`'s bearer, as the web
 * app does: a fresh single-use ticket (mutation `collabTicket`) before every (re)connect.
 * `token: null` connects without any ticket (to see the refusal).
 * BroadcastChannel is off: Node has one, and clients in one process would otherwise sync with
 * each other directly, past the server under test.
 */
export function connectCollab(
  server: ServerAddress,
  room: string,
  token: string | null,
  options: CollabClientOptions = {},
): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const params: Record<string, string> = {};
  if (options.acks) params.acks = "1";
  const provider = new WebsocketProvider(collabBase(server.url), room, doc, {
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const denied: string[] = [];
  const stored: StoredClocks[] = [];
  const closes: CloseInfo[] = [];
  provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  // A stock client has no handler for 100; recording it lets a test prove none arrives.
  provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
    stored.push(decodeStoredBody(decoder));
  };
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  if (options.echoesPresence === false) {
    const echo = provider._awarenessUpdateHandler;
    provider.awareness.off("update", echo);
    provider.awareness.on("update", (changes: unknown, origin: unknown) => {
      if (origin !== provider) echo(changes, origin);
    });
  }
  if (options.user) provider.awareness.setLocalStateField("user", options.user);
  const ticketErrors: TicketRefused[] = [];
  if (token === null) provider.connect();
  else
    connectWithTickets(
      provider,
      // From wherever the provider points now (a restarted test server has a new port).
      () => {
        const httpUrl = provider.serverUrl.replace(/^ws/, "http").replace(/\/collab$/, "");
        return collabTicket(httpUrl, room, token, 1_000);
      },
      (error) => {
        if (!(error instanceof TicketRefused)) return "retry";
        ticketErrors.push(error);
        return "stop";
      },
    );
  const storedClock = () => Math.max(0, ...stored.map((clocks) => clocks.get(doc.clientID) ?? 0));
  const localClock = () => Y.getState(doc.store, doc.clientID);
  return {
    doc,
    provider,
    denied,
    stored,
    closes,
    ticketErrors,
    synced: () =>
      until(
        () => provider.synced,
        `${room} to sync (closes: ${JSON.stringify(closes)}, tickets: ${ticketErrors.map((e) => e.message)})`,
      ),
    storedClock,
    localClock,
    allStored: (what = "every edit to be confirmed as stored", timeoutMs?: number) =>
      until(() => storedClock() >= localClock(), what, timeoutMs),
    kill: () => {
      provider.shouldConnect = false;
      (provider.ws as unknown as WebSocket | null)?.terminate();
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects a client per token and waits until every one is synced. */
export async function connectAll(
  server: ServerAddress,
  room: string,
  tokens: readonly string[],
  options: CollabClientOptions = {},
): Promise<CollabClient[]> {
  const clients = tokens.map((token) => connectCollab(server, room, token, options));
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}
