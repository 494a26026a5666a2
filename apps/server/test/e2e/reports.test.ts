import { randomUUID } from "node:crypto";
import { addDays, toIsoDate } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agreement } from "../../src/modules/agreement/agreement.entity.js";
import { Conversation } from "../../src/modules/conversation/conversation.entity.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { testDatabases } from "../support/database.js";
import { buildSchool, loginAs, type TestSchool } from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

const OVERDUE =
  "{ overdueConversations { studentName frequency { required held missed isOverdue } } }";
const POK = "{ pokIssues(withinDays: 30) { studentName isValid problems expiresSoon } }";
const POINTS = "{ conclusionsOverTime { studentName date conclusion score } }";
const SPREAD = `query($by: ConclusionGrouping!) { conclusionDistribution(groupBy: $by) { group voor opSchema achter } }`;
const LATE = "{ overdueAgreements { studentName daysOverdue agreement { text } } }";

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
    today = toIsoDate(server.services.now());
    const manager = server.services.dataSource.manager;
    // Sanne's and Daan's placements ran for two years and ended ten days ago: their last school
    // year needed two conversations. Daan had both, Sanne none.
    for (const student of ["sanne", "daan"] as const) {
      await manager.update(
        Placement,
        { id: school.students[student].placementId },
        { startDate: addDays(today, -700), endDate: addDays(today, -10) },
      );
    }
    await held(
      school.students.daan.placementId,
      addDays(today, -200),
      "achter",
      addDays(today, -30),
    );
    await held(
      school.students.daan.placementId,
      addDays(today, -60),
      "op_schema",
      addDays(today, 30),
    );
  });
  afterAll(() => server?.close());

  const as = async (who: keyof TestSchool["staff"], query: string, variables = {}) =>
    server.gql(query, variables, await loginAs(server, school.staff[who]));

  it("overdue conversations: exactly the placements behind the frequency rule, per caller", async () => {
    const marieke = await as("marieke", OVERDUE);
    expect(marieke.data?.overdueConversations).toEqual([
      {
        studentName: "Sanne Visser",
        frequency: { required: 2, held: 0, missed: 2, isOverdue: true },
      },
    ]);
    expect((await as("joost", OVERDUE)).data?.overdueConversations).toEqual([]);
    expect(
      (await as("fleur", OVERDUE)).data?.overdueConversations.map(
        (r: { studentName: string }) => r.studentName,
      ),
    ).toEqual(["Sanne Visser"]);
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
      { studentName: "Daan Mulder", date: addDays(today, -60), conclusion: "op_schema", score: 0 },
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

  it("overdue agreements: open and past their date", async () => {
    expect((await as("joost", LATE)).data?.overdueAgreements).toEqual([
      {
        studentName: "Daan Mulder",
        daysOverdue: 30,
        agreement: { text: `Afspraak van ${addDays(today, -200)}` },
      },
    ]);
    expect((await as("marieke", LATE)).data?.overdueAgreements).toEqual([]);
  });

  it("are for staff only", async () => {
    expect(codeOf(await server.gql(OVERDUE, {}))).toBe("UNAUTHENTICATED");
  });
});
