import { isSchoolDay } from "@driehoek/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { AuditEntry } from "../../src/modules/audit/audit-entry.entity.js";
import { refreshFrequency } from "../../src/modules/placement/frequency-state.js";
import { testDatabases } from "../support/database.js";
import {
  buildSchool,
  bytewerkPlacement,
  insertStudent,
  loginAs,
  type TestSchool,
} from "../support/factories.js";
import { codeOf, startTestServer, type TestServer } from "../support/server.js";

/*
 * The frequency rule by leerwerkperiode over the real server, on 9 March 2026: the overdue
 * report and the proposed date follow the school calendar, a placement that ended more than a
 * school year ago is history, and saving a calendar with four leerwerkperiodes judges every
 * placement again.
 */

const CALENDAR = `query($year: Int!) { schoolCalendar(schoolYear: $year) {
  schoolYear label start end isDefault periods { start end } holidays { name start end } } }`;
const SAVE = `mutation($input: SchoolCalendarInput!) { saveSchoolCalendar(input: $input) {
  schoolYear isDefault periods { start end } } }`;
const OVERDUE = `{ overdueConversations { edges { node { studentName
  frequency { periodStart periodEnd required held missed nextDueDate proposedDate } } } } }`;
const FREQUENCY = `query($id: ID!) { placement(id: $id) { frequency {
  isCurrent isOverdue missed nextDueDate proposedDate } } }`;

const FOUR = [
  { start: "2025-08-01", end: "2025-10-31" },
  { start: "2025-11-01", end: "2026-01-31" },
  { start: "2026-02-01", end: "2026-04-15" },
  { start: "2026-04-16", end: "2026-07-31" },
];

