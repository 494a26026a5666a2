import { plainText, readAgreements, summaryOf } from "@driehoek/collab";
import { schoolDate, schoolToday } from "@driehoek/domain";
import { connectCollab } from "@driehoek/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { demoConversationId, seedDemo } from "../../src/demo/seed-demo.js";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { TestClock } from "../support/clock.js";
import { testDatabases } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * The demo's conversation is planned for today whenever the demo is seeded: the start-up banner
 * says so, and the page asks "Gesprek nu starten?" for a conversation of another day.
 */

describe("the demo conversation's planned moment", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function plannedWhenSeededAt(moment: string): Promise<{ now: Date; planned: Date }> {
    const now = new Date(moment);
    server = await startTestServer("sqlite", { clock: new TestClock(now) });
    expect(await seedDemo(server.services)).toBe(true);
    const id = await demoConversationId(server.services);
    const conversation = await server.services.dataSource.manager.findOneByOrFail(Conversation, {
      id: id as string,
    });
    return { now, planned: conversation.scheduledAt };
  }

  it("is a quarter of an hour from now, on the minute, during the day", async () => {
    const { planned } = await plannedWhenSeededAt("2026-12-05T13:00:10.000Z");
    expect(planned.toISOString()).toBe("2026-12-05T13:16:00.000Z");
  });

  it("stays on the school's today late in the evening, at the current minute", async () => {
    // 23:50:30 in Amsterdam: a quarter of an hour later is tomorrow there.
    const { now, planned } = await plannedWhenSeededAt("2026-12-05T22:50:30.000Z");
    expect(schoolToday(now)).toBe("2026-12-05");
    expect(schoolDate(planned)).toBe("2026-12-05");
    expect(planned.toISOString()).toBe("2026-12-05T22:50:00.000Z");
  });

  it("is still a quarter of an hour from now when that is just before midnight", async () => {
    const { planned } = await plannedWhenSeededAt("2026-12-05T22:43:59.000Z");
    expect(planned.toISOString()).toBe("2026-12-05T22:59:00.000Z");
  });
});

describe.each(testDatabases())("the demo's earlier, signed conversation on %s", (kind) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("shows on its live page the summary and agreements its signed record holds", async () => {
    server = await startTestServer(kind);
    expect(await seedDemo(server.services)).toBe(true);
    const manager = server.services.dataSource.manager;
    const earlier = await manager.findOneByOrFail(Conversation, { status: "signed" });
    const rows = await manager.find(Agreement, {
      where: { conversationId: earlier.id },
      order: { position: "ASC" },
    });
    expect(rows.length).toBeGreaterThan(0);
    const login = await server.gql(
      `mutation { login(email: "m.devries@demo.driehoek.nl", password: "driehoek-demo") { accessToken } }`,
    );
    const client = connectCollab(server, earlier.id, login.data?.login.accessToken);
    try {
      await client.synced();
      expect(plainText(summaryOf(client.doc))).toBe(earlier.summary);
      expect(
        readAgreements(client.doc).map((a) => [a.id, a.text, a.measure, a.firstStep, a.dueDate]),
      ).toEqual(rows.map((r) => [r.id, r.text, r.measure, r.firstStep, r.dueDate]));
    } finally {
      client.destroy();
    }
  });
});
