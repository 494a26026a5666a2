import {
  addAgreement,
  agreementsOf,
  conversationSeed,
  notesOf,
  reviewOf,
  summaryOf,
} from "@driehoek/collab";
import { connectCollab, pause, until } from "@driehoek/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { ProjectionScheduler } from "../../src/collab/projection-scheduler.js";
import { appendParagraph, newId, participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, planConversation, type TestSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { useCollabSuite } from "../support/suite.js";
import { openLog } from "./collab-log.js";

const READ = `query($id: ID!) { conversation(id: $id) { summary agreements { id text } } }`;

/** Lines logged through `console[method]` that contain `text`, counted from now on. */
function logLines(method: "warn" | "error") {
  const lines: string[] = [];
  const original = console[method];
  const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
    original(...args);
  });
  return {
    count: (text: string) => lines.filter((line) => line.includes(text)).length,
    restore: () => spy.mockRestore(),
  };
}

describe.each(testDatabases())("a projection that meets old, unreadable data on %s", (kind) => {
  const suite = useCollabSuite(kind);
  let warnings: ReturnType<typeof logLines>;
  beforeAll(() => {
    warnings = logLines("warn");
  });
  afterAll(() => warnings.restore());

  it("skips what it cannot read, logs it once, and projects the rest", async () => {
    const { conversation, tokens } = await suite.plannedConversation("lotte");
    const id = conversation.id;
    // The document as an older server stored it: seeded, then written to without any check.
    const seed = conversationSeed([]);
    const old = new Y.Doc();
    Y.applyUpdate(old, seed);
    const twice = newId();
    const before = Y.encodeStateVector(old);
    old.transact(() => {
      (reviewOf(old) as Y.Map<unknown>).set("x", "a string");
      addAgreement(old, { id: twice, text: "Eerste" });
      addAgreement(old, { id: twice, text: "Tweede" });
      (notesOf(old) as Y.Map<unknown>).set("gespreksdoel", "geen tekst");
    });
    const log = await openLog(suite.server);
    await log.append([
      { docName: id, update: seed },
      { docName: id, update: Y.encodeStateAsUpdate(old, before) },
    ]);
    await log.close();

    const [sanne, kees] = await suite.connectAll(id, [tokens.student, tokens.praktijkopleider]);
    appendParagraph(summaryOf(sanne.doc), "Het gesprek ging over de stage.");
    const keesId = newId();
    addAgreement(kees.doc, { id: keesId, text: "Kees plant een demo" });
    const staff = await loginAs(suite.server, suite.school.staff.marieke);
    const read = async () => (await suite.server.gql(READ, { id }, staff)).data?.conversation;
    await until(
      async () => (await read())?.agreements.length === 2,
      "the readable agreements in the tables",
      8_000,
    );
    expect(await read()).toEqual({
      summary: "Het gesprek ging over de stage.",
      agreements: [
        { id: twice, text: "Eerste" },
        { id: keesId, text: "Kees plant een demo" },
      ],
    });

    // More runs meet the same entries: still one line each.
    (agreementsOf(kees.doc).get(2).get("text") as Y.Text).insert(0, "Morgen: ");
    await until(
      async () => (await read())?.agreements[1]?.text === "Morgen: Kees plant een demo",
      "the next edit in the tables",
      8_000,
    );
    expect(warnings.count(`projecting ${id} skips review.x: not a map`)).toBe(1);
    expect(
      warnings.count(`projecting ${id} skips agreements.1 (${twice}): its id is used twice`),
    ).toBe(1);
    expect(warnings.count(`projecting ${id} skips notes.gespreksdoel: not a text`)).toBe(1);
  });
});

describe.each(testDatabases())("retries of a failing projection on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let errors: ReturnType<typeof logLines>;
  beforeAll(async () => {
    server = await startTestServer(kind, {
      config: { collabIdleUnloadMs: 300, collabProjectionDelayMs: 200 },
    });
    school = await buildSchool(server.services);
    errors = logLines("error");
  });
  afterAll(async () => {
    errors.restore();
    await server?.close();
  });
  afterEach(async () => {
    await server.services.dataSource
      .query("ALTER TABLE agreement_away RENAME TO agreement")
      .catch(() => undefined);
  });

  it("back off while the document is open and stop once it has left memory", async () => {
    const conversation = await planConversation(server.services, school.students.sanne.placementId);
    const tokens = await participantTokens(server, conversation);
    const sanne = connectCollab(server, conversation.id, tokens.student);
    await sanne.synced();
    // The tables cannot be written for now.
    await server.services.dataSource.query("ALTER TABLE agreement RENAME TO agreement_away");
    addAgreement(sanne.doc, { id: newId(), text: "Komt er niet in" });
    const failed = `projecting ${conversation.id} failed`;
    await until(() => errors.count(failed) >= 2, "a failure and its first retry", 8_000);
    expect(errors.count("failed (1× in a row); again in 2000 ms")).toBeGreaterThanOrEqual(1);
    expect(errors.count("failed (2× in a row); again in 4000 ms")).toBeGreaterThanOrEqual(1);

    // Everyone leaves: the document leaves memory after its last projection, which fails too.
    sanne.destroy();
    await until(
      () => errors.count(`projecting ${conversation.id} stopped: the document left memory`) === 1,
      "the retries to stop",
      8_000,
    );
    expect(errors.count(`${failed} (3× in a row)`)).toBe(1);
    const tries = errors.count(failed);
    await pause(5_000);
    expect(errors.count(failed)).toBe(tries);
  }, 30_000);
});

describe("the projection scheduler's backoff", () => {
  it("doubles the delay after each failure up to the maximum, and stops when forgotten", async () => {
    const calls: number[] = [];
    let isFailing = true;
    const scheduler = new ProjectionScheduler<null>(
      10,
      async () => {
        calls.push(Date.now());
        if (isFailing) throw new Error("database away");
      },
      { firstMs: 40, maxMs: 160 },
    );
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      scheduler.schedule("c", null);
      await until(() => calls.length >= 5, "five tries");
      const gaps = calls.slice(1).map((at, i) => at - (calls[i] as number));
      expect(gaps[0]).toBeGreaterThanOrEqual(38);
      expect(gaps[1]).toBeGreaterThanOrEqual(78);
      expect(gaps[2]).toBeGreaterThanOrEqual(158);
      expect(gaps[3]).toBeGreaterThanOrEqual(158);
      expect(gaps[3]).toBeLessThan(400);
      isFailing = false;
      await until(() => !scheduler.isPending("c"), "a success");
      const succeeded = calls.length;
      isFailing = true;
      scheduler.schedule("c", null);
      await until(() => calls.length === succeeded + 1, "the next failure");
      await scheduler.forget("c");
      await pause(400);
      expect(calls.length).toBe(succeeded + 1);
      expect(scheduler.isPending("c")).toBe(false);
    } finally {
      quiet.mockRestore();
    }
  });
});
