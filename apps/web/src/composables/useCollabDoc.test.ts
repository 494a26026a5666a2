import { CLOSE, encodeStored, MESSAGE } from "@driehoek/collab";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it, vi } from "vitest";
import { effectScope, nextTick } from "vue";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { TicketRefusal } from "../collab/collabTicket";
import { restartDelayMs, shouldReconnect } from "../collab/serviceRestart";
import { FakeSocket } from "../test/fakeSocket";
import { useCollabDoc } from "./useCollabDoc";

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The server's side of the handshake: its state vector (sync step 1). */
const serverStep1 = (server: Y.Doc) =>
  message(MESSAGE.sync, (e) => syncProtocol.writeSyncStep1(e, server));

function start(token: string | null = "token-1") {
  const scope = effectScope();
  const collab = scope.run(() =>
    useCollabDoc("conv-1", () => token, {
      personId: "person-1",
      persist: false,
      serverUrl: "ws://test/collab",
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      fetchTicket: (room) => `ticket-for-${room}`,
    }),
  );
  if (!collab) throw new Error("no scope");
  return { collab, scope };
}

/** The client ids whose presence the client sent in its awareness messages. */
function awarenessSenders(socket: FakeSocket): number[] {
  const ids: number[] = [];
  for (const sent of socket.sent) {
    const decoder = decoding.createDecoder(sent);
    if (decoding.readVarUint(decoder) !== MESSAGE.awareness) continue;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(update));
      decoding.readVarUint(update);
      decoding.readVarString(update);
    }
  }
  return ids;
}

