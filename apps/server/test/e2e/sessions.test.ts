import { closeOf, collabTicket, openRaw } from "@driehoek/test-support";
import { IsNull, Not } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StaffSession } from "../../src/modules/session/staff-session.entity.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const ME = "{ me { id } }";
const LOGOUT = "mutation { logout }";
const EVERYWHERE = "mutation { logoutEverywhere }";
const DEACTIVATE = `mutation($id: ID!) { deactivateAccount(personId: $id) { id } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateAccount(personId: $id) { id } }`;
const CONVERSATION_CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) { conversationId }
}`;

describe.each(testDatabases())("staff sessions on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let room: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    room = school.conversations.sanne.id;
  });
  afterAll(() => server?.close());

  /** A collaboration socket opened (and greeted) with `token`. */
  async function liveSocket(token: string) {
    const socket = openRaw(server, room, { ticket: await collabTicket(server.url, room, token) });
    await socket.greeted();
    return socket;
  }

  /** The error that ends a subscription (skipping changes that arrive first). */
  async function endOf(subscription: ReturnType<TestServer["subscribe"]>) {
    let event = await subscription.take();
    while (event.kind === "next") event = await subscription.take();
    return event.kind === "error" ? (event.error as { code: number }).code : event.kind;
  }

  it("keeps one row per login, and logout ends that one at once, sockets included", async () => {
    const marieke = await loginAs(server, school.staff.marieke);
    const elsewhere = await loginAs(server, school.staff.marieke);
    const socket = await liveSocket(marieke);
    const subscription = server.subscribe(CONVERSATION_CHANGED, { id: room }, marieke);
    await server.waitForListeners(room, 1);

    expect((await server.gql(LOGOUT, {}, marieke)).data?.logout).toBe(true);
    expect(await closeOf(socket)).toEqual({ code: 4402, reason: "You have been logged out." });
    expect(await endOf(subscription)).toBe(4402);
    expect(codeOf(await server.gql(ME, {}, marieke))).toBe("UNAUTHENTICATED");
    expect((await server.gql(ME, {}, marieke)).errors?.[0]?.message).toMatch(/logged out/);
    // The other login of the same person goes on.
    expect(codeOf(await server.gql(ME, {}, elsewhere))).toBeUndefined();
    await subscription.dispose();
  });

  it("'Overal uitloggen' ends every session of the person, and only theirs", async () => {
    const phone = await loginAs(server, school.staff.ahmed);
    const laptop = await loginAs(server, school.staff.ahmed);
    const fleur = await loginAs(server, school.staff.fleur);
    const socket = await liveSocket(laptop);
    const ended = await server.gql(EVERYWHERE, {}, phone);
    expect(ended.data?.logoutEverywhere).toBeGreaterThanOrEqual(2);
    expect((await closeOf(socket)).code).toBe(4402);
    for (const token of [phone, laptop])
      expect(codeOf(await server.gql(ME, {}, token))).toBe("UNAUTHENTICATED");
    expect(codeOf(await server.gql(ME, {}, fleur))).toBeUndefined();
    const open = await server.services.dataSource.manager.countBy(StaffSession, {
      personId: school.staff.ahmed.id,
      revokedAt: IsNull(),
    });
    expect(open).toBe(0);
  });

  it("deactivating an account ends its sessions for good, also after reactivation", async () => {
    const fleur = await loginAs(server, school.staff.fleur);
    const joost = await loginAs(server, school.staff.joost);
    expect(codeOf(await server.gql(DEACTIVATE, { id: school.staff.joost.id }, fleur))).toBe(
      undefined,
    );
    expect(codeOf(await server.gql(ME, {}, joost))).toBe("UNAUTHENTICATED");
    const revoked = await server.services.dataSource.manager.countBy(StaffSession, {
      personId: school.staff.joost.id,
      revokedAt: Not(IsNull()),
    });
    expect(revoked).toBeGreaterThanOrEqual(1);
    await server.gql(REACTIVATE, { id: school.staff.joost.id }, fleur);
    expect(codeOf(await server.gql(ME, {}, joost))).toBe("UNAUTHENTICATED");
    expect(codeOf(await server.gql(ME, {}, await loginAs(server, school.staff.joost)))).toBe(
      undefined,
    );
  });

  it("an invite session has no row: logout answers true, the invite itself stays the key", async () => {
    const student = await joinAs(server, school.conversations.sanne.invites.student);
    expect((await server.gql(LOGOUT, {}, student)).data?.logout).toBe(true);
    expect(codeOf(await server.gql(EVERYWHERE, {}, student))).toBe("FORBIDDEN");
  });

  it("forgets a person's sessions a day after they ended, at their next login", async () => {
    const manager = server.services.dataSource.manager;
    await loginAs(server, school.staff.marieke);
    const before = await manager.countBy(StaffSession, { personId: school.staff.marieke.id });
    expect(before).toBeGreaterThan(1);
    server.clock.advance(3 * 24 * 3600 * 1000);
    await loginAs(server, school.staff.marieke);
    expect(await manager.countBy(StaffSession, { personId: school.staff.marieke.id })).toBe(1);
  });

  it("answers { me } about as fast as before sessions had rows (one query)", async () => {
    const token = await loginAs(server, school.staff.marieke);
    for (let i = 0; i < 20; i++) await server.gql(ME, {}, token);
    const rounds = 200;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await server.gql(ME, {}, token);
    const perRequest = (performance.now() - started) / rounds;
    console.info(`{ me } on ${kind}: ${perRequest.toFixed(2)} ms per request`);
    expect(perRequest).toBeLessThan(50);
  });
});
