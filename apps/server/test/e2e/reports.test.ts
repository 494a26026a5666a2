import { randomUUID } from "node:crypto";
import { addDays, type ConversationStatus, schoolToday } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { refreshFrequency } from "../../src/modules/placement/frequency-state.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  bytewerkPlacement,
  insertStudent,
  joinAs,
  loginAs,
  type TestSchool,
} from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const OVERDUE =
  "{ overdueConversations { edges { node { studentName frequency { required held missed isOverdue } } } } }";
const POK =
  "{ pokIssues(withinDays: 30) { edges { node { studentName isValid problems expiresSoon } } } }";
const POK_ALL =
  "{ pokIssues(withinDays: 30, includeEnded: true) { edges { node { studentName isValid problems expiresSoon } } } }";
const POINTS =
  "{ conclusionsOverTime { edges { node { points { studentName date conclusion score } } } } }";
const SPREAD = `query($by: ConclusionGrouping!) { conclusionDistribution(groupBy: $by) { group voor opSchema achter } }`;
const DIRECTORY = "{ staffDirectory { edges { node { id } } } }";
const LATE =
  "{ overdueAgreements { edges { node { studentName daysOverdue agreement { text } } } } }";
const LATE_ALL =
  "{ overdueAgreements(includeEnded: true) { edges { node { studentName daysOverdue agreement { text } } } } }";

/**
 * The rows of each report in a result: a page's nodes (all rows here: the first page holds them),
 * and of the chart the points of its students in page order.
 */
function nodesOf<T extends { data?: Record<string, unknown> | null }>(result: T): T {
  for (const [field, value] of Object.entries(result.data ?? {})) {
    const page = value as { edges?: { node: { points?: unknown[] } }[] } | null;
    if (!page?.edges || !result.data) continue;
    const nodes = page.edges.map((edge) => edge.node);
    result.data[field] =
      field === "conclusionsOverTime" ? nodes.flatMap((node) => node.points) : nodes;
  }
  return result;
}

