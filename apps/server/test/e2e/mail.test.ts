import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Person } from "../../src/modules/people/person.entity.js";
import { DAY, HOUR, MINUTE, TestClock } from "../support/clock.js";
import { freshDatabase, testDatabases } from "../support/database.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { codeOf, eventually, startTestServer, type TestServer } from "../support/server.js";
import { type SmtpInbox, startSmtpInbox } from "./mail-inbox.js";

const SANNE = "sanne.visser@student.test";
const OUTBOX = `query($first: Int!, $after: String) {
  mailOutbox(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind to subject status attempts lastError sentAt hasCalendarInvite } }
  }
}`;

type Node = {
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
  kind: string;
};

describe.each(testDatabases())("the mail outbox on %s", (kind) => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let school: TestSchool;
  let fleur: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer(kind, { config: { smtpUrl: inbox.url, mailPollMs: 50 } });
    school = await buildSchool(server.services);
    await server.services.dataSource.manager.update(
      Person,
      { id: school.students.sanne.personId },
      { email: SANNE },
    );
    fleur = await loginAs(server, school.staff.fleur);
    // The test school's own invitations (to the begeleiders) go out first.
    await inbox.waitFor("m.devries@school.test", 2);
    await inbox.waitFor("j.bakker@school.test", 1);
  });
  afterAll(async () => {
    await server?.close();
    await inbox?.close();
  });

  const outbox = async (first = 100, after?: string) => {
    const result = await server.gql(OUTBOX, { first, after }, fleur);
    expect(result.errors).toBeUndefined();
    return result.data?.mailOutbox;
  };

  it("a mail the SMTP server refuses at first is kept, and delivered on a retry", async () => {
    inbox.refuseNext(1);
    await planConversation(server.services, school.students.sanne.placementId);
    let refused: Node | undefined;
    await eventually(() => inbox.refusals === 1, "the refusal");
    for (let i = 0; i < 100 && !refused; i++) {
      const nodes: Node[] = (await outbox()).edges.map((e: { node: Node }) => e.node);
      refused = nodes.find((n) => n.status === "queued" && n.attempts === 1);
      if (!refused) await new Promise((r) => setTimeout(r, 20));
    }
    expect(refused?.lastError).toContain("421");
    // The retry waits (30 s for the first); nothing arrives before that.
    const before = inbox.to(refused?.to as string).length;
    server.clock.advance(MINUTE);
    await inbox.waitFor(refused?.to as string, before + 1);
    // The SMTP server has it; the outbox records it right after.
    let after: Node[] = [];
    for (let i = 0; i < 100; i++) {
      after = (await outbox()).edges.map((e: { node: Node }) => e.node);
      if (after.every((n) => n.status === "sent")) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(after.filter((n) => n.status !== "sent")).toEqual([]);
    expect(after.some((n) => n.attempts === 2 && n.lastError === null)).toBe(true);
  });

  it("the outbox is the admin's, newest first, a page at a time", async () => {
    const marieke = await loginAs(server, school.staff.marieke);
    expect(codeOf(await server.gql(OUTBOX, { first: 5 }, marieke))).toBe("FORBIDDEN");
    const all = await outbox();
    expect(all.totalCount).toBeGreaterThan(3);
    const first = await outbox(2);
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await outbox(2, first.pageInfo.endCursor);
    expect(second.edges[0].node.id).toBe(all.edges[2].node.id);
    expect(first.edges[0].node).toMatchObject({ kind: "invitation", hasCalendarInvite: true });
  });
});

describe.each(testDatabases())("mail without SMTP and the reminder on %s", (kind) => {
  it("without SMTP_URL each mail is written as an .eml file under DATA_DIR/outbox", async () => {
    const server = await startTestServer(kind, { config: { mailPollMs: 50 } });
    try {
      await buildSchool(server.services);
      const folder = path.join(server.services.config.dataDir, "outbox");
      const files = () =>
        fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".eml")) : [];
      // Marieke plans two, Joost one: three invitations to the begeleiders.
      await eventually(() => files().length === 3, "three .eml files");
      const mail = await simpleParser(fs.readFileSync(path.join(folder, files()[0] as string)));
      expect(mail.subject).toContain("Uitnodiging BPV-gesprek");
      expect(mail.text).toContain(`${server.url}/join/`);
      const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      expect(ics?.content.toString()).toContain("METHOD:REQUEST");
    } finally {
      await server.close();
    }
  });

  it("the reminder goes the day before, once, also after a restart", async () => {
    const inbox = await startSmtpInbox();
    const database = await freshDatabase(kind);
    const clock = new TestClock();
    const config = { smtpUrl: inbox.url, mailPollMs: 50 };
    let server = await startTestServer(kind, { database, clock, config });
    try {
      const school = await buildSchool(server.services);
      await server.services.dataSource.manager.update(
        Person,
        { id: school.students.sanne.personId },
        { email: SANNE },
      );
      const at = new Date(clock.now().getTime() + 3 * DAY);
      await planConversation(server.services, school.students.sanne.placementId, at);
      await inbox.waitFor(SANNE, 1);
      await server.stop();

      // Two days and a bit later, on a new server process over the same database.
      clock.advance(2 * DAY + HOUR);
      server = await startTestServer(kind, { database, clock, config });
      const [, reminder] = await inbox.waitFor(SANNE, 2);
      expect(reminder.subject).toContain("Morgen: BPV-gesprek Sanne Visser");
      expect(reminder.link).toContain("/join/");
      expect(reminder.ics).toBeNull();
      clock.advance(HOUR);
      await new Promise((r) => setTimeout(r, 300));
      expect(inbox.to(SANNE)).toHaveLength(2);
    } finally {
      await server.close();
      await inbox.close();
    }
  });
});
