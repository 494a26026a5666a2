import { randomUUID } from "node:crypto";
import { addAgreement, conversationSeed } from "@driehoek/collab";
import { schoolToday } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { projectConversation } from "../../src/collab/projection.js";
import { inTransaction } from "../../src/db/transaction.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { Person } from "../../src/modules/people/person.entity.js";
import { judgePlacement, refreshFrequency } from "../../src/modules/placement/frequency-state.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { PlacementFrequency } from "../../src/modules/placement/placement-frequency.entity.js";
import { Werkproces } from "../../src/modules/school/werkproces.entity.js";
import { MINUTE } from "../support/clock.js";
import { participantTokens } from "../support/collab-fixtures.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  bytewerkPlacement,
  insertStudent,
  loginAs,
  planConversation,
  STAFF_PASSWORD,
  type TestSchool,
} from "../support/factories.js";
import { addExampleBegeleiders, EXAMPLE_ROSTER } from "../support/roster-example.js";
import { type GqlResult, startTestServer, type TestServer } from "../support/server.js";
import { download, upload } from "./document-files.js";

const ROSTER = EXAMPLE_ROSTER;

const SCHEDULE = `mutation($input: ScheduleConversationInput!) {
  scheduleConversation(input: $input) { conversation { id } invites { invite { id role } } } }`;
const MOVE_TO = `mutation($id: ID!, $at: DateTimeISO!) {
  moveConversation(conversationId: $id, startsAt: $at) { id scheduledAt } }`;
