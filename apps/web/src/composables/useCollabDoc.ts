import {
  CLOSE,
  connectWithTickets,
  decodeStoredBody,
  MESSAGE,
  privateRoom,
} from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import {
  type MaybeRefOrGetter,
  markRaw,
  onScopeDispose,
  type Ref,
  type ShallowRef,
  shallowRef,
  toValue,
  watch,
} from "vue";
import { IndexeddbPersistence } from "y-indexeddb";
import * as authProtocol from "y-protocols/auth";
import { removeAwarenessStates } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { requestCollabTicket, TicketRefusal } from "../collab/collabTicket";
import { type CollabPeer, peersOf, sendOnlyOwnPresence } from "../collab/presence";
import { SaveTracker } from "../collab/saveTracker";
import { ServiceRestart, shouldReconnect } from "../collab/serviceRestart";
import { rememberLocalCopy, wipeThisDevice } from "./useLogout";
import { sessionEnded, sessionState } from "./useSession";

/**
 * The server ended the session. Its token merely expired: keep the offline copy, so what was
 * typed is sent after logging in again. An invite session refused before its expiry was
 * revoked: that invite session has ended for good, so this device forgets the conversation.
 */
function serverEndedSession(): void {
  const ended = sessionState.value;
  sessionEnded();
  const isRevokedInvite =
    ended?.conversationId != null && Date.parse(ended.expiresAt) > Date.now() + 5_000;
  if (isRevokedInvite) void wipeThisDevice();
}

export type { CollabPeer };

/** How the connection to the collaboration server is doing. */
export type CollabStatus = "connecting" | "online" | "offline";

/** A close the client does not recover from by itself (codes 4400–4499). */
export interface CollabClosed {
  code: number;
  reason: string;
}

/** Options of `useCollabDoc`. */
export interface CollabDocOptions {
  /** Whose device this is: offline copies are kept per conversation and per person. */
  personId?: MaybeRefOrGetter<string | null | undefined>;
  /** Open the BPV-begeleider's private notes instead of the shared document. */
  isPrivate?: boolean;
  /** The collaboration endpoint; defaults to `/collab` on the page's own host. */
  serverUrl?: string;
  /** Keep an offline copy in IndexedDB (default: when the browser has IndexedDB). */
  persist?: boolean;
  /** A WebSocket implementation, for tests. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Gets a single-use ticket for the room before each connect; by default from the server. */
  fetchTicket?: (docName: string) => string | Promise<string>;
  /**
   * The session ended (its token expired or was revoked): by default the session is forgotten
   * and the app asks to log in again (App.vue). Local edits stay in the offline copy meanwhile
   * and are sent when the same person comes back.
   */
  onSessionEnded?: () => void;
}

/** A live shared document and how it is doing; see `useCollabDoc`. */
export interface CollabDoc {
  /** The document; replaced when the room or token changes, null without a token. */
  doc: Readonly<ShallowRef<Y.Doc | null>>;
  /** The websocket provider of `doc` (for the editor's carets). */
  provider: Readonly<ShallowRef<WebsocketProvider | null>>;
  status: Readonly<Ref<CollabStatus>>;
  /** Whether the server has stored every local change. */
  isSaved: Readonly<Ref<boolean>>;
  /** Whether the document holds real content yet (from the offline copy or the server). */
  isLoaded: Readonly<Ref<boolean>>;
  /** Set when the server refused a write (or refuses all: readers, a signed record). */
  readOnlyReason: Readonly<Ref<string | null>>;
  /** Set when the server closed the connection for good. */
  closed: Readonly<Ref<CollabClosed | null>>;
  /** The server is restarting (close 1012) and reconnecting has taken more than a few seconds. */
  isRestarting: Readonly<Ref<boolean>>;
  /** Everyone present, this device included. */
  peers: Readonly<Ref<readonly CollabPeer[]>>;
  /** Shares fields of this device's presence, e.g. `{ user }` or `{ section }`. */
  setPresence: (fields: Record<string, unknown>) => void;
  /** Tries again after a permanent close (e.g. after a rate limit). */
  reconnect: () => void;
}

