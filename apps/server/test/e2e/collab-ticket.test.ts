import { closeOf, collabTicket, openRaw } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const TICKET = "mutation($d: String!) { collabTicket(docName: $d) }";

describe.each(testDatabases())("collaboration tickets on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let room: string;
  let sanne: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { collabTicketTtlSeconds: 30 } });
    school = await buildSchool(server.services);
    room = school.conversations.sanne.id;
    sanne = await joinAs(server, school.conversations.sanne.invites.student);
  });
  afterAll(() => server?.close());

  const ticket = () => collabTicket(server.url, room, sanne);

  it("refuses an access token in the URL, with a reason that names the ticket", async () => {
    const staff = await loginAs(server, school.staff.marieke);
    for (const token of [sanne, staff]) {
      const socket = openRaw(server, room, { token });
      const close = await closeOf(socket);
      expect(close.code).toBe(4401);
      expect(close.reason).toMatch(/ticket/);
      expect(socket.messages).toEqual([]);
    }
  });

  it("opens the document with a ticket once; a second use is refused", async () => {
    const once = await ticket();
    expect(once).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = openRaw(server, room, { ticket: once, acks: "1" });
    await first.greeted();
    const second = openRaw(server, room, { ticket: once });
    expect((await closeOf(second)).code).toBe(4401);
    expect(second.messages).toEqual([]);
    expect(first.isOpen()).toBe(true);
    first.ws.close();
  });

  it("lets exactly one of many simultaneous attempts with one ticket in", async () => {
    const shared = await ticket();
    const sockets = Array.from({ length: 8 }, () => openRaw(server, room, { ticket: shared }));
    const outcomes = await Promise.all(
      sockets.map((socket) =>
        Promise.race([
          socket.greeted().then(() => "in"),
          closeOf(socket).then((close) => String(close.code)),
        ]),
      ),
    );
    expect(outcomes.filter((o) => o === "in")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "4401")).toHaveLength(7);
    for (const socket of sockets) socket.ws.close();
  });

  it("refuses an expired ticket", async () => {
    const late = await ticket();
    server.clock.advance(31_000);
    const socket = openRaw(server, room, { ticket: late });
    const close = await closeOf(socket);
    expect(close).toEqual({ code: 4401, reason: "This ticket has expired; ask for a new one." });
  });

  it("refuses a ticket for another document", async () => {
    const forSanne = await ticket();
    const daan = school.conversations.daan.id;
    const socket = openRaw(server, daan, { ticket: forSanne });
    expect(await closeOf(socket)).toEqual({
      code: 4403,
      reason: "This ticket is for another document.",
    });
    // Spent by the attempt: not usable for its own document either.
    expect((await closeOf(openRaw(server, room, { ticket: forSanne }))).code).toBe(4401);
  });

  it("gives tickets only to who may open the document", async () => {
    expect(codeOf(await server.gql(TICKET, { d: room }))).toBe("UNAUTHENTICATED");
    const daan = await joinAs(server, school.conversations.daan.invites.student);
    expect(codeOf(await server.gql(TICKET, { d: room }, daan))).toBe("FORBIDDEN");
    expect(codeOf(await server.gql(TICKET, { d: `${room}/private` }, sanne))).toBe("FORBIDDEN");
    const marieke = await loginAs(server, school.staff.marieke);
    expect(codeOf(await server.gql(TICKET, { d: `${room}/private` }, marieke))).toBeUndefined();
  });

  it("keeps the ticket valid at most 60 seconds, whatever COLLAB_TICKET_TTL says", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(loadConfig({ COLLAB_TICKET_TTL: "3600" }).collabTicketTtlSeconds).toBe(60);
  });
});