describe.each(testDatabases())("reports on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let today: string;

  /** A conversation held (ended) on `date` with a conclusion and, optionally, an agreement due on `due`. */
  async function held(placementId: string, date: string, conclusion: string, due?: string) {
    const manager = server.services.dataSource.manager;
    const id = randomUUID();
    const at = new Date(`${date}T10:00:00.000Z`);
    await manager.insert(Conversation, {
      id,
      placementId,
      scheduledAt: at,
      mode: "in_person",
      status: "ended",
      phase: "afronden",
      section: "archivering",
      startedAt: at,
      endedAt: at,
      conclusion,
      version: 5,
      createdById: school.staff.joost.id,
      createdAt: at,
    });
    // Written past the server's services, so judged here as they would judge it.
    await refreshFrequency(manager, placementId, today);
    if (due) {
      await manager.insert(Agreement, {
        id: randomUUID(),
        conversationId: id,
        position: 0,
        text: `Afspraak van ${date}`,
        owner: "student",
        dueDate: due,
        measure: "m",
        firstStep: "f",
        status: "open",
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    today = schoolToday(server.services.now());
    const manager = server.services.dataSource.manager;
    // Sanne's and Daan's placements ran from 1 August (220 days ago) and ended ten days ago:
    // shorter than a school year, they needed one conversation in each leerwerkperiode they
    // overlap (August–January, and 1–27 February). Daan had both, Sanne none.
    for (const student of ["sanne", "daan"] as const) {
      await manager.update(
        Placement,
        { id: school.students[student].placementId },
        { startDate: addDays(today, -220), endDate: addDays(today, -10) },
      );
      await refreshFrequency(manager, school.students[student].placementId, today);
    }
    await held(
      school.students.daan.placementId,
      addDays(today, -200),
      "achter",
      addDays(today, -30),
    );
    await held(
      school.students.daan.placementId,
      addDays(today, -20),
      "op_schema",
      addDays(today, 30),
    );
  });
  afterAll(() => server?.close());

  const tokens = new Map<string, Promise<string>>();
  const as = async (who: keyof TestSchool["staff"], query: string, variables = {}) => {
    if (!tokens.has(who)) tokens.set(who, loginAs(server, school.staff[who]));
    return nodesOf(await server.gql(query, variables, await tokens.get(who)));
  };

  it("overdue conversations: exactly the placements behind the frequency rule, per caller", async () => {
    // Lotte's placement started 60 days ago, on 8 January: its first window (8–31 January, 17
    // school days) ended without a conversation.
    const marieke = await as("marieke", OVERDUE);
    expect(marieke.data?.overdueConversations).toEqual([
      {
        studentName: "Sanne Visser",
        frequency: { required: 2, held: 0, missed: 2, isOverdue: true },
      },
      {
        studentName: "Lotte de Boer",
        frequency: { required: 3, held: 0, missed: 1, isOverdue: true },
      },
    ]);
    expect((await as("joost", OVERDUE)).data?.overdueConversations).toEqual([]);
    expect(
      (await as("fleur", OVERDUE)).data?.overdueConversations.map(
        (r: { studentName: string }) => r.studentName,
      ),
    ).toEqual(["Sanne Visser", "Lotte de Boer"]);
  });

  it("POK issues: invalid POKs of the caller's placements only", async () => {
    const marieke = await as("marieke", POK);
    expect(marieke.data?.pokIssues).toEqual([
      {
        studentName: "Lotte de Boer",
        isValid: false,
        problems: ["missing_company_signature"],
        expiresSoon: false,
      },
    ]);
    expect((await as("joost", POK)).data?.pokIssues).toEqual([]);
  });

  it("conclusions over time and their distribution, hidden from those who may not see them", async () => {
    const joost = await as("joost", POINTS);
    expect(joost.data?.conclusionsOverTime).toEqual([
      { studentName: "Daan Mulder", date: addDays(today, -200), conclusion: "achter", score: -1 },
      { studentName: "Daan Mulder", date: addDays(today, -20), conclusion: "op_schema", score: 0 },
    ]);
    expect((await as("marieke", POINTS)).data?.conclusionsOverTime).toEqual([]);
    const spread = await as("fleur", SPREAD, { by: "begeleider" });
    expect(spread.data?.conclusionDistribution).toEqual([
      { group: "Joost Bakker", voor: 0, opSchema: 1, achter: 1 },
    ]);
    const byCohort = await as("ahmed", SPREAD, { by: "cohort" });
    expect(byCohort.data?.conclusionDistribution).toEqual([
      { group: "2024-2025", voor: 0, opSchema: 1, achter: 1 },
    ]);
  });

  it("overdue agreements: open and past their date, of placements that have not ended", async () => {
    // Daan's placement ended ten days ago: his overdue agreement is history, listed on request.
    expect((await as("joost", LATE)).data?.overdueAgreements).toEqual([]);
    expect((await as("joost", LATE_ALL)).data?.overdueAgreements).toEqual([
      {
        studentName: "Daan Mulder",
        daysOverdue: 30,
        agreement: { text: `Afspraak van ${addDays(today, -200)}` },
      },
    ]);
    expect((await as("marieke", LATE)).data?.overdueAgreements).toEqual([]);
    expect((await as("marieke", LATE_ALL)).data?.overdueAgreements).toEqual([]);
  });

  it("are for staff only", async () => {
    expect(codeOf(await server.gql(OVERDUE, {}))).toBe("UNAUTHENTICATED");
    const student = await joinAs(server, school.conversations.sanne.invites.student);
    for (const query of [OVERDUE, POK, POK_ALL, POINTS, LATE, LATE_ALL, DIRECTORY]) {
      expect(codeOf(await server.gql(query, {}, student))).toBe("FORBIDDEN");
    }
  });

  it("the staff directory holds exactly the caller's placements, as the placements query shows them", async () => {
    const fields = `id companyName student { id name } enrolment { id cohort }
      programme { id crebo name } begeleider { id name } conversations { id scheduledAt status }`;
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const names: Record<string, string[]> = {};
    for (const who of ["marieke", "joost", "ahmed", "petra", "fleur"] as const) {
      const directory = await as(who, `{ staffDirectory { edges { node { ${fields} } } } }`);
      const placements = await as(who, `{ placements { ${fields} } }`);
      expect(directory.errors, who).toBeUndefined();
      const listed = directory.data?.staffDirectory as { id: string; student: { name: string } }[];
      expect(byId(listed), who).toEqual(byId(placements.data?.placements));
      names[who] = listed.map((p) => p.student.name);
    }
    const ours = (who: string) => names[who]?.filter((n) => /Sanne|Daan|Lotte/.test(n)).sort();
    expect(ours("marieke")).toEqual(["Lotte de Boer", "Sanne Visser"]);
    expect(ours("joost")).toEqual(["Daan Mulder"]);
    expect(ours("ahmed")).toEqual(["Daan Mulder", "Sanne Visser"]);
    expect(ours("petra")).toEqual(["Lotte de Boer"]);
    expect(ours("fleur")).toEqual(["Daan Mulder", "Lotte de Boer", "Sanne Visser"]);
  });

  it("every report shows each caller exactly the rows of the placements they may see", async () => {
    // Sanne: begeleider Marieke, trajectbegeleider Ahmed. Daan: Joost and Ahmed. Lotte: Marieke
    // and Petra. Fleur is the admin.
    const names = async (who: keyof TestSchool["staff"], query: string, field: string) =>
      (
        ((await as(who, query)).data?.[field.replace(/\(.*/, "")] ?? []) as {
          studentName: string;
        }[]
      ).map((r) => r.studentName);
    const expected: Record<string, Record<keyof TestSchool["staff"], string[]>> = {
      overdueConversations: {
        marieke: ["Sanne Visser", "Lotte de Boer"],
        joost: [],
        ahmed: ["Sanne Visser"],
        petra: ["Lotte de Boer"],
        fleur: ["Sanne Visser", "Lotte de Boer"],
      },
      pokIssues: {
        marieke: ["Lotte de Boer"],
        joost: [],
        ahmed: [],
        petra: ["Lotte de Boer"],
        fleur: ["Lotte de Boer"],
      },
      // Sanne's and Daan's POKs are valid and far from their end: the history adds nothing.
      "pokIssues(includeEnded)": {
        marieke: ["Lotte de Boer"],
        joost: [],
        ahmed: [],
        petra: ["Lotte de Boer"],
        fleur: ["Lotte de Boer"],
      },
      conclusionsOverTime: {
        marieke: [],
        joost: ["Daan Mulder", "Daan Mulder"],
        ahmed: ["Daan Mulder", "Daan Mulder"],
        petra: [],
        fleur: ["Daan Mulder", "Daan Mulder"],
      },
      // Daan's placement has ended: his overdue agreement is in the history only.
      overdueAgreements: {
        marieke: [],
        joost: [],
        ahmed: [],
        petra: [],
        fleur: [],
      },
      "overdueAgreements(includeEnded)": {
        marieke: [],
        joost: ["Daan Mulder"],
        ahmed: ["Daan Mulder"],
        petra: [],
        fleur: ["Daan Mulder"],
      },
    };
    const queries: Record<string, string> = {
      overdueConversations: OVERDUE,
      pokIssues: POK,
      "pokIssues(includeEnded)": POK_ALL,
      conclusionsOverTime: POINTS,
      overdueAgreements: LATE,
      "overdueAgreements(includeEnded)": LATE_ALL,
    };
    for (const [report, perCaller] of Object.entries(expected)) {
      for (const [who, rows] of Object.entries(perCaller)) {
        expect(
          await names(who as keyof TestSchool["staff"], queries[report] as string, report),
          `${report} for ${who}`,
        ).toEqual(rows);
      }
    }
    const spread = async (who: keyof TestSchool["staff"], by: string) =>
      (await as(who, SPREAD, { by })).data?.conclusionDistribution;
    for (const by of ["programme", "cohort", "begeleider"]) {
      expect(await spread("marieke", by), `${by} for marieke`).toEqual([]);
      expect(await spread("petra", by), `${by} for petra`).toEqual([]);
      const daan = { voor: 0, opSchema: 1, achter: 1 };
      const group = { programme: "25998", cohort: "2024-2025", begeleider: "Joost Bakker" }[by];
      for (const who of ["joost", "ahmed", "fleur"] as const) {
        expect(await spread(who, by), `${by} for ${who}`).toEqual([{ group, ...daan }]);
      }
    }
  });

  it("rows carry whole placements and agreements, as the other queries give them", async () => {
    const overdue = await as(
      "fleur",
      `{ overdueConversations { edges { node { studentName placement { id startDate endDate hoursPerWeek
          student { name } enrolment { cohort } programme { crebo } companyName begeleider { name }
          pok { number status endDate companySignedAt } pokValid }
        frequency { periodStart periodEnd required held missed isOverdue nextDueDate proposedDate isCurrent } } } } }`,
    );
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data?.overdueConversations.slice(0, 1)).toEqual([
      {
        studentName: "Sanne Visser",
        placement: {
          id: school.students.sanne.placementId,
          startDate: addDays(today, -220),
          endDate: addDays(today, -10),
          hoursPerWeek: 32,
          student: { name: "Sanne Visser" },
          enrolment: { cohort: "2024-2025" },
          programme: { crebo: "25998" },
          companyName: "Bytewerk B.V.",
          begeleider: { name: "Marieke de Vries" },
          pok: {
            number: "POK-100001",
            status: "active",
            endDate: addDays(today, 300),
            companySignedAt: addDays(today, -70),
          },
          pokValid: true,
        },
        frequency: {
          // Both windows have ended: the last one is shown, and nothing is due any more.
          periodStart: "2026-02-01",
          periodEnd: addDays(today, -10),
          required: 2,
          held: 0,
          missed: 2,
          isOverdue: true,
          nextDueDate: null,
          proposedDate: null,
          isCurrent: true,
        },
      },
    ]);
    const late = await as(
      "joost",
      "{ overdueAgreements(includeEnded: true) { edges { node { daysOverdue agreement { id conversationId position text owner dueDate measure firstStep status reviewedInId } } } } }",
    );
    expect(late.errors).toBeUndefined();
    const [row] = late.data?.overdueAgreements ?? [];
    expect(row).toMatchObject({
      daysOverdue: 30,
      agreement: {
        position: 0,
        owner: "student",
        dueDate: addDays(today, -30),
        measure: "m",
        firstStep: "f",
        status: "open",
        reviewedInId: null,
      },
    });
    const stored = await server.services.dataSource.manager.findOneByOrFail(Agreement, {
      id: row.agreement.id,
    });
    expect(row.agreement.conversationId).toBe(stored.conversationId);
  });

  it("count only conversations held within the judged period, to the last moment of its last day; list a placement that ended yesterday only in the history", async () => {
    const manager = server.services.dataSource.manager;
    // Noor's placement ran 400 days and ended yesterday: two conversations a school year, one in
    // each half of the part it covers (four windows: two halves of February–July 2025, then
    // August–January and February–yesterday). One was held late on the last day, one in the
    // last millisecond (Dutch time) of 31 July 2025, and one is still live (its conclusion drawn,
    // but not held): two windows are covered, two missed.
    const end = addDays(today, -1);
    const start = addDays(today, -400);
    const { placementId } = await insertStudent(manager, server.services.now(), today, {
      name: "Noor Bakker",
      number: "100004",
      ...bytewerkPlacement(school),
      student: { cohort: "2023-2024", birthDate: addDays(addDays(start, 1), -18 * 365 - 4) },
      placement: {
        startDate: start,
        endDate: end,
        hoursPerWeek: 24,
        pokNumber: "POK-100004",
        pokStartDate: start,
        pokEndDate: end,
        pokHours: 1000,
        pokStudentSignedAt: start,
        pokSchoolSignedAt: start,
        pokCompanySignedAt: start,
      },
    });
    const conversation = async (at: string, status: ConversationStatus, conclusion: string) => {
      const id = randomUUID();
      await manager.insert(Conversation, {
        id,
        placementId,
        scheduledAt: new Date(at),
        mode: "online",
        status,
        phase: "afronden",
        section: "conclusie",
        conclusion,
        version: 3,
        createdById: school.staff.joost.id,
        createdAt: new Date(at),
      });
      await refreshFrequency(manager, placementId, today);
      return id;
    };
    // 22:30 or 23:30 Dutch time, by the season.
    const last = await conversation(`${end}T21:30:00.000Z`, "signed", "voor");
    // An agreement of her last conversation, due five days ago and never reviewed.
    await manager.insert(Agreement, {
      id: randomUUID(),
      conversationId: last,
      position: 0,
      text: "Noor's open agreement",
      owner: "student",
      dueDate: addDays(today, -5),
      measure: "m",
      firstStep: "f",
      status: "open",
      createdAt: server.services.now(),
      updatedAt: server.services.now(),
    });
    // The last millisecond of 31 July in the Netherlands (summer time, UTC+2).
    await conversation("2025-07-31T21:59:59.999Z", "ended", "achter");
    await conversation("2025-10-01T09:00:00.000Z", "live", "op_schema");

    const noor = <T extends { studentName: string }>(rows: T[]) =>
      rows.filter((r) => r.studentName === "Noor Bakker");
    const overdue = await as(
      "joost",
      "{ overdueConversations { edges { node { studentName frequency { periodStart periodEnd required held missed nextDueDate } } } } }",
    );
    expect(noor(overdue.data?.overdueConversations)).toEqual([
      {
        studentName: "Noor Bakker",
        frequency: {
          periodStart: "2026-02-01",
          periodEnd: end,
          required: 4,
          held: 2,
          missed: 2,
          nextDueDate: null,
        },
      },
    ]);
    const points = await as("petra", POINTS);
    expect(noor(points.data?.conclusionsOverTime)).toEqual([
      { studentName: "Noor Bakker", date: "2025-07-31", conclusion: "achter", score: -1 },
      { studentName: "Noor Bakker", date: end, conclusion: "voor", score: 1 },
    ]);
    // Her placement ended yesterday: by default neither her expired POK nor her open agreement
    // is listed (Lotte's POK still is); with includeEnded both are.
    const noorPok = {
      studentName: "Noor Bakker",
      isValid: false,
      problems: ["missing_parent_signature", "expired"],
      expiresSoon: false,
    };
    const lottePok = {
      studentName: "Lotte de Boer",
      isValid: false,
      problems: ["missing_company_signature"],
      expiresSoon: false,
    };
    expect((await as("petra", POK)).data?.pokIssues).toEqual([lottePok]);
    // Invalid ones by POK end date: Noor's (yesterday) before Lotte's (in 300 days).
    expect((await as("petra", POK_ALL)).data?.pokIssues).toEqual([noorPok, lottePok]);
    expect((await as("joost", POK)).data?.pokIssues).toEqual([]);
    expect((await as("joost", POK_ALL)).data?.pokIssues).toEqual([noorPok]);
    expect((await as("joost", LATE)).data?.overdueAgreements).toEqual([]);
    expect((await as("joost", LATE_ALL)).data?.overdueAgreements).toEqual([
      {
        studentName: "Daan Mulder",
        daysOverdue: 30,
        agreement: { text: `Afspraak van ${addDays(today, -200)}` },
      },
      { studentName: "Noor Bakker", daysOverdue: 5, agreement: { text: "Noor's open agreement" } },
    ]);
    expect((await as("petra", LATE)).data?.overdueAgreements).toEqual([]);
    expect((await as("petra", LATE_ALL)).data?.overdueAgreements).toEqual([
      { studentName: "Noor Bakker", daysOverdue: 5, agreement: { text: "Noor's open agreement" } },
    ]);
    // Most missed first, then by name: Noor and Sanne (2 each) before Lotte (1) for the admin.
    expect(
      (await as("fleur", OVERDUE)).data?.overdueConversations.map(
        (r: { studentName: string }) => r.studentName,
      ),
    ).toEqual(["Noor Bakker", "Sanne Visser", "Lotte de Boer"]);
  });

  it("list a placement ending today: it has not ended", async () => {
    const manager = server.services.dataSource.manager;
    // Emma's placement (and POK) ends today: her POK is valid and expires within 30 days, and
    // an agreement of hers was due yesterday. Both are listed, with or without includeEnded.
    const start = addDays(today, -200);
    const { placementId } = await insertStudent(manager, server.services.now(), today, {
      name: "Emma Smit",
      number: "100005",
      ...bytewerkPlacement(school),
      student: { cohort: "2024-2025", birthDate: addDays(today, -20 * 365) },
      placement: {
        startDate: start,
        endDate: today,
        hoursPerWeek: 24,
        pokNumber: "POK-100005",
        pokStartDate: start,
        pokEndDate: today,
        pokHours: 600,
        pokStudentSignedAt: start,
        pokSchoolSignedAt: start,
        pokCompanySignedAt: start,
      },
    });
    await held(placementId, addDays(today, -50), "op_schema", addDays(today, -1));

    const emmaPok = {
      studentName: "Emma Smit",
      isValid: true,
      problems: [],
      expiresSoon: true,
    };
    const noorPok = {
      studentName: "Noor Bakker",
      isValid: false,
      problems: ["missing_parent_signature", "expired"],
      expiresSoon: false,
    };
    expect((await as("joost", POK)).data?.pokIssues).toEqual([emmaPok]);
    expect((await as("joost", POK_ALL)).data?.pokIssues).toEqual([noorPok, emmaPok]);
    const emmaLate = {
      studentName: "Emma Smit",
      daysOverdue: 1,
      agreement: { text: `Afspraak van ${addDays(today, -50)}` },
    };
    expect((await as("joost", LATE)).data?.overdueAgreements).toEqual([emmaLate]);
    expect((await as("joost", LATE_ALL)).data?.overdueAgreements).toEqual([
      {
        studentName: "Daan Mulder",
        daysOverdue: 30,
        agreement: { text: `Afspraak van ${addDays(today, -200)}` },
      },
      { studentName: "Noor Bakker", daysOverdue: 5, agreement: { text: "Noor's open agreement" } },
      emmaLate,
    ]);
    // The admin sees the same by default: Lotte's invalid POK, then Emma's expiring one.
    expect(
      (await as("fleur", POK)).data?.pokIssues.map((r: { studentName: string }) => r.studentName),
    ).toEqual(["Lotte de Boer", "Emma Smit"]);
    expect((await as("fleur", LATE)).data?.overdueAgreements).toEqual([emmaLate]);
  });
});