function defaultServerUrl(): string {
  return `${globalThis.location.origin.replace(/^http/, "ws")}/collab`;
}

/**
 * One conversation's shared Yjs document (or, with `isPrivate`, the supervisor's private notes):
 * kept in IndexedDB so edits made offline survive a reload and merge when the connection is
 * back, and synced over y-websocket with the server's "stored" confirmations, so "saved" means
 * stored on the server. Everything is torn down with the calling component.
 */
export function useCollabDoc(
  conversationId: MaybeRefOrGetter<string>,
  token: MaybeRefOrGetter<string | null | undefined>,
  options: CollabDocOptions = {},
): CollabDoc {
  const doc = shallowRef<Y.Doc | null>(null);
  const provider = shallowRef<WebsocketProvider | null>(null);
  const status = shallowRef<CollabStatus>("connecting");
  const isSaved = shallowRef(true);
  const isLoaded = shallowRef(false);
  const readOnlyReason = shallowRef<string | null>(null);
  const closed = shallowRef<CollabClosed | null>(null);
  const isRestarting = shallowRef(false);
  let restart: ServiceRestart | null = null;
  const peers = shallowRef<readonly CollabPeer[]>([]);
  const presence: Record<string, unknown> = {};
  let teardown: (() => void) | null = null;

  function start(id: string, accessToken: string | null | undefined, personId: string): void {
    teardown?.();
    teardown = null;
    status.value = "connecting";
    isSaved.value = true;
    isLoaded.value = false;
    readOnlyReason.value = null;
    closed.value = null;
    isRestarting.value = false;
    peers.value = [];
    if (!id || !accessToken) {
      doc.value = null;
      provider.value = null;
      return;
    }

    const room = options.isPrivate ? privateRoom(id) : id;
    const ydoc = markRaw(new Y.Doc());
    const tracker = new SaveTracker(ydoc);
    const canPersist = options.persist ?? typeof globalThis.indexedDB !== "undefined";
    const localName = `driehoek:${room}:${personId}`;
    if (canPersist) rememberLocalCopy(localName);
    const persistence = canPersist ? new IndexeddbPersistence(localName, ydoc) : null;
    persistence?.on("synced", () => {
      isLoaded.value = true;
    });

    const ws = markRaw(
      new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), room, ydoc, {
        // The ticket is added before every connect (connectWithTickets below).
        params: { acks: "1" },
        connect: false,
        // Another tab's edits must reach the server (which checks them) and be confirmed there,
        // not slip in through the browser.
        disableBc: true,
        shouldReconnect,
        ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      }),
    );

    let hasFailed = false;
    const restartOf = new ServiceRestart(ws, (isShown) => {
      isRestarting.value = isShown;
    });
    restart = restartOf;
    const refreshSaved = () => {
      isSaved.value = tracker.isSaved();
    };
    const refreshStatus = () => {
      status.value = ws.wsconnected
        ? "online"
        : (hasFailed && !restartOf.isPending) || closed.value
          ? "offline"
          : "connecting";
    };

    // Read what the server says about its own state before y-websocket applies it.
    const handleSync = ws.messageHandlers[MESSAGE.sync];
    ws.messageHandlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
      const peek = decoding.clone(decoder);
      const step = decoding.readVarUint(peek);
      const payload = decoding.readVarUint8Array(peek);
      if (step === 0) tracker.noteServerState(Y.decodeStateVector(payload));
      else tracker.noteServerUpdate(payload);
      handleSync?.(encoder, decoder, p, emitSynced, type);
      refreshSaved();
    };
    ws.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
      tracker.noteStored(decodeStoredBody(decoder));
      refreshSaved();
    };
    ws.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, ydoc, (_doc, reason) => {
        readOnlyReason.value = reason || "read-only";
      });
    };

    const stopEchoingPresence = sendOnlyOwnPresence(ws);
    ws.on("status", refreshStatus);
    ws.on("connection-close", () => {
      hasFailed = true;
      refreshStatus();
    });
    ws.on("connection-error", () => {
      hasFailed = true;
      refreshStatus();
    });
    let hasRetriedRefusal = false;
    ws.on("closed", (event) => {
      // A restarting server: reconnect by ourselves after a randomized wait, keeping every edit.
      if (event.code === CLOSE.serviceRestart) {
        restartOf.restarted();
        return refreshStatus();
      }
      if (event.code === CLOSE.unauthenticated && !hasRetriedRefusal) {
        // A spent or late ticket, or a session that ended (a revoked invite): asking for a new
        // ticket tells which; the ticket refusal below handles an ended session.
        hasRetriedRefusal = true;
        tickets.reconnect();
        return;
      }
      closed.value = { code: event.code, reason: event.reason };
      refreshStatus();
      if (event.code === CLOSE.sessionEnded) (options.onSessionEnded ?? serverEndedSession)();
    });
    ws.on("sync", (isSynced) => {
      if (isSynced) {
        hasRetriedRefusal = false;
        isLoaded.value = true;
        restartOf.recovered();
      }
      refreshSaved();
    });
    ydoc.on("update", refreshSaved);

    const refreshPeers = () => {
      peers.value = peersOf(ws);
    };
    ws.awareness.on("change", refreshPeers);
    if (Object.keys(presence).length > 0) {
      for (const [key, value] of Object.entries(presence))
        ws.awareness.setLocalStateField(key, value);
    }
    refreshPeers();

    // Browsers know about a lost network before the socket does: reconnect at once when it is
    // back, and stop pretending to be online when it goes.
    const onOffline = () => ws.ws?.close();
    const onOnline = () => {
      if (!ws.wsconnected && !closed.value) {
        ws.disconnect();
        ws.connect();
      }
    };
    globalThis.addEventListener?.("offline", onOffline);
    globalThis.addEventListener?.("online", onOnline);

    const fetchTicket = options.fetchTicket ?? requestCollabTicket;
    const tickets = connectWithTickets(
      ws,
      () => fetchTicket(room),
      (error) => {
        if (!(error instanceof TicketRefusal) || error.code === "UNKNOWN") return "retry";
        const code =
          error.code === "UNAUTHENTICATED"
            ? CLOSE.sessionEnded
            : error.code === "NOT_FOUND"
              ? CLOSE.notFound
              : CLOSE.forbidden;
        closed.value = { code, reason: error.message };
        refreshStatus();
        if (code === CLOSE.sessionEnded) (options.onSessionEnded ?? serverEndedSession)();
        return "stop";
      },
    );

    doc.value = ydoc;
    provider.value = ws;
    teardown = () => {
      restartOf.cancel();
      tickets.stop();
      globalThis.removeEventListener?.("offline", onOffline);
      globalThis.removeEventListener?.("online", onOnline);
      // Leave everyone's presence list at once rather than after the awareness timeout.
      removeAwarenessStates(ws.awareness, [ydoc.clientID], "unmount");
      stopEchoingPresence();
      ws.awareness.off("change", refreshPeers);
      ws.destroy();
      void persistence?.destroy();
      ydoc.destroy();
    };
  }

  watch(
    () =>
      [toValue(conversationId), toValue(token), toValue(options.personId) ?? "anonymous"] as const,
    ([id, accessToken, personId]) => start(id, accessToken, personId),
    { immediate: true },
  );
  onScopeDispose(() => {
    teardown?.();
    teardown = null;
  });

  return {
    // Plain shallow refs: a readonly() proxy would wrap the Yjs objects, which must stay raw.
    doc,
    provider,
    status,
    isSaved,
    isLoaded,
    readOnlyReason,
    closed,
    isRestarting,
    peers,
    setPresence(fields) {
      Object.assign(presence, fields);
      const awareness = provider.value?.awareness;
      if (!awareness) return;
      for (const [key, value] of Object.entries(fields)) awareness.setLocalStateField(key, value);
    },
    reconnect() {
      restart?.cancel();
      closed.value = null;
      provider.value?.connect();
    },
  };
}