describe.each(testDatabases())("the school calendar and the frequency rule on %s", (kind) => {
  let server: TestServer;
  let school: TestSchool;
  let admin: string;
  let begeleider: string;
  let bol: string;
  let old: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await buildSchool(server.services);
    const manager = server.services.dataSource.manager;
    const today = "2026-03-09";
    const add = async (name: string, number: string, startDate: string, endDate: string) => {
      const { placementId } = await insertStudent(manager, server.services.now(), today, {
        name,
        number,
        ...bytewerkPlacement(school),
        placement: { startDate, endDate, pokStartDate: startDate, pokEndDate: endDate },
      });
      await refreshFrequency(manager, placementId, today);
      return placementId;
    };
    // A BOL placement of ten months without a conversation: its August–January window is missed.
    bol = await add("Bram Smit", "200001", "2025-09-01", "2026-06-30");
    // A placement that ended more than a school year ago, also without one: history only.
    old = await add("Iris Kok", "200002", "2024-09-01", "2025-01-29");
    admin = await loginAs(server, school.staff.fleur);
    begeleider = await loginAs(server, school.staff.joost);
  });
  afterAll(() => server?.close());

  const overdueOf = async (name: string) =>
    (
      ((await server.gql(OVERDUE, {}, begeleider)).data?.overdueConversations.edges.map(
        (e: { node: unknown }) => e.node,
      ) ?? []) as {
        studentName: string;
        frequency: Record<string, unknown>;
      }[]
    ).find((r) => r.studentName === name)?.frequency;

  it("lists a missed leerwerkperiode as overdue and proposes a school day in the next one", async () => {
    const bram = await overdueOf("Bram Smit");
    expect(bram).toMatchObject({
      periodStart: "2026-02-01",
      periodEnd: "2026-06-30",
      required: 2,
      held: 0,
      missed: 1,
      nextDueDate: "2026-06-30",
    });
    const proposed = bram?.proposedDate as string;
    // About two thirds into February–June, on a school day.
    expect(proposed >= "2026-05-01" && proposed <= "2026-05-31").toBe(true);
    expect(isSchoolDay(proposed)).toBe(true);
  });

  it("leaves a placement that ended more than a school year ago out of the overdue list", async () => {
    expect(await overdueOf("Iris Kok")).toBeUndefined();
    const iris = await server.gql(FREQUENCY, { id: old }, admin);
    expect(iris.data?.placement.frequency).toEqual({
      isCurrent: false,
      isOverdue: false,
      missed: 1,
      nextDueDate: null,
      proposedDate: null,
    });
  });

  it("shows the default calendar to staff until the admin stores one", async () => {
    const shown = await server.gql(CALENDAR, { year: 2025 }, begeleider);
    expect(shown.data?.schoolCalendar).toMatchObject({
      schoolYear: 2025,
      label: "2025-2026",
      start: "2025-08-01",
      end: "2026-07-31",
      isDefault: true,
      periods: [
        { start: "2025-08-01", end: "2026-01-31" },
        { start: "2026-02-01", end: "2026-07-31" },
      ],
    });
    expect(codeOf(await server.gql(CALENDAR, { year: 2025 }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a calendar from anyone but the admin, and an invalid one with every problem, changing nothing", async () => {
    const input = { schoolYear: 2025, periods: FOUR, holidays: [] };
    expect(codeOf(await server.gql(SAVE, { input }, begeleider))).toBe("FORBIDDEN");
    const gap = {
      ...input,
      periods: [FOUR[0], { start: "2025-11-02", end: "2026-07-31" }],
      holidays: [{ name: "", start: "2026-02-14", end: "2026-02-22" }],
    };
    const refused = await server.gql(SAVE, { input: gap }, admin);
    expect(codeOf(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toMatch(/Leerwerkperiode 2 begint niet de dag na/);
    expect(refused.errors?.[0]?.extensions?.problems).toEqual([
      { code: "periodsNotContiguous", index: 1 },
      { code: "holidayName", index: 0 },
    ]);
    const shown = await server.gql(CALENDAR, { year: 2025 }, admin);
    expect(shown.data?.schoolCalendar.isDefault).toBe(true);
  });

  it("judges every placement again when the admin saves four leerwerkperiodes", async () => {
    const saved = await server.gql(
      SAVE,
      {
        input: {
          schoolYear: 2025,
          periods: FOUR,
          holidays: [{ name: " Voorjaarsvakantie ", start: "2026-02-14", end: "2026-02-22" }],
        },
      },
      admin,
    );
    expect(saved.errors?.[0]?.message).toBeUndefined();
    expect(saved.data?.saveSchoolCalendar).toEqual({
      schoolYear: 2025,
      isDefault: false,
      periods: FOUR,
    });
    const shown = await server.gql(CALENDAR, { year: 2025 }, begeleider);
    expect(shown.data?.schoolCalendar.holidays).toEqual([
      { name: "Voorjaarsvakantie", start: "2026-02-14", end: "2026-02-22" },
    ]);
    // Bram now owes one in each of four windows: September–October and November–January are
    // missed, and the next is due by 15 April.
    const bram = await overdueOf("Bram Smit");
    expect(bram).toMatchObject({
      periodStart: "2026-02-01",
      periodEnd: "2026-04-15",
      required: 4,
      missed: 2,
      nextDueDate: "2026-04-15",
    });
    const proposed = bram?.proposedDate as string;
    expect(proposed >= "2026-03-09" && proposed <= "2026-04-15").toBe(true);
    const audit = await server.services.dataSource.manager.findBy(AuditEntry, {
      action: "school_calendar.edited",
    });
    expect(audit.map((a) => [a.actorId, a.subjectId])).toEqual([[school.staff.fleur.id, "2025"]]);
    const direct = await server.gql(FREQUENCY, { id: bol }, begeleider);
    expect(direct.data?.placement.frequency).toMatchObject({ missed: 2, proposedDate: proposed });
  });
});

describe.each(testDatabases())("the demo school's standings on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
    expect(await seedDemo(server.services)).toBe(true);
  });
  afterAll(() => server?.close());

  it("shows one placement on track, one overdue, one short stage and one in the history only", async () => {
    const rows: { name: string; isOverdue: unknown; isCurrent: unknown; missed: unknown }[] =
      await server.services.dataSource
        .createQueryBuilder()
        .select("person.name", "name")
        .addSelect("f.is_overdue", "isOverdue")
        .addSelect("f.is_current", "isCurrent")
        .addSelect("f.missed", "missed")
        .from("placement_frequency", "f")
        .innerJoin("placement", "p", "p.id = f.placement_id")
        .innerJoin("student", "s", "s.id = p.student_id")
        .innerJoin("person", "person", "person.id = s.person_id")
        .orderBy("person.name")
        .getRawMany();
    expect(
      rows.map((r) => [r.name, Boolean(r.isOverdue), Boolean(r.isCurrent), Number(r.missed) > 0]),
    ).toEqual([
      ["Daan Visser", true, true, true],
      ["Lotte de Boer", false, true, false],
      ["Sanne Jansen", false, true, false],
      ["Youssef Benali", false, false, true],
    ]);
  });
});
