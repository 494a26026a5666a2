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
import {
  CONCURRENT_PROJECTIONS,
  ProjectionScheduler,
} from "../../src/collab/projection-scheduler.js";
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

describe("when the projection scheduler runs", () => {
  it("waits for a quiet moment, but no longer than five delays while people keep typing", async () => {
    vi.useFakeTimers();
    try {
      const runs: number[] = [];
      const start = Date.now();
      const scheduler = new ProjectionScheduler<null>(2_000, async () => {
        runs.push(Date.now() - start);
      });
      // One change, then quiet: projected 2 s later.
      scheduler.schedule("c", null);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(runs).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toEqual([2_000]);

      // A keystroke every 500 ms for 30 s: a run every 10 s, not every 2 s.
      for (let t = 0; t < 30_000; t += 500) {
        scheduler.schedule("c", null);
        await vi.advanceTimersByTimeAsync(500);
      }
      expect(runs.slice(1).map((at) => at - 2_000)).toEqual([10_000, 20_000, 30_000]);

      // Typing stops: the last keystrokes are projected 2 s after the last one.
      scheduler.schedule("c", null);
      await vi.advanceTimersByTimeAsync(700);
      scheduler.schedule("c", null);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(runs).toHaveLength(4);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toHaveLength(5);
      expect(runs[4]).toBe((runs[3] ?? Number.NaN) + 700 + 2_000);
      expect(scheduler.isPending("c")).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("projections that come due together", () => {
  it("run two at a time, every one of them, each reading the document when its turn comes", async () => {
    let active = 0;
    let mostAtOnce = 0;
    const projected: string[] = [];
    const scheduler = new ProjectionScheduler<null>(5, async (id) => {
      active += 1;
      mostAtOnce = Math.max(mostAtOnce, active);
      await pause(20);
      projected.push(id);
      active -= 1;
    });
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    for (const id of ids) scheduler.schedule(id, null);
    // A change while its run waits for a turn is covered by that run: no second run.
    await pause(15);
    scheduler.schedule("c11", null);
    await until(() => projected.length >= 12, "every projection");
    await pause(60);
    expect(mostAtOnce).toBe(CONCURRENT_PROJECTIONS);
    expect(projected.sort()).toEqual([...ids].sort());
    // An explicit run still waits its turn and then brings the tables up to date.
    await scheduler.run("c3", null);
    expect(projected.filter((id) => id === "c3")).toHaveLength(2);
  });
});
