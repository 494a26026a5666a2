import {
  addAgreement,
  agreementsOf,
  conversationSeed,
  notesOf,
  plainText,
  summaryOf,
} from "@driehoek/collab";
import { SECTION_KEYS } from "@driehoek/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { projectConversation } from "../../src/collab/projection.js";
import type { SqliteStatements } from "../../src/collab/projection-text-runs.js";
import { SqliteUpdateStore } from "../../src/collab/sqlite-store.js";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { Student } from "../../src/modules/school/student.entity.js";
import { Werkproces } from "../../src/modules/school/werkproces.entity.js";
import { Signature } from "../../src/modules/signoff/signature.entity.js";
import { appendParagraph, newId } from "../support/collab-fixtures.js";
import { type DatabaseKind, testDatabases } from "../support/database.js";
import { planConversation } from "../support/factories.js";
import { useSchoolServer } from "../support/suite.js";

/** node-sqlite3's `Database`, as far as its trace goes. */
interface Traced {
  on(event: "trace", listener: (sql: string) => void): void;
  removeListener(event: "trace", listener: (sql: string) => void): void;
}

/** Where the text runs write: on SQLite the live documents hand them the log's connection. */
type Connection = "TypeORM's connection" | "the log's connection";

const cases = testDatabases().flatMap((kind): [DatabaseKind, Connection][] =>
  kind === "sqlite"
    ? [
        [kind, "TypeORM's connection"],
        [kind, "the log's connection"],
      ]
    : [[kind, "TypeORM's connection"]],
);

/**
 * The projection called directly, run after run, as the scheduler does: what the tables hold
 * after each, and whether it reports a changed record. Runs after the first that change only
 * texts (the summary, the notes, an agreement's text, measure or first step) write the changed
 * rows alone, without reading any.
 */
