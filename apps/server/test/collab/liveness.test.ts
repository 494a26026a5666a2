import { MESSAGE } from "@driehoek/collab";
import {
  closeOf,
  collabTicket,
  openRaw,
  pause,
  type RawCollabSocket,
} from "@driehoek/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "../support/database.js";
import { useCollabSuite } from "../support/suite.js";

const PING_MS = 250;

describe.each(testDatabases())("dead collaboration connections on %s", (kind) => {
  const suite = useCollabSuite(kind, { collabPingIntervalMs: PING_MS });
  const raws: RawCollabSocket[] = [];
  afterEach(() => {
    for (const socket of raws.splice(0)) socket.ws.terminate();
  });

  /** A raw socket of the student on a fresh conversation, greeted by the server. */
  async function studentSocket(autoPong: boolean): Promise<RawCollabSocket> {
    const { conversation, tokens } = await suite.plannedConversation();
    const ticket = await collabTicket(suite.server.url, conversation.id, tokens.student);
    const socket = openRaw(suite.server, conversation.id, { ticket }, { autoPong });
    raws.push(socket);
    await socket.greeted();
    return socket;
  }

  it("ends a connection that neither sends anything nor answers pings", async () => {
    const socket = await studentSocket(false);
    const pings: number[] = [];
    socket.ws.on("ping", () => pings.push(Date.now()));

    const closed = await closeOf(socket);
    // Terminated, not closed with a frame: the other side is presumed gone.
    expect(closed.code).toBe(1006);
    expect(pings.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps a silent connection that answers pings", async () => {
    const socket = await studentSocket(true);
    let pings = 0;
    socket.ws.on("ping", () => {
      pings += 1;
    });

    await pause(PING_MS * 8);
    expect(socket.isOpen()).toBe(true);
    expect(pings).toBeGreaterThanOrEqual(3);
  });

  it("keeps a connection that keeps sending, and does not ping it", async () => {
    const socket = await studentSocket(false);
    let pings = 0;
    socket.ws.on("ping", () => {
      pings += 1;
    });
    // Asks for presence more often than the server pings: its messages show it is alive.
    const talking = setInterval(() => socket.ws.send(Uint8Array.of(MESSAGE.queryAwareness)), 40);
    try {
      await pause(PING_MS * 8);
    } finally {
      clearInterval(talking);
    }
    expect(socket.isOpen()).toBe(true);
    // A silent socket is pinged every round (eight here); one that talks is not. A stall of
    // this whole process (client and server) longer than a round can let one ping through.
    expect(pings).toBeLessThanOrEqual(1);
  });
});