describe("useCollabDoc", () => {
  afterEach(() => {
    FakeSocket.instances.length = 0;
  });

  it("connects to the conversation's room with a ticket (never the token) and asks for storage confirmations", () => {
    const { collab, scope } = start();
    const socket = FakeSocket.last();
    expect(socket.url).toBe("ws://test/collab/conv-1?acks=1&ticket=ticket-for-conv-1");
    expect(collab.status.value).toBe("connecting");
    socket.open();
    expect(collab.status.value).toBe("online");
    scope.stop();
  });

  it("says saved only once the server confirms it stored the local edits", async () => {
    const { collab, scope } = start();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive(serverStep1(new Y.Doc()));
    const doc = collab.doc.value as Y.Doc;
    expect(collab.isSaved.value).toBe(true);

    doc.getText("t").insert(0, "hallo");
    expect(collab.isSaved.value).toBe(false);

    const clock = Y.getState(doc.store, doc.clientID);
    socket.receive(encodeStored(new Map([[doc.clientID, clock]])));
    expect(collab.isSaved.value).toBe(true);
    scope.stop();
  });

  it("goes read-only when the server refuses writes", () => {
    const { collab, scope } = start();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive(
      message(MESSAGE.auth, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, "You read along; only the three participants write.");
      }),
    );
    expect(collab.readOnlyReason.value).toBe("You read along; only the three participants write.");
    scope.stop();
  });

  it("reports a permanent close and does not reconnect by itself", async () => {
    const { collab, scope } = start();
    const socket = FakeSocket.last();
    socket.open();
    socket.serverClose(CLOSE.forbidden, "Only the BPV-begeleider opens the private notes.");
    expect(collab.closed.value).toEqual({
      code: CLOSE.forbidden,
      reason: "Only the BPV-begeleider opens the private notes.",
    });
    expect(collab.status.value).toBe("offline");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(FakeSocket.instances).toHaveLength(1);
    scope.stop();
  });

  it("after a 4401 asks for a new ticket once; a refused ticket ends the session (4402)", async () => {
    const scope = effectScope();
    let ended = 0;
    let isRefused = false;
    const collab = scope.run(() =>
      useCollabDoc("conv-1", () => "token-1", {
        personId: "person-1",
        persist: false,
        serverUrl: "ws://test/collab",
        WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
        fetchTicket: () =>
          isRefused
            ? Promise.reject(new TicketRefusal("UNAUTHENTICATED", "This invite has been revoked."))
            : "ticket",
        onSessionEnded: () => {
          ended += 1;
        },
      }),
    );
    if (!collab) throw new Error("no scope");
    FakeSocket.last().open();
    isRefused = true;
    FakeSocket.last().serverClose(CLOSE.unauthenticated, "Your invite has been revoked.");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(collab.closed.value).toEqual({
      code: CLOSE.sessionEnded,
      reason: "This invite has been revoked.",
    });
    expect(ended).toBe(1);
    expect(FakeSocket.instances).toHaveLength(1);
    scope.stop();
  });

  it("is offline after a dropped connection, and online again after reconnecting", async () => {
    const { collab, scope } = start();
    FakeSocket.last().open();
    FakeSocket.last().serverClose(1006);
    expect(collab.status.value).toBe("offline");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last().open();
    expect(collab.status.value).toBe("online");
    scope.stop();
  });

  it("after a service restart (1012) reconnects by itself, keeps unconfirmed edits, and tells only if it takes a while", async () => {
    vi.useFakeTimers();
    try {
      const { collab, scope } = start();
      const socket = FakeSocket.last();
      socket.open();
      socket.receive(serverStep1(new Y.Doc()));
      const doc = collab.doc.value as Y.Doc;
      doc.getText("t").insert(0, "niet bevestigd");
      socket.serverClose(CLOSE.serviceRestart, "The server is restarting.");
      expect(collab.closed.value).toBeNull();
      expect(collab.status.value).toBe("connecting");
      expect(collab.isSaved.value).toBe(false);
      // Nobody returns at once: the first attempt waits 250–1000 ms (randomized).
      await vi.advanceTimersByTimeAsync(200);
      expect(FakeSocket.instances).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(900);
      expect(FakeSocket.instances).toHaveLength(2);
      expect(collab.isRestarting.value).toBe(false);
      // The server is still down: after a few seconds the calm notice appears.
      FakeSocket.last().serverClose(1006);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(collab.isRestarting.value).toBe(true);
      expect(collab.status.value).toBe("connecting");
      // Back: the step 2 sent on reconnecting carries the unconfirmed edit.
      const back = FakeSocket.last();
      back.open();
      const server = new Y.Doc();
      back.receive(serverStep1(server));
      const step2 = back.sent.find((m) => {
        const d = decoding.createDecoder(m);
        return decoding.readVarUint(d) === MESSAGE.sync && decoding.readVarUint(d) === 1;
      });
      expect(step2).toBeDefined();
      const d = decoding.createDecoder(step2 as Uint8Array);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      Y.applyUpdate(server, decoding.readVarUint8Array(d));
      expect(server.getText("t").toString()).toBe("niet bevestigd");
      back.receive(
        message(MESSAGE.sync, (e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(server));
        }),
      );
      expect(collab.isRestarting.value).toBe(false);
      expect(collab.status.value).toBe("online");
      scope.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("spreads reconnects after a restart: exponential waits with jitter", () => {
    expect(restartDelayMs(0, () => 0)).toBe(250);
    expect(restartDelayMs(0, () => 1)).toBe(1_000);
    expect(restartDelayMs(3, () => 1)).toBe(8_000);
    expect(restartDelayMs(10, () => 1)).toBe(15_000);
    expect(shouldReconnect({ code: CLOSE.serviceRestart })).toBe(false);
    expect(shouldReconnect({ code: CLOSE.unauthenticated })).toBe(false);
    expect(shouldReconnect({ code: 1006 })).toBe(true);
    expect(shouldReconnect({ code: CLOSE.loadFailed })).toBe(true);
  });

  it("lists who is present and sends only its own presence, never others'", async () => {
    const { collab, scope } = start();
    const socket = FakeSocket.last();
    socket.open();
    const doc = collab.doc.value as Y.Doc;
    collab.setPresence({ user: { name: "Sanne", role: "student", color: "#1f6feb" } });

    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField("user", { name: "Kees", role: "praktijkopleider", color: "#b35900" });
    other.setLocalStateField("section", "welkom");
    socket.receive(
      message(MESSAGE.awareness, (e) =>
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]),
        ),
      ),
    );
    await nextTick();

    expect(collab.peers.value.map((p) => [p.name, p.role, p.section, p.isSelf])).toEqual([
      ["Sanne", "student", null, true],
      ["Kees", "praktijkopleider", "welkom", false],
    ]);
    const senders = awarenessSenders(socket);
    expect(senders.length).toBeGreaterThan(0);
    expect(new Set(senders)).toEqual(new Set([doc.clientID]));
    other.destroy();
    scope.stop();
  });

  it("does not connect without a token, and tears everything down when the scope ends", () => {
    const idle = start(null);
    expect(idle.collab.doc.value).toBeNull();
    expect(FakeSocket.instances).toHaveLength(0);
    idle.scope.stop();

    const { collab, scope } = start();
    const doc = collab.doc.value as Y.Doc;
    let destroyed = false;
    doc.on("destroy", () => {
      destroyed = true;
    });
    scope.stop();
    expect(destroyed).toBe(true);
  });
});
