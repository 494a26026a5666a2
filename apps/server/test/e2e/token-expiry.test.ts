import { summaryOf } from "@driehoek/collab";
import { closeOf, collabTicket, connectCollab, openRaw, until } from "@driehoek/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendParagraph } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, joinAs, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const TTL_SECONDS = 2;
const CONVERSATION_CHANGED = `subscription($id: ID!) {
  conversationChanged(conversationId: $id) { conversationId kinds }
}`;

describe.each(testDatabases())("access token expiry on open sockets on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { accessTokenTtlSeconds: TTL_SECONDS } });
    school = await buildSchool(server.services);
  });
  afterAll(() => server?.close());

  it("closes an open collaboration socket with 4402 when its token expires", async () => {
    const room = school.conversations.sanne.id;
    const token = await joinAs(server, school.conversations.sanne.invites.student);
    const socket = openRaw(server, room, { ticket: await collabTicket(server.url, room, token) });
    await socket.greeted();
    const started = Date.now();
    const close = await closeOf(socket);
    expect(close.code).toBe(4402);
    expect(close.reason).toMatch(/expired/);
    expect(Date.now() - started).toBeLessThan(TTL_SECONDS * 1000 + 1000);
    // Past the expiry on the server's clock, the token gets no new ticket.
    server.clock.advance(TTL_SECONDS * 1000);
    const refused = await server.gql(
      "mutation($d: String!) { collabTicket(docName: $d) }",
      { d: room },
      token,
    );
    expect(codeOf(refused)).toBe("UNAUTHENTICATED");
  });

  it("keeps what was typed after the close and sends it once the session is renewed", async () => {
    const room = school.conversations.sanne.id;
    const invite = school.conversations.sanne.invites.praktijkopleider;
    const first = connectCollab(server, room, await joinAs(server, invite), { acks: true });
    await first.synced();
    await until(() => first.closes.some((c) => c.code === 4402), "the expiry close");
    appendParagraph(summaryOf(first.doc), "getypt na het verlopen");
    first.provider.destroy();
    // The app renews (opens the invite again) and reconnects with the same document.
    const renewed = connectCollab(server, room, await joinAs(server, invite), {
      acks: true,
      doc: first.doc,
    });
    await renewed.synced();
    await renewed.allStored("the edit to be stored");
    const check = connectCollab(server, room, await joinAs(server, invite));
    await until(
      () => summaryOf(check.doc).toString().includes("getypt na het verlopen"),
      "the edit on the server",
    );
    renewed.destroy();
    check.destroy();
  });

  it("ends an open subscription when its token expires", async () => {
    const token = await loginAs(server, school.staff.marieke);
    const subscription = server.subscribe(
      CONVERSATION_CHANGED,
      { id: school.conversations.sanne.id },
      token,
    );
    await server.waitForListeners(school.conversations.sanne.id, 1);
    // Changes made meanwhile may still arrive; then the end.
    let event = await subscription.take(TTL_SECONDS * 1000 + 2000);
    while (event.kind === "next") event = await subscription.take(TTL_SECONDS * 1000 + 2000);
    expect(event.kind).toBe("error");
    const error = (event as { error: { code?: number; reason?: string } }).error;
    expect(error.code).toBe(4402);
    expect(error.reason).toMatch(/expired/);
    await subscription.dispose();
  });
});