describe.each(cases)("projecting the texts of a conversation on %s, on %s", (kind, on) => {
  const suite = useSchoolServer(kind);
  let conversationId: string;
  let doc: Y.Doc;
  let last: string | null;
  /** The log's own connection to the suite's file, as the server opens it. */
  let log: SqliteUpdateStore | null = null;
  let statements: SqliteStatements | undefined;

  beforeAll(async () => {
    if (on !== "the log's connection") return;
    log = await SqliteUpdateStore.open(String(suite.server.services.dataSource.options.database));
    statements = log.statement.bind(log);
  });
  afterAll(() => log?.close());

  beforeEach(async () => {
    const { services } = suite.server;
    conversationId = (await planConversation(services, suite.school.students.sanne.placementId)).id;
    doc = new Y.Doc();
    Y.applyUpdate(doc, conversationSeed([]));
    last = null;
  });

  /** One projection run of `of` (this conversation's document unless given). */
  const projectionOf = (id: string, of: Y.Doc, lastProjected: string | null) =>
    projectConversation(suite.server.services, id, of, lastProjected, statements);

  /** Projects the document as it is now; returns whether the record changed. */
  async function project(): Promise<boolean> {
    const result = await projectionOf(conversationId, doc, last);
    last = result.fingerprint;
    return result.hasChangedRows;
  }

  const stored = () =>
    suite.server.services.dataSource.manager.findOneByOrFail(Conversation, { id: conversationId });
  const storedAgreements = () =>
    suite.server.services.dataSource.manager.findBy(Agreement, { conversationId });
  const note = () => notesOf(doc).get(SECTION_KEYS[0] as string) as Y.Text;
  /** Field `key` of the agreement at `index` in the document. */
  const agreementField = (index: number, key: "text" | "measure" | "firstStep" | "owner") =>
    (agreementsOf(doc).get(index) as Y.Map<unknown>).get(key);

  /**
   * The statements `work` runs on TypeORM's SQLite connection and on the log's (node-sqlite3's
   * trace), or null on PostgreSQL.
   */
  async function statementsOf(
    work: () => Promise<unknown>,
  ): Promise<{ typeorm: string[]; log: string[] } | null> {
    if (kind !== "sqlite") {
      await work();
      return null;
    }
    const typeorm = (
      suite.server.services.dataSource.driver as unknown as { databaseConnection: Traced }
    ).databaseConnection;
    const traced = { typeorm: [] as string[], log: [] as string[] };
    const listeners = [
      [typeorm, (sql: string) => traced.typeorm.push(sql.replace(/\s+/g, " ").trim())],
      ...(log
        ? [
            [
              (log as unknown as { db: Traced }).db,
              (sql: string) => traced.log.push(sql.replace(/\s+/g, " ").trim()),
            ],
          ]
        : []),
    ] as [Traced, (sql: string) => void][];
    for (const [connection, listener] of listeners) connection.on("trace", listener);
    try {
      await work();
    } finally {
      for (const [connection, listener] of listeners) connection.removeListener("trace", listener);
    }
    return traced;
  }

  /** One projection run, whether it changed the record, and its statements (see statementsOf). */
  async function projectTraced() {
    let changed = false;
    const statements = await statementsOf(async () => {
      changed = await project();
    });
    return { changed, statements };
  }

  it("writes a changed summary or note, and nothing when nothing changed", async () => {
    const agreement = newId();
    addAgreement(doc, { id: agreement, text: "Sanne oefent de demo", owner: "student" });
    const paragraph = appendParagraph(summaryOf(doc), "Ik heb geleerd");
    expect(await project()).toBe(true);

    paragraph.insert(paragraph.length, " te plannen");
    const { changed, statements } = await projectTraced();
    expect(changed).toBe(true);
    if (statements) {
      // One UPDATE of the conversation's row, on the connection the run was given.
      const written = log ? statements.log : statements.typeorm;
      expect(written.filter((sql) => /conversation/i.test(sql))).toEqual([
        expect.stringMatching(
          /^UPDATE conversation SET summary = COALESCE\('Ik heb geleerd te plannen'/,
        ),
      ]);
      if (log) expect(statements.typeorm.filter((sql) => /conversation/i.test(sql))).toEqual([]);
    }
    expect((await stored()).summary).toBe(plainText(summaryOf(doc)));
    expect((await stored()).summary).toContain("Ik heb geleerd te plannen");

    expect(await project()).toBe(false);

    note().insert(0, "Goed voorbereid");
    expect(await project()).toBe(true);
    expect(JSON.parse((await stored()).sharedNotes ?? "{}")).toEqual({
      [SECTION_KEYS[0] as string]: "Goed voorbereid",
    });
    // The agreement is as it was first stored, once.
    expect((await storedAgreements()).map((a) => [a.id, a.text])).toEqual([
      [agreement, "Sanne oefent de demo"],
    ]);
  });

  it("still stores agreements that change after the texts did", async () => {
    const paragraph = appendParagraph(summaryOf(doc), "Eerste week");
    expect(await project()).toBe(true);
    paragraph.insert(paragraph.length, " was druk");
    expect(await project()).toBe(true);

    const agreement = newId();
    addAgreement(doc, { id: agreement, text: "Kees plant een demo", owner: "praktijkopleider" });
    paragraph.insert(paragraph.length, "!");
    expect(await project()).toBe(true);
    expect((await storedAgreements()).map((a) => a.text)).toEqual(["Kees plant een demo"]);
    expect((await stored()).summary).toContain("Eerste week was druk!");
  });

  it("writes an agreement whose texts changed in its own row, and reads nothing", async () => {
    const first = newId();
    const second = newId();
    addAgreement(doc, { id: first, text: "Sanne oefent", owner: "student" });
    addAgreement(doc, { id: second, text: "Kees plant", owner: "praktijkopleider" });
    expect(await project()).toBe(true);

    (agreementField(0, "text") as Y.Text).insert("Sanne oefent".length, " de demo");
    (agreementField(0, "measure") as Y.Text).insert(0, "Kees kijkt mee");
    const { changed, statements } = await projectTraced();
    expect(changed).toBe(true);
    if (statements) {
      // One UPDATE of the changed agreement's row, on the connection the run was given, and no
      // agreement or conversation read through TypeORM (the full run's findOneBy and findBy).
      // Other work of the server may run meanwhile.
      const written = log ? statements.log : statements.typeorm;
      expect(written.filter((sql) => /agreement/i.test(sql))).toEqual([
        expect.stringMatching(
          /^UPDATE agreement SET text = 'Sanne oefent de demo', .* RETURNING id$/,
        ),
      ]);
      if (log) expect(statements.typeorm.filter((sql) => /agreement/i.test(sql))).toEqual([]);
      expect(statements.typeorm.filter((sql) => sql.includes('"Conversation"'))).toEqual([]);
    }
    const rows = await storedAgreements();
    const byId = new Map(rows.map((a) => [a.id, a]));
    expect(byId.get(first)).toMatchObject({
      text: "Sanne oefent de demo",
      measure: "Kees kijkt mee",
      owner: "student",
      position: 0,
    });
    expect(byId.get(second)).toMatchObject({ text: "Kees plant", position: 1 });

    // Texts and the summary together; then an owner (not a text) goes through the full run.
    (agreementField(1, "firstStep") as Y.Text).insert(0, "Morgen bellen");
    appendParagraph(summaryOf(doc), "Goed gesprek");
    expect(await project()).toBe(true);
    expect((await stored()).summary).toContain("Goed gesprek");
    (agreementsOf(doc).get(1) as Y.Map<unknown>).set("owner", "bpv_begeleider");
    expect(await project()).toBe(true);
    expect((await storedAgreements()).map((a) => [a.id, a.owner, a.firstStep]).sort()).toEqual(
      [
        [first, "student", ""],
        [second, "bpv_begeleider", "Morgen bellen"],
      ].sort(),
    );
    expect(await project()).toBe(false);
  });

  it("stores a new agreement as a full run would: on SQLite in one INSERT, reading nothing", async () => {
    const first = newId();
    const added = newId();
    addAgreement(doc, { id: first, text: "Sanne oefent", owner: "student" });
    const paragraph = appendParagraph(summaryOf(doc), "Eerste afspraak");
    expect(await project()).toBe(true);

    addAgreement(doc, {
      id: added,
      text: "Kees plant een demo",
      owner: "praktijkopleider",
      dueDate: "2027-01-15",
    });
    paragraph.insert(paragraph.length, " gemaakt");
    const { changed, statements } = await projectTraced();
    expect(changed).toBe(true);
    if (statements) {
      // One INSERT of the new row on the connection the run was given (the trace also shows
      // the trigger that fills the placement's columns), and no agreement or conversation read
      // through TypeORM (the full run's findOneBy and findBy).
      const written = (log ? statements.log : statements.typeorm).filter(
        (sql) => !sql.startsWith("--"),
      );
      expect(written.filter((sql) => /agreement/i.test(sql))).toEqual([
        expect.stringMatching(/^INSERT INTO agreement .*'Kees plant een demo'.* RETURNING id$/),
      ]);
      if (log) expect(statements.typeorm.filter((sql) => /agreement/i.test(sql))).toEqual([]);
      expect(statements.typeorm.filter((sql) => sql.includes('"Conversation"'))).toEqual([]);
    }
    const now = suite.server.services.now();
    const byId = new Map((await storedAgreements()).map((a) => [a.id, a]));
    expect(byId.get(first)).toMatchObject({ text: "Sanne oefent", position: 0 });
    // As a full run stores it, the placement's columns filled by the database.
    expect(byId.get(added)).toMatchObject({
      conversationId,
      position: 1,
      text: "Kees plant een demo",
      owner: "praktijkopleider",
      dueDate: "2027-01-15",
      measure: "",
      firstStep: "",
      status: "open",
      werkprocesId: null,
      reviewedInId: null,
      reviewNote: null,
      placementId: suite.school.students.sanne.placementId,
    });
    expect(byId.get(added)?.createdAt.getTime()).toBeCloseTo(now.getTime(), -4);
    expect((await stored()).summary).toContain("Eerste afspraak gemaakt");

    // Typing in it afterwards is a text run; an owner no role has is stored as none.
    (agreementField(1, "measure") as Y.Text).insert(0, "Demo staat gepland");
    addAgreement(doc, { id: newId(), text: "Derde", owner: "directeur" as "student" });
    expect(await project()).toBe(true);
    expect(
      (await storedAgreements())
        .sort((x, y) => x.position - y.position)
        .map((a) => [a.position, a.text, a.measure, a.owner]),
    ).toEqual([
      [0, "Sanne oefent", "", "student"],
      [1, "Kees plant een demo", "Demo staat gepland", "praktijkopleider"],
      [2, "Derde", "", null],
    ]);
    expect(await project()).toBe(false);
  });

  it("stores a new agreement with a werkproces through a full run, which looks it up", async () => {
    const { manager } = suite.server.services.dataSource;
    const placement = await manager.findOneByOrFail(Placement, {
      id: suite.school.students.sanne.placementId,
    });
    const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
    const werkproces = newId();
    await manager.insert(Werkproces, {
      id: werkproces,
      programmeId: student.programmeId,
      code: "T9-K9-W9",
      title: "Test werkproces",
    });
    addAgreement(doc, { id: newId(), text: "Eerst" });
    expect(await project()).toBe(true);
    addAgreement(doc, { id: newId(), text: "Met werkproces", werkproces: "T9-K9-W9" });
    expect(await project()).toBe(true);
    expect((await storedAgreements()).find((a) => a.text === "Met werkproces")?.werkprocesId).toBe(
      werkproces,
    );
  });

  it("reads back where the conversation stands and whether anyone signed, in the same write", async () => {
    const { manager } = suite.server.services.dataSource;
    const paragraph = appendParagraph(summaryOf(doc), "In de kern");
    // The first run writes rows in a transaction, and reads the standing back in it.
    const planned = await stored();
    const first = await projectionOf(conversationId, doc, last);
    last = first.fingerprint;
    expect(first.standing).toEqual({
      conversation: {
        id: conversationId,
        phase: planned.phase,
        section: planned.section,
        phaseStartedAt: planned.phaseStartedAt,
        sectionStartedAt: planned.sectionStartedAt,
        status: planned.status,
        version: planned.version,
      },
      hasSignatures: false,
    });
    const startedAt = new Date("2026-12-04T09:05:00.000Z");
    await manager.update(
      Conversation,
      { id: conversationId },
      { status: "ended", phase: "afronden", section: null, phaseStartedAt: startedAt, version: 7 },
    );

    paragraph.insert(paragraph.length, " besproken");
    const unsigned = await projectionOf(conversationId, doc, last);
    last = unsigned.fingerprint;
    expect(unsigned.standing).toEqual({
      conversation: {
        id: conversationId,
        phase: "afronden",
        section: null,
        phaseStartedAt: startedAt,
        sectionStartedAt: null,
        status: "ended",
        version: 7,
      },
      hasSignatures: false,
    });

    const placement = suite.school.students.sanne;
    await manager.insert(Signature, {
      id: newId(),
      conversationId,
      personId: placement.personId,
      role: "student",
      method: "digital",
      contentHash: "0".repeat(64),
      signedAt: new Date(),
      voidedAt: null,
      voidReason: null,
      recordJson: null,
    });
    paragraph.insert(paragraph.length, " en getekend");
    const signed = await projectionOf(conversationId, doc, last);
    expect(signed.hasChangedRows).toBe(true);
    expect(signed.standing?.hasSignatures).toBe(true);
    // Nothing changed: nothing read back.
    expect((await projectionOf(conversationId, doc, signed.fingerprint)).standing).toBeUndefined();
  });

  /**
   * Daan's conversation, projected with one agreement: its id, and that conversation's stored
   * agreements as `[id, text, owner]` when asked.
   */
  async function daansAgreement() {
    const { services } = suite.server;
    const other = await planConversation(services, suite.school.students.daan.placementId);
    const otherDoc = new Y.Doc();
    Y.applyUpdate(otherDoc, conversationSeed([]));
    const shared = newId();
    addAgreement(otherDoc, { id: shared, text: "Daan oefent", owner: "student" });
    await projectionOf(other.id, otherDoc, null);
    const daans = async () =>
      (await services.dataSource.manager.findBy(Agreement, { conversationId: other.id })).map(
        (a) => [a.id, a.text, a.owner],
      );
    return { shared, daans };
  }

  /** This conversation's stored agreements as `[id, position]`, in order. */
  const positions = async () =>
    (await storedAgreements()).map((a) => [a.id, a.position]).sort((x, y) => +x[1] - +y[1]);

  it("never touches another conversation's agreement whose id the document reuses", async () => {
    const { shared, daans } = await daansAgreement();

    const own = newId();
    addAgreement(doc, { id: shared, text: "Overgenomen", owner: "praktijkopleider" });
    addAgreement(doc, { id: own, text: "Sanne plant", owner: "student" });
    expect(await project()).toBe(true);
    expect(await daans()).toEqual([[shared, "Daan oefent", "student"]]);
    expect((await storedAgreements()).map((a) => [a.id, a.text])).toEqual([[own, "Sanne plant"]]);

    // Added after them: numbered among this conversation's own, not by place in the document.
    const later = newId();
    addAgreement(doc, { id: later, text: "Later toegevoegd" });
    expect(await project()).toBe(true);
    expect(await positions()).toEqual([
      [own, 0],
      [later, 1],
    ]);
  });

  it("leaves another conversation's agreement alone when a new one reuses its id", async () => {
    const { shared, daans } = await daansAgreement();

    const own = newId();
    addAgreement(doc, { id: own, text: "Sanne plant", owner: "student" });
    expect(await project()).toBe(true);
    const second = newId();
    addAgreement(doc, { id: second, text: "Sanne belt" });
    addAgreement(doc, { id: shared, text: "Overgenomen", owner: "praktijkopleider" });
    expect(await project()).toBe(true);
    expect(await daans()).toEqual([[shared, "Daan oefent", "student"]]);
    expect(await positions()).toEqual([
      [own, 0],
      [second, 1],
    ]);
    expect(await project()).toBe(false);
  });

  it("leaves a signed record alone", async () => {
    const paragraph = appendParagraph(summaryOf(doc), "Zoals getekend");
    addAgreement(doc, { id: newId(), text: "Zoals afgesproken", owner: "student" });
    expect(await project()).toBe(true);
    await suite.server.services.dataSource.manager.update(
      Conversation,
      { id: conversationId },
      { status: "signed" },
    );

    paragraph.insert(paragraph.length, " en later veranderd");
    note().insert(0, "Na ondertekening");
    (agreementField(0, "text") as Y.Text).insert(0, "Later: ");
    expect(await project()).toBe(false);
    addAgreement(doc, { id: newId(), text: "Na ondertekening toegevoegd" });
    expect(await project()).toBe(false);
    expect((await storedAgreements()).map((a) => a.text)).toEqual(["Zoals afgesproken"]);
    const signed = await stored();
    expect(signed.summary).toContain("Zoals getekend");
    expect(signed.summary).not.toContain("later veranderd");
    expect(signed.sharedNotes ?? "").not.toContain("Na ondertekening");
  });
});