const CANCEL = `mutation($id: ID!) { cancelConversation(conversationId: $id, reason: "Ziek") { id } }`;
const JOIN = `mutation($token: String!) { joinWithInvite(token: $token) { accessToken role } }`;
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken } }`;
const ME = "{ me { id } }";
const STEP = (name: string) => `mutation($id: ID!) { ${name}(conversationId: $id) { status } }`;
const ADVANCE = `mutation($id: ID!, $phase: Phase) {
  advancePhase(conversationId: $id, expectedPhase: $phase) { phase } }`;
const STUDENT_SAYS = `mutation($id: ID!, $c: Conclusion!) {
  setStudentConclusion(conversationId: $id, conclusion: $c) { id } }`;
const JUDGE = `mutation($id: ID!, $c: Conclusion!) {
  setConclusion(conversationId: $id, conclusion: $c) { id } }`;
const CONCLUSIONS = `query($id: ID!) { conversation(id: $id) {
  studentConclusion conclusion conclusionMotivation } }`;
const RECORD = `query($id: ID!) { conversation(id: $id) {
  status record { hash } signatures { isValid signature { role } } } }`;
const SIGN = `mutation($id: ID!, $hash: String!) {
  signConversation(conversationId: $id, contentHash: $hash) { status } }`;
const VERIFY = `query($id: ID!) { verifyRecord(conversationId: $id) {
  isLocked isIntact signaturesMatch } }`;
const SUBMIT_TALK = `mutation($id: ID!, $intervals: [TalkIntervalInput!]!) {
  submitTalk(conversationId: $id, intervals: $intervals) { studentShare } }`;
const TALK = `query($id: ID!) { conversation(id: $id) { talkShare { totals { role ms } } } }`;
const UPDATE_STUDENT = `mutation($input: UpdateStudentInput!) {
  updateStudent(input: $input) { node { id } errors { field message } } }`;
const UPDATE_PLACEMENT = `mutation($input: UpdatePlacementInput!) {
  updatePlacement(input: $input) { node { id } errors { field message } } }`;
const PLACEMENT_ROWS = `query($search: String) { adminPlacements(search: $search, first: 10) {
  edges { node { id endDate hoursPerWeek pokNumber } } } }`;
const STUDENT_ROWS = `query($search: String) { adminStudents(search: $search, first: 10) {
  edges { node { id studentNumber name email cohort } } } }`;
const IMPORT = `mutation($csv: String!) { importRoster(csv: $csv, dryRun: false) {
  committed created updated unchanged errors { row column message } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateStaffAccountInput!) {
  createStaffAccount(input: $input) { id } }`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) {
  setPassword(token: $token, password: $password) }`;
const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const MARK = `mutation($id: ID!, $wp: ID!, $state: WerkprocesState) {
  markWerkproces(conversationId: $id, werkprocesId: $wp, state: $state) { id } }`;
const WERKPROCESSEN = `query($id: ID!) { placement(id: $id) {
  werkprocessen { state werkproces { id } } } }`;
const FLAG = `mutation($id: ID!, $text: String!) {
  flagParticular(conversationId: $id, text: $text) { id } }`;
const NO_PARTICULARS = `mutation($id: ID!) {
  setNoParticulars(conversationId: $id, noParticulars: true) { noParticularsAt } }`;
const ARCHIVE = `query($id: ID!) { conversation(id: $id) {
  noParticularsAt studentSystemEnteredBy { id } particulars { id handledAt } } }`;
const HANDLED = `mutation($id: ID!) { markParticularHandled(particularId: $id) { handledAt } }`;
const ENTERED = `mutation($id: ID!) {
  markEnteredInStudentSystem(conversationId: $id) { studentSystemEnteredBy { id } } }`;
const REMOVE_DOCUMENT = `mutation($id: ID!, $doc: ID!) {
  removeDocument(conversationId: $id, documentId: $doc) { id } }`;
const FREQUENCY = `query($id: ID!) { placement(id: $id) {
  frequency { required held missed nextDueDate } } }`;

/** How a request may be refused on purpose when another request got there first. */
const DELIBERATE = ["CONFLICT", "NOT_FOUND", "UNAUTHENTICATED", "BAD_USER_INPUT"];

/** What a user saw of each request: "ok", or the refusal's code and message. */
function outcomes(results: GqlResult[]): string[] {
  return results.map((r) => {
    const error = r.errors?.[0];
    return error ? `${error.extensions?.code ?? "no code"}: ${error.message}` : "ok";
  });
}

/** Every request succeeded or was refused on purpose, never with "Er ging iets mis". */
function expectOnlyDeliberate(results: GqlResult[]): void {
  for (const outcome of outcomes(results)) {
    if (outcome !== "ok") expect(DELIBERATE, outcome).toContain(outcome.split(":")[0]);
  }
}

const succeeded = (results: GqlResult[]) => results.filter((r) => !r.errors).length;

/** The verdict of the frequency rule as a report shows it. */
const verdictOf = (
  f: Pick<PlacementFrequency, "required" | "held" | "missed" | "nextDueDate">,
) => ({
  required: f.required,
  held: f.held,
  missed: f.missed,
  nextDueDate: f.nextDueDate,
});

/**
 * A school works at the same moment: begeleiders plan for one student from two tabs, the three
 * participants sign together, two admins edit one row, a roster goes in twice, a double click
 * sends a request twice. Each such pair of requests must end as if they came one after the
 * other: every request succeeds or is refused with a clear reason (never "Er ging iets mis"),
 * and what is stored afterwards is one of the outcomes the requests could have had in turn.
 */
describe.each(testDatabases())("writes at the same moment on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let fleur: string;
  let joost: string;
  let petra: string;
  let lastNumber = 300_000;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    [fleur, joost, petra] = await Promise.all([
      loginAs(server, school.staff.fleur),
      loginAs(server, school.staff.joost),
      loginAs(server, school.staff.petra),
    ]);
  });
  afterAll(() => server?.close());

  const db = () => server.services.dataSource;
  /** A SQL text with `$1, $2…` placeholders, as this database writes them. */
  const sql = (text: string) => (kind === "postgres" ? text : text.replace(/\$\d+/g, "?"));
  const count = async (text: string, params: unknown[] = []) => {
    const [row] = await db().query(sql(`SELECT COUNT(*) AS n FROM ${text}`), params);
    return Number(row.n);
  };
  const auditCount = (action: string, subjectId: string) =>
    count("audit_entry WHERE action = $1 AND subject_id = $2", [action, subjectId]);
  const today = () => schoolToday(server.services.now());

  /** A new student placed at Bytewerk, begeleider Joost, trajectbegeleider Petra. */
  const newStudent = async () => {
    lastNumber += 1;
    const number = String(lastNumber);
    const created = await inTransaction(db(), (manager) =>
      insertStudent(manager, server.services.now(), today(), {
        ...bytewerkPlacement(school),
        name: `Student ${number}`,
        number,
      }),
    );
    return { ...created, number };
  };
  const newPlacement = async () => (await newStudent()).placementId;

  /** A planned conversation of a new student, with its three participants' tokens. */
  const planned = async (placementId?: string, at?: Date) => {
    const conversation = await planConversation(
      server.services,
      placementId ?? (await newPlacement()),
      at,
    );
    return {
      id: conversation.id,
      conversation,
      tokens: await participantTokens(server, conversation),
    };
  };

  const step = async (id: string, token: string, ...names: string[]) => {
    for (const name of names) {
      const result = await server.gql(STEP(name), { id }, token);
      expect(result.errors, name).toBeUndefined();
    }
  };

  /** A planned conversation led into Afronden, the conclusion drawn: ready to end. */
  const inAfronden = async (placementId?: string, at?: Date) => {
    const c = await planned(placementId, at);
    await step(c.id, c.tokens.bpv_begeleider, "startConversation", "advancePhase", "advancePhase");
    const stated = await server.gql(STUDENT_SAYS, { id: c.id, c: "op_schema" }, c.tokens.student);
    expect(stated.errors).toBeUndefined();
    const judged = await server.gql(JUDGE, { id: c.id, c: "op_schema" }, c.tokens.bpv_begeleider);
    expect(judged.errors).toBeUndefined();
    return c;
  };

  /** A conversation held to its end, awaiting the akkoorden. */
  const ended = async () => {
    const c = await inAfronden();
    await step(c.id, c.tokens.bpv_begeleider, "endConversation");
    return c;
  };

  describe("planning", () => {
    it("eight conversations planned for one student at the same moment are all planned, each with its three invites", async () => {
      const placementId = await newPlacement();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => {
          const scheduledAt = new Date(Date.UTC(2026, 3, 6 + i, 9)).toISOString();
          const token = i % 2 === 0 ? joost : fleur;
          return server.gql(SCHEDULE, { input: { placementId, scheduledAt } }, token);
        }),
      );
      expect(outcomes(results)).toEqual(Array(8).fill("ok"));
      const of = "conversation c ON c.id = x.conversation_id WHERE c.placement_id = $1";
      expect(await count("conversation WHERE placement_id = $1", [placementId])).toBe(8);
      expect(await count(`invite x JOIN ${of}`, [placementId])).toBe(24);
      expect(await count(`conversation_participant x JOIN ${of}`, [placementId])).toBe(24);
      expect(await count(`conversation_plan x JOIN ${of}`, [placementId])).toBe(8);
    });

    it("conversations of six students planned at the same moment are all planned", async () => {
      const placements = await Promise.all(Array.from({ length: 6 }, () => newPlacement()));
      const results = await Promise.all(
        placements.map((placementId, i) => {
          const scheduledAt = new Date(Date.UTC(2026, 3, 13, 9 + i)).toISOString();
          const token = i % 2 === 0 ? joost : fleur;
          return server.gql(SCHEDULE, { input: { placementId, scheduledAt } }, token);
        }),
      );
      expect(outcomes(results)).toEqual(Array(6).fill("ok"));
      for (const placementId of placements) {
        expect(await count("conversation WHERE placement_id = $1", [placementId])).toBe(1);
      }
    });
  });

  describe("moving and cancelling a planned conversation", () => {
    /** The calendar mails about a conversation in Joost's outbox (he plans, so he gets each). */
    const calendarMails = async (conversationId: string) => {
      const rows: { kind: string; ics: string | null }[] = await db().query(
        sql(
          "SELECT kind, ics FROM outbox_mail WHERE conversation_id = $1 AND person_id = $2 AND kind <> 'reminder'",
        ),
        [conversationId, school.staff.joost.id],
      );
      return rows.map((r) => ({
        kind: r.kind,
        sequence: Number(/SEQUENCE:(\d+)/.exec(r.ics ?? "")?.[1]),
      }));
    };

    it("moved from two requests at once, it ends at one of the two times, and each calendar update has a sequence of its own", async () => {
      for (let round = 0; round < 3; round++) {
        const { id } = await planned();
        const times = ["2026-04-20T09:00:00.000Z", "2026-04-21T13:00:00.000Z"];
        const results = await Promise.all(
          times.map((at) => server.gql(MOVE_TO, { id, at }, joost)),
        );
        expectOnlyDeliberate(results);
        expect(succeeded(results)).toBeGreaterThan(0);
        const stored = await db().manager.findOneByOrFail(Conversation, { id });
        expect(times).toContain(stored.scheduledAt.toISOString());
        // Each move is a newer version of the calendar entry; a calendar keeps the highest.
        const updates = (await calendarMails(id)).filter((m) => m.kind === "update");
        expect(updates).toHaveLength(succeeded(results));
        expect(updates.map((m) => m.sequence).sort()).toEqual(
          Array.from({ length: succeeded(results) }, (_, i) => i + 1),
        );
      }
    });

    it("cancelled from two requests at once, it is cancelled once, with one cancellation mail", async () => {
      for (let round = 0; round < 3; round++) {
        const { id } = await planned();
        const results = await Promise.all([joost, fleur].map((t) => server.gql(CANCEL, { id }, t)));
        expectOnlyDeliberate(results);
        expect(succeeded(results)).toBe(1);
        expect(await db().manager.countBy(Conversation, { id })).toBe(0);
        const cancellations = (await calendarMails(id)).filter((m) => m.kind === "cancellation");
        expect(cancellations).toHaveLength(1);
        expect(await auditCount("conversation.cancelled", id)).toBe(1);
      }
    });

    it("moved and cancelled at once, it is cancelled, and the cancellation outranks every update in the calendar", async () => {
      for (let round = 0; round < 3; round++) {
        const { id } = await planned();
        const [moved, cancelled] = await Promise.all([
          server.gql(MOVE_TO, { id, at: "2026-04-22T09:00:00.000Z" }, joost),
          server.gql(CANCEL, { id }, fleur),
        ]);
        expectOnlyDeliberate([moved, cancelled]);
        expect(outcomes([cancelled])).toEqual(["ok"]);
        expect(await db().manager.countBy(Conversation, { id })).toBe(0);
        const mails = await calendarMails(id);
        const cancellations = mails.filter((m) => m.kind === "cancellation");
        expect(cancellations).toHaveLength(1);
        const last = cancellations[0]?.sequence ?? -1;
        for (const mail of mails.filter((m) => m.kind !== "cancellation")) {
          expect(mail.sequence, mail.kind).toBeLessThan(last);
        }
      }
    });
  });

  describe("invite links", () => {
    it("the same invite link opened on two devices at once lets both in", async () => {
      const conversation = await planConversation(server.services, await newPlacement());
      const token = conversation.invites.student.token;
      const results = await Promise.all([0, 1].map(() => server.gql(JOIN, { token })));
      expect(outcomes(results)).toEqual(["ok", "ok"]);
      const me = await Promise.all(
        results.map((r) => server.gql(ME, {}, r.data?.joinWithInvite.accessToken)),
      );
      expect(outcomes(me)).toEqual(["ok", "ok"]);
    });

    it("the three invite links of a conversation opened at once each open it in their own role", async () => {
      const conversation = await planConversation(server.services, await newPlacement());
      const roles = ["student", "praktijkopleider", "bpv_begeleider"] as const;
      const results = await Promise.all(
        roles.map((role) => server.gql(JOIN, { token: conversation.invites[role].token })),
      );
      expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
      expect(results.map((r) => r.data?.joinWithInvite.role)).toEqual([...roles]);
    });
  });

  describe("leading the conversation", () => {
    it("started from two devices at once, it starts once", async () => {
      const { id, tokens } = await planned();
      const results = await Promise.all(
        [tokens.bpv_begeleider, joost].map((t) => server.gql(STEP("startConversation"), { id }, t)),
      );
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBe(1);
      expect(await count("conversation_phase_period WHERE conversation_id = $1", [id])).toBe(1);
      expect(await auditCount("conversation.started", id)).toBe(1);
    });

    it("two clicks on 'next phase' at once move it on by one phase", async () => {
      const { id, tokens } = await planned();
      await step(id, tokens.bpv_begeleider, "startConversation");
      const results = await Promise.all(
        [0, 1].map(() => server.gql(ADVANCE, { id, phase: "inleiding" }, tokens.bpv_begeleider)),
      );
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBe(1);
      expect((await db().manager.findOneByOrFail(Conversation, { id })).phase).toBe("kern");
      const open = "conversation_phase_period WHERE conversation_id = $1 AND ended_at IS NULL";
      expect(await count(open, [id])).toBe(1);
    });

    it("ended from two devices at once, it ends once", async () => {
      const { id, tokens } = await inAfronden();
      const results = await Promise.all(
        [tokens.bpv_begeleider, joost].map((t) => server.gql(STEP("endConversation"), { id }, t)),
      );
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBe(1);
      expect(await auditCount("conversation.ended", id)).toBe(1);
    });

    it("a student changing their conclusion while the begeleider confirms it never leaves a different judgement without a motivation", async () => {
      for (let round = 0; round < 6; round++) {
        const { id, tokens } = await planned();
        await step(id, tokens.bpv_begeleider, "startConversation");
        await server.gql(STUDENT_SAYS, { id, c: "op_schema" }, tokens.student);
        const results = await Promise.all([
          server.gql(JUDGE, { id, c: "op_schema" }, tokens.bpv_begeleider),
          server.gql(STUDENT_SAYS, { id, c: "achter" }, tokens.student),
        ]);
        expectOnlyDeliberate(results);
        const after = (await server.gql(CONCLUSIONS, { id }, joost)).data?.conversation;
        expect(after.studentConclusion).toBe("achter");
        // The begeleider's judgement either follows the statement or is cleared to confirm again.
        if (after.conclusion && after.conclusion !== after.studentConclusion) {
          expect(
            after.conclusionMotivation,
            `round ${round}: ${JSON.stringify(after)}`,
          ).toBeTruthy();
        }
      }
    });

    it("speech of the student reported by their own device and tapped by the begeleider at the same moment is counted once", async () => {
      const { id, tokens } = await planned();
      await step(id, tokens.bpv_begeleider, "startConversation");
      const started = server.clock.now().getTime();
      server.clock.advance(3 * MINUTE);
      const span = (from: number, to: number, source: string) => ({
        startedAt: new Date(started + from * 1000).toISOString(),
        endedAt: new Date(started + to * 1000).toISOString(),
        source,
        ...(source === "TAP" ? { role: "student" } : {}),
      });
      const results = await Promise.all([
        server.gql(SUBMIT_TALK, { id, intervals: [span(10, 70, "VAD")] }, tokens.student),
        server.gql(SUBMIT_TALK, { id, intervals: [span(10, 70, "TAP")] }, tokens.bpv_begeleider),
        server.gql(SUBMIT_TALK, { id, intervals: [span(100, 130, "VAD")] }, tokens.student),
        server.gql(SUBMIT_TALK, { id, intervals: [span(100, 130, "TAP")] }, tokens.bpv_begeleider),
      ]);
      // Whichever report of a span comes second is refused as already reported.
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBe(2);
      const totals = (await server.gql(TALK, { id }, joost)).data?.conversation.talkShare.totals;
      expect(totals.find((t: { role: string }) => t.role === "student")?.ms).toBe(90_000);
    });
  });

  describe("the akkoorden", () => {
    const recordOf = async (id: string) =>
      (await server.gql(RECORD, { id }, fleur)).data?.conversation;

    it("the three participants giving their akkoord at the same moment lock the record once, with three signatures", async () => {
      const { id, tokens } = await ended();
      const { record } = await recordOf(id);
      const results = await Promise.all(
        (["student", "praktijkopleider", "bpv_begeleider"] as const).map((role) =>
          server.gql(SIGN, { id, hash: record.hash }, tokens[role]),
        ),
      );
      expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
      const after = await recordOf(id);
      expect(after.status).toBe("signed");
      expect(after.signatures.map((s: { isValid: boolean }) => s.isValid)).toEqual([
        true,
        true,
        true,
      ]);
      expect(await auditCount("conversation.signed", id)).toBe(1);
      const verified = await server.gql(VERIFY, { id }, fleur);
      expect(verified.data?.verifyRecord).toEqual({
        isLocked: true,
        isIntact: true,
        signaturesMatch: true,
      });
    });

    it("an akkoord sent five times at once (double clicks, a second tab) is one signature", async () => {
      for (let round = 0; round < 5; round++) {
        const { id, tokens } = await ended();
        const { record } = await recordOf(id);
        const results = await Promise.all(
          [0, 1, 2, 3, 4].map(() => server.gql(SIGN, { id, hash: record.hash }, tokens.student)),
        );
        expectOnlyDeliberate(results);
        const after = await recordOf(id);
        expect(after.status).toBe("ended");
        expect(after.signatures, `round ${round}`).toEqual([
          { isValid: true, signature: { role: "student" } },
        ]);
        expect(await auditCount("conversation.signature_given", id)).toBe(1);
      }
    });

    it("the signed paper form recorded from two requests at once gives three signatures and one lock", async () => {
      for (let round = 0; round < 4; round++) {
        const { id, tokens } = await ended();
        const results = await Promise.all(
          [tokens.bpv_begeleider, joost].map((t) =>
            server.gql(STEP("recordPaperSignatures"), { id }, t),
          ),
        );
        expectOnlyDeliberate(results);
        expect(succeeded(results)).toBeGreaterThan(0);
        const after = await recordOf(id);
        expect(after.status).toBe("signed");
        expect(after.signatures, `round ${round}`).toHaveLength(3);
        expect(await auditCount("conversation.signed", id)).toBe(1);
      }
    });
  });

  describe("the administration", () => {
    it("three admins saving different fields of one placement at once keep all three changes", async () => {
      for (let round = 0; round < 2; round++) {
        const { placementId, number } = await newStudent();
        const results = await Promise.all(
          [{ endDate: "2026-12-18" }, { hoursPerWeek: "24" }, { pokNumber: "POK-NIEUW" }].map(
            (change) =>
              server.gql(UPDATE_PLACEMENT, { input: { id: placementId, ...change } }, fleur),
          ),
        );
        expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
        expect(results.map((r) => r.data?.updatePlacement.errors)).toEqual([[], [], []]);
        const rows = (await server.gql(PLACEMENT_ROWS, { search: number }, fleur)).data
          ?.adminPlacements.edges;
        expect(rows).toEqual([
          {
            node: {
              id: placementId,
              endDate: "2026-12-18",
              hoursPerWeek: 24,
              pokNumber: "POK-NIEUW",
            },
          },
        ]);
      }
    });

    it("three admins saving different fields of one student at once keep all three changes", async () => {
      for (let round = 0; round < 2; round++) {
        const { studentId, number } = await newStudent();
        const email = `leerling${number}@student.test`;
        const results = await Promise.all(
          [{ name: "Nieuwe Naam" }, { cohort: "2025-2026" }, { email }].map((change) =>
            server.gql(UPDATE_STUDENT, { input: { id: studentId, ...change } }, fleur),
          ),
        );
        expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
        expect(results.map((r) => r.data?.updateStudent.errors)).toEqual([[], [], []]);
        const rows = (await server.gql(STUDENT_ROWS, { search: number }, fleur)).data?.adminStudents
          .edges;
        expect(rows).toEqual([
          {
            node: {
              id: studentId,
              studentNumber: number,
              name: "Nieuwe Naam",
              email,
              cohort: "2025-2026",
            },
          },
        ]);
      }
    });

    it("two students given the same studentnummer at once: one is refused, never two students with one number", async () => {
      for (let round = 0; round < 3; round++) {
        const studentNumber = `99900${round}`;
        const students = await Promise.all([newStudent(), newStudent()]);
        const results = await Promise.all(
          students.map(({ studentId }) =>
            server.gql(UPDATE_STUDENT, { input: { id: studentId, studentNumber } }, fleur),
          ),
        );
        expectOnlyDeliberate(results);
        const refused = results.filter((r) => r.data?.updateStudent.errors.length);
        expect(refused.map((r) => r.data?.updateStudent.errors)).toEqual([
          [{ field: "studentNumber", message: "is al in gebruik bij een andere student" }],
        ]);
        expect(await count("student WHERE student_number = $1", [studentNumber])).toBe(1);
      }
    });

    it("two students given the same e-mail address at once: one is refused, the other keeps it", async () => {
      for (let round = 0; round < 3; round++) {
        const email = `dubbel${round}@student.test`;
        const students = await Promise.all([newStudent(), newStudent()]);
        const results = await Promise.all(
          students.map(({ studentId }) =>
            server.gql(UPDATE_STUDENT, { input: { id: studentId, email } }, fleur),
          ),
        );
        expectOnlyDeliberate(results);
        const refused = results.filter((r) => r.errors || r.data?.updateStudent.errors.length);
        expect(refused).toHaveLength(1);
        expect(await db().manager.countBy(Person, { email })).toBe(1);
      }
    });
  });

  describe("the roster", () => {
    it("the same roster imported twice at once adds each student, placement, company and programme once", async () => {
      await addExampleBegeleiders(server);
      const results = await Promise.all(
        [0, 1].map(() => server.gql(IMPORT, { csv: ROSTER }, fleur)),
      );
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBeGreaterThan(0);
      for (const result of results.filter((r) => !r.errors)) {
        expect(result.data?.importRoster.errors).toEqual([]);
      }
      for (const number of ["500101", "500102", "500103", "500104", "500105"]) {
        expect(await count("student WHERE student_number = $1", [number]), number).toBe(1);
      }
      const placements = "placement p JOIN student s ON s.id = p.student_id";
      expect(await count(`${placements} WHERE s.student_number LIKE '5001%'`)).toBe(6);
      const companies = ["Codefabriek B.V.", "Zorggroep De Eik", "Bakkerij Van Dam"];
      expect(await count("company WHERE name IN ($1, $2, $3)", companies)).toBe(3);
      expect(
        await count("programme WHERE crebo IN ($1, $2, $3)", ["25604", "25480", "25255"]),
      ).toBe(3);
      expect(await count("person WHERE email LIKE '%voorbeeld.nl'")).toBe(8);
    });
  });

  describe("the roster without e-mail addresses", () => {
    it("a roster without e-mail addresses imported twice at once adds each student, company and praktijkopleider once", async () => {
      const csv = [
        "studentnummer;voornaam;achternaam;crebo;opleiding;niveau;cohort;leerbedrijf;plaats;praktijkopleider;bpv-begeleider;startdatum;einddatum;uren per week",
        "600001;Sem;de Wit;25998;Software developer;4;2025-2026;Drukkerij Vos;Gouda;Hans Vos;j.bakker@school.test;01-02-2026;03-07-2026;32",
        "600002;Fenna;Kramer;25998;Software developer;4;2025-2026;Drukkerij Vos;Gouda;Hans Vos;j.bakker@school.test;01-02-2026;03-07-2026;32",
        "600003;Jesse;Bos;25998;Software developer;4;2025-2026;Garage Bos;Delft;Piet Bos;j.bakker@school.test;02-03-2026;26-06-2026;24",
      ].join("\n");
      const results = await Promise.all([0, 1].map(() => server.gql(IMPORT, { csv }, fleur)));
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBeGreaterThan(0);
      for (const number of ["600001", "600002", "600003"]) {
        expect(await count("student WHERE student_number = $1", [number]), number).toBe(1);
      }
      const placements = "placement p JOIN student s ON s.id = p.student_id";
      expect(await count(`${placements} WHERE s.student_number LIKE '60000%'`)).toBe(3);
      expect(await count("company WHERE name IN ($1, $2)", ["Drukkerij Vos", "Garage Bos"])).toBe(
        2,
      );
      expect(await count("person WHERE name IN ($1, $2)", ["Hans Vos", "Piet Bos"])).toBe(2);
    });
  });

  describe("accounts and sessions", () => {
    it("one staff member logging in on six devices at once gets six working sessions", async () => {
      const { email } = school.staff.ahmed;
      const results = await Promise.all(
        Array.from({ length: 6 }, () => server.gql(LOGIN, { email, password: STAFF_PASSWORD })),
      );
      expect(outcomes(results)).toEqual(Array(6).fill("ok"));
      const me = await Promise.all(
        results.map((r) => server.gql(ME, {}, r.data?.login.accessToken)),
      );
      expect(outcomes(me)).toEqual(Array(6).fill("ok"));
    });

    it("staff logging in while other people's changes are refused keep their sessions", async () => {
      const taken = {
        name: "Joost Bakker",
        email: school.staff.joost.email,
        role: "bpv_begeleider",
      };
      const staff = [school.staff.marieke, school.staff.joost, school.staff.petra];
      for (let round = 0; round < 3; round++) {
        let isBusy = true;
        // An admin keeps trying to add an account that exists: each attempt is refused.
        const refusals = async () => {
          while (isBusy) {
            const refused = await server.gql(CREATE_ACCOUNT, { input: taken }, fleur);
            expect(refused.errors?.[0]?.extensions?.reason).toBe("email_taken");
          }
        };
        const busy = [refusals(), refusals(), refusals()];
        const logins = await Promise.all(
          staff.map(({ email }) => server.gql(LOGIN, { email, password: STAFF_PASSWORD })),
        );
        isBusy = false;
        await Promise.all(busy);
        expect(outcomes(logins)).toEqual(["ok", "ok", "ok"]);
        const me = await Promise.all(
          logins.map((r) => server.gql(ME, {}, r.data?.login.accessToken)),
        );
        expect(outcomes(me), `round ${round}`).toEqual(["ok", "ok", "ok"]);
      }
    });

    it("two admins creating an account for one e-mail address at once: one account, the other told it exists", async () => {
      for (let round = 0; round < 3; round++) {
        const email = `eva.gelijk${round}@school.test`;
        const input = { name: "Eva Jansen", email, role: "bpv_begeleider" };
        const results = await Promise.all(
          [0, 1].map(() => server.gql(CREATE_ACCOUNT, { input }, fleur)),
        );
        expectOnlyDeliberate(results);
        expect(results.map((r) => r.errors?.[0]?.extensions?.reason ?? "ok").sort()).toEqual([
          "email_taken",
          "ok",
        ]);
        expect(await db().manager.countBy(Person, { email })).toBe(1);
      }
    });

    it("the same set-password link used twice at once sets a password once", async () => {
      const input = {
        name: "Ruben Vos",
        email: "ruben.vos@school.test",
        role: "trajectbegeleider",
      };
      const created = await server.gql(CREATE_ACCOUNT, { input }, fleur);
      expect(created.errors).toBeUndefined();
      const [mail] = await db().query(
        sql("SELECT text_body FROM outbox_mail WHERE person_id = $1 AND kind = 'account_setup'"),
        [created.data?.createStaffAccount.id],
      );
      const token = /\/wachtwoord\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
      const results = await Promise.all(
        ["eerste-wachtwoord-1", "tweede-wachtwoord-2"].map((password) =>
          server.gql(SET_PASSWORD, { token, password }),
        ),
      );
      expectOnlyDeliberate(results);
      expect(succeeded(results)).toBe(1);
      const refusal = results.find((r) => r.errors)?.errors?.[0]?.extensions?.reason;
      expect(refusal).toBe("password_link_used");
    });

    it("a password reset asked for three times at once leaves one link that works", async () => {
      for (const { email, id } of [school.staff.marieke, school.staff.joost]) {
        const results = await Promise.all([0, 1, 2].map(() => server.gql(RESET, { email })));
        expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
        const open = "password_link WHERE person_id = $1 AND used_at IS NULL";
        expect(await count(open, [id]), email).toBe(1);
      }
    });
  });

  describe("werkprocessen", () => {
    it("the three participants marking one werkproces at the same moment leave one mark", async () => {
      const [w1, w2] = [randomUUID(), randomUUID()];
      await db().manager.insert(Werkproces, [
        { id: w1, programmeId: school.programmeId, code: "B1-K1-W1", title: "Bereidt voor" },
        { id: w2, programmeId: school.programmeId, code: "B1-K1-W2", title: "Voert uit" },
      ]);
      for (let round = 0; round < 3; round++) {
        const { id, tokens, conversation } = await planned();
        await step(id, tokens.bpv_begeleider, "startConversation");
        const results = await Promise.all([
          server.gql(MARK, { id, wp: w1, state: "kan_hier" }, tokens.student),
          server.gql(MARK, { id, wp: w1, state: "kan_hier" }, tokens.praktijkopleider),
          server.gql(MARK, { id, wp: w1, state: "nog_niet" }, tokens.bpv_begeleider),
          server.gql(MARK, { id, wp: w2, state: "kan_hier" }, tokens.student),
        ]);
        expect(outcomes(results)).toEqual(["ok", "ok", "ok", "ok"]);
        const marks = (await server.gql(WERKPROCESSEN, { id: conversation.placementId }, joost))
          .data?.placement.werkprocessen;
        const stateOf = (wp: string) =>
          marks.find((m: { werkproces: { id: string } }) => m.werkproces.id === wp)?.state;
        expect(["kan_hier", "nog_niet"]).toContain(stateOf(w1));
        expect(stateOf(w2)).toBe("kan_hier");
        const placementId = conversation.placementId;
        expect(await count("placement_werkproces WHERE placement_id = $1", [placementId])).toBe(2);
      }
    });
  });

  describe("documents", () => {
    it("a portfolio removed from one conversation while the same file is attached to the next stays downloadable there", async () => {
      const placementId = await newPlacement();
      const earlier = await planned(placementId);
      const next = await planned(placementId);
      for (let round = 0; round < 5; round++) {
        const file = {
          name: "portfolio.pdf",
          kind: "portfolio",
          bytes: Buffer.from(
            `%PDF-1.4\n% versie ${round}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`,
          ),
        };
        const first = await upload(server, earlier.id, file, earlier.tokens.student);
        expect(first.status).toBe(201);
        const [removed, attached] = await Promise.all([
          server.gql(
            REMOVE_DOCUMENT,
            { id: earlier.id, doc: first.body.document?.id },
            earlier.tokens.student,
          ),
          upload(server, next.id, file, next.tokens.student),
        ]);
        expect(outcomes([removed])).toEqual(["ok"]);
        expect(attached.status).toBe(201);
        const path = `/api/conversations/${next.id}/documents/${attached.body.document?.id}`;
        const response = await download(server, path, next.tokens.student);
        expect(response.status, `round ${round}`).toBe(200);
        expect(Buffer.from(await response.arrayBuffer())).toEqual(file.bytes);
      }
    });
  });

  describe("archiving", () => {
    it("a particular flagged while the begeleider ticks 'geen bijzonderheden' never leaves both", async () => {
      for (let round = 0; round < 4; round++) {
        const { id, tokens } = await ended();
        const results = await Promise.all([
          server.gql(FLAG, { id, text: "Zorgen over welzijn" }, tokens.student),
          server.gql(NO_PARTICULARS, { id }, tokens.bpv_begeleider),
        ]);
        expectOnlyDeliberate(results);
        expect(outcomes(results.slice(0, 1))).toEqual(["ok"]);
        const after = (await server.gql(ARCHIVE, { id }, fleur)).data?.conversation;
        expect(after.particulars).toHaveLength(1);
        expect(after.noParticularsAt, `round ${round}`).toBeNull();
      }
    });

    it("a particular marked handled by two staff at once is handled once, by one of them", async () => {
      const { id, tokens } = await ended();
      for (let round = 0; round < 2; round++) {
        const flagged = await server.gql(
          FLAG,
          { id, text: `Stage loopt gevaar (${round})` },
          tokens.student,
        );
        const particularId = flagged.data?.flagParticular.id;
        const results = await Promise.all(
          [petra, fleur].map((t) => server.gql(HANDLED, { id: particularId }, t)),
        );
        expectOnlyDeliberate(results);
        expect(await auditCount("particular.handled", particularId), `round ${round}`).toBe(1);
      }
    });

    it("the report marked as entered in the student system by two staff at once is entered once, by one of them", async () => {
      for (let round = 0; round < 2; round++) {
        const { id, tokens } = await ended();
        await step(id, tokens.bpv_begeleider, "recordPaperSignatures");
        const results = await Promise.all(
          [joost, fleur].map((t) => server.gql(ENTERED, { id }, t)),
        );
        expectOnlyDeliberate(results);
        const stored = (await server.gql(ARCHIVE, { id }, fleur)).data?.conversation;
        for (const result of results.filter((r) => !r.errors)) {
          expect(result.data?.markEnteredInStudentSystem.studentSystemEnteredBy).toEqual(
            stored.studentSystemEnteredBy,
          );
        }
        expect(await auditCount("conversation.entered_in_student_system", id)).toBe(1);
      }
    });
  });

  describe("the frequency rule", () => {
    const storedVerdict = async (placementId: string) =>
      verdictOf(await db().manager.findOneByOrFail(PlacementFrequency, { placementId }));
    const freshVerdict = async (placementId: string) => {
      const placement = await db().manager.findOneByOrFail(Placement, { id: placementId });
      return verdictOf(await judgePlacement(db().manager, placement, today()));
    };
    /** Puts a planned conversation on an earlier day (its invites stay valid). */
    const heldOn = (id: string, at: string) =>
      db().query(sql("UPDATE conversation SET scheduled_at = $1 WHERE id = $2"), [at, id]);

    it("two conversations of one student ended at the same moment are both counted as held", async () => {
      const placementId = await newPlacement();
      const conversations = [await inAfronden(placementId), await inAfronden(placementId)];
      await heldOn(conversations[0]?.id as string, "2026-01-12T09:00:00.000Z");
      const results = await Promise.all(
        conversations.map(({ id, tokens }) =>
          server.gql(STEP("endConversation"), { id }, tokens.bpv_begeleider),
        ),
      );
      expect(outcomes(results)).toEqual(["ok", "ok"]);
      const fresh = await freshVerdict(placementId);
      expect(fresh.held).toBe(2);
      const shown = (await server.gql(FREQUENCY, { id: placementId }, joost)).data?.placement;
      expect(shown.frequency).toEqual(fresh);
    });

    it("a conversation ended while the admin changes the placement's dates is counted as held", async () => {
      const placementId = await newPlacement();
      const { id } = await planned(placementId);
      await heldOn(id, "2026-01-12T09:00:00.000Z");
      const ending = db().createQueryRunner();
      const editing = db().createQueryRunner();
      try {
        // The begeleider ends the conversation: its status, then the verdict.
        await ending.startTransaction();
        await ending.query(
          "UPDATE conversation SET status = 'ended', conclusion = 'op_schema' WHERE id = $1",
          [id],
        );
        await refreshFrequency(ending.manager, placementId, today());
        // Meanwhile the admin moves the placement's end date: the placement, then the verdict.
        await editing.startTransaction();
        const edited = (async () => {
          await editing.query("UPDATE placement SET end_date = '2026-12-18' WHERE id = $1", [
            placementId,
          ]);
          await refreshFrequency(editing.manager, placementId, today());
        })().then(
          () => null,
          (error: Error) => error.message,
        );
        await new Promise((r) => setTimeout(r, 200));
        await ending.commitTransaction();
        expect(await edited).toBeNull();
        await editing.commitTransaction();
      } finally {
        for (const runner of [ending, editing]) {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
      }
      expect((await freshVerdict(placementId)).held).toBe(1);
      expect(await storedVerdict(placementId)).toEqual(await freshVerdict(placementId));
    });

    // Two transactions open side by side: PostgreSQL's case (SQLite's take turns).
    it.skipIf(kind !== "postgres")(
      "an agreement written while the admin changes the placement's end date carries the new end date",
      async () => {
        const placementId = await newPlacement();
        const { id } = await planned(placementId);
        const agreementId = randomUUID();
        const writing = db().createQueryRunner();
        const editing = db().createQueryRunner();
        try {
          // The live document's agreements are stored while the admin edits the placement.
          await writing.startTransaction();
          const at = server.services.now().toISOString();
          await writing.query(
            `INSERT INTO agreement (id, conversation_id, position, text, measure, first_step, status, created_at, updated_at)
             VALUES ($1, $2, 0, 'Portfolio bijwerken', '', '', 'open', $3, $3)`,
            [agreementId, id, at],
          );
          await editing.startTransaction();
          const edited = editing
            .query("UPDATE placement SET end_date = '2026-10-30' WHERE id = $1", [placementId])
            .then(
              () => null,
              (error: Error) => error.message,
            );
          await new Promise((r) => setTimeout(r, 200));
          await writing.commitTransaction();
          expect(await edited).toBeNull();
          await editing.commitTransaction();
        } finally {
          for (const runner of [writing, editing]) {
            if (runner.isTransactionActive) await runner.rollbackTransaction();
            await runner.release();
          }
        }
        const [row] = await db().query(
          "SELECT a.placement_end_date AS kept, p.end_date AS actual FROM agreement a JOIN placement p ON p.id = a.placement_id WHERE a.id = $1",
          [agreementId],
        );
        expect(row).toEqual({ kept: "2026-10-30", actual: "2026-10-30" });
      },
    );

    it.skipIf(kind !== "postgres")(
      "a live document's agreements projected while the admin changes the end date wait for the placement first, and carry the new date",
      async () => {
        const placementId = await newPlacement();
        const { id } = await planned(placementId);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, conversationSeed([]));
        const first = addAgreement(doc, { id: randomUUID(), text: "Portfolio bijwerken" });
        const { fingerprint } = await projectConversation(server.services, id, doc, null);
        // A change to the first agreement's row and a new agreement: the projection updates one
        // and inserts the other in one transaction.
        first.set("owner", "student");
        addAgreement(doc, { id: randomUUID(), text: "Verslag inleveren" });
        const editing = db().createQueryRunner();
        try {
          await editing.startTransaction();
          // The admin's change holds the placement and, through its trigger, the first agreement.
          await editing.query("UPDATE placement SET end_date = '2026-10-30' WHERE id = $1", [
            placementId,
          ]);
          const projected = projectConversation(server.services, id, doc, fingerprint);
          let waiting: string | undefined;
          for (let i = 0; i < 100 && !waiting; i++) {
            await new Promise((r) => setTimeout(r, 20));
            const rows: { query: string }[] = await db().query(
              "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            );
            waiting = rows[0]?.query;
          }
          // It waits for the placement before it holds any agreement the admin's change waits for.
          expect(waiting).toMatch(/FROM placement[\s\S]*FOR SHARE/);
          await editing.commitTransaction();
          await projected;
        } finally {
          if (editing.isTransactionActive) await editing.rollbackTransaction();
          await editing.release();
        }
        const rows: { text: string; owner: string | null; kept: string }[] = await db().query(
          "SELECT text, owner, placement_end_date AS kept FROM agreement WHERE conversation_id = $1 ORDER BY position",
          [id],
        );
        expect(rows).toEqual([
          { text: "Portfolio bijwerken", owner: "student", kept: "2026-10-30" },
          { text: "Verslag inleveren", owner: null, kept: "2026-10-30" },
        ]);
      },
    );
  });
});
