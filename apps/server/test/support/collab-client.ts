import { randomUUID } from "node:crypto";
import { decodeStoredBody, MESSAGE, type StoredClocks } from "@driehoek/collab";
import type { ParticipantRole } from "@driehoek/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { DAY } from "./clock.js";
import { joinAs, planConversation, type TestConversation } from "./factories.js";
import type { TestServer } from "./server.js";

/** How long a collaboration test waits for something that should happen. */
export const COLLAB_WAIT_MS = 5_000;

/** Polls `condition` (which may be async) every 20 ms until it holds; fails with `what`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = COLLAB_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves after `ms`; only for "nothing more arrives" checks, always short. */
export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The collaboration endpoint's base address, as the web client builds it. */
export const collabBase = (server: TestServer): string =>
  `${server.url.replace(/^http/, "ws")}/collab`;

/** A close the server sent. */
export interface CloseInfo {
  code: number;
  reason: string;
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
  /** Resolves once the client is connected and has the server's state. */
  synced(): Promise<void>;
  /** The highest clock of this client's own updates the server has confirmed as stored. */
  storedClock(): number;
  /** This client's own next clock: everything below it is what it has typed so far. */
  localClock(): number;
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
 * Opens the stock y-websocket `WebsocketProvider` on `room` with `token`, as the web app does.
 * BroadcastChannel is off: Node has one, and clients in one process would otherwise sync with
 * each other directly, past the server this suite is testing.
 */
export function connectCollab(
  server: TestServer,
  room: string,
  token: string | null,
  options: CollabClientOptions = {},
): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const params: Record<string, string> = {};
  if (token !== null) params.token = token;
  if (options.acks) params.acks = "1";
  const provider = new WebsocketProvider(collabBase(server), room, doc, {
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
  provider.connect();
  return {
    doc,
    provider,
    denied,
    stored,
    closes,
    synced: () =>
      until(() => provider.synced, `${room} to sync (closes: ${JSON.stringify(closes)})`),
    storedClock: () => Math.max(0, ...stored.map((clocks) => clocks.get(doc.clientID) ?? 0)),
    localClock: () => Y.getState(doc.store, doc.clientID),
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

/** Connects several clients and waits until every one is synced. */
export async function connectAll(
  server: TestServer,
  room: string,
  tokens: readonly string[],
  options: CollabClientOptions = {},
): Promise<CollabClient[]> {
  const clients = tokens.map((token) => connectCollab(server, room, token, options));
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}

/** A plain `ws` socket on the endpoint, for traffic no well-behaved client sends. */
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

/** Opens a raw websocket on `/collab/<room>` with these query parameters. */
export function openRaw(
  server: TestServer,
  room: string,
  params: Record<string, string> = {},
): RawCollabSocket {
  const query = new URLSearchParams(params).toString();
  const ws = new WebSocket(`${collabBase(server)}/${room}${query ? `?${query}` : ""}`);
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

/** Waits for a raw socket's close, failing after COLLAB_WAIT_MS. */
export async function closeOf(socket: RawCollabSocket): Promise<CloseInfo> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error("The server did not close the socket")),
      COLLAB_WAIT_MS,
    );
  });
  try {
    return await Promise.race([socket.closed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Encodes a y-websocket sync "update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The number of entries in a document's update log (table collab_update). */
export async function loggedUpdates(server: TestServer, docName: string): Promise<number> {
  const row = await server.services.dataSource
    .createQueryBuilder()
    .select("COUNT(*)", "n")
    .from("collab_update", "u")
    .where("u.doc_name = :docName", { docName })
    .getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/** Appends a paragraph with `text` to a rich-text fragment, as Tiptap would: one update. */
export function appendParagraph(fragment: Y.XmlFragment, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  const append = () => {
    fragment.insert(fragment.length, [paragraph]);
    if (text) content.insert(0, text);
  };
  if (fragment.doc) fragment.doc.transact(append);
  else append();
  return content;
}

/** Types `text` one character per transaction (one update per keystroke), from `at`. */
export function typeInto(target: Y.Text, at: number, text: string): void {
  let position = at;
  for (const character of text) {
    target.insert(position, character);
    position += character.length;
  }
}

/** A fresh id for an agreement, as the web client makes it. */
export const newId = (): string => randomUUID();

/** The three participants' access tokens, each from their own invite link. */
export async function participantTokens(
  server: TestServer,
  conversation: TestConversation,
): Promise<Record<ParticipantRole, string>> {
  return {
    student: await joinAs(server, conversation.invites.student),
    praktijkopleider: await joinAs(server, conversation.invites.praktijkopleider),
    bpv_begeleider: await joinAs(server, conversation.invites.bpv_begeleider),
  };
}

/**
 * A conversation of the placement held a month ago (ended) with these agreements: the ones the
 * placement's next conversation reviews. Returns the agreements' ids in order.
 */
export async function heldConversationWithAgreements(
  server: TestServer,
  placementId: string,
  texts: readonly string[],
  daysAgo = 30,
): Promise<{ conversationId: string; agreementIds: string[] }> {
  const services = server.services;
  const held = await planConversation(
    services,
    placementId,
    new Date(services.now().getTime() - daysAgo * DAY),
  );
  const manager = services.dataSource.manager;
  await manager.update(Conversation, { id: held.id }, { status: "ended" });
  const agreementIds = texts.map(() => randomUUID());
  for (const [position, text] of texts.entries()) {
    await manager.insert(Agreement, {
      id: agreementIds[position] as string,
      conversationId: held.id,
      reviewedInId: null,
      position,
      text,
      owner: "student",
      dueDate: null,
      measure: "",
      firstStep: "",
      werkprocesId: null,
      status: "open",
      reviewNote: null,
      createdAt: services.now(),
      updatedAt: services.now(),
    });
  }
  return { conversationId: held.id, agreementIds };
}
