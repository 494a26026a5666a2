import { addDays, addMonths, ageOn, defaultSchoolCalendar, type Role } from "@driehoek/domain";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  everyRow,
  loadReferenceData,
  type ReferenceData,
  referenceReports,
  reportContext,
  serverReports,
} from "../../bench/reports-reference.js";
import { type SeededSchool, seededRandom, seedSchool } from "../../bench/reports-seed.js";
import { SchoolCalendarRow } from "../../src/modules/calendar/school-calendar.entity.js";
import { refreshAllFrequency } from "../../src/modules/placement/frequency-state.js";
import { Placement } from "../../src/modules/placement/placement.entity.js";
import { judgePokState, pokStateReady } from "../../src/modules/placement/pok-state.js";
import { overdueAgreements } from "../../src/modules/report/overdue-agreements.report.js";
import { ageOnSql } from "../../src/modules/report/report.sql.js";
import { openTestDatabase, testDatabases } from "../support/database.js";

/*
 * The reports run in SQL over stored columns; the rules live in the domain package. These tests
 * hold the two together: the SQL that narrows POK rows against the domain's age rule on
 * thousands of awkward cases, and every report against an in-memory implementation built from
 * the domain functions, on a seeded school full of boundary dates (conversations in the first
 * and last moment of a Dutch day among them), for several callers and days. Each new day makes
 * the server judge every placement's frequency again, so the overdue report checks the stored
 * state against the domain's judgement day after day.
 */

/** Dates the rules turn on, and plain ones around them. */
function caseDates(random: () => number): string[] {
  const fixed = [
    "2024-02-28",
    "2024-02-29",
    "2024-03-01",
    "2025-02-28",
    "2025-03-01",
    "2028-02-29",
    "2023-12-31",
    "2024-01-01",
  ];
  for (let year = 2022; year <= 2028; year++) {
    fixed.push(`${year}-07-30`, `${year}-07-31`, `${year}-08-01`, `${year}-08-02`, `${year}-08-31`);
  }
  const randomDates = Array.from({ length: 60 }, () =>
    addDays("2021-01-01", Math.floor(random() * 365 * 8)),
  );
  return [...fixed, ...randomDates];
}

describe.each(testDatabases())("report SQL agrees with the domain on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());

  /** Evaluates `expressions` over rows of string columns in a scratch table. */
  async function evaluate(
    columns: string[],
    rows: string[][],
    expressions: Record<string, string>,
  ): Promise<Record<string, unknown>[]> {
    const dataSource = await opened.dataSource();
    const isPostgres = dataSource.options.type === "postgres";
    await dataSource.query("DROP TABLE IF EXISTS report_case");
    await dataSource.query(
      `CREATE TABLE report_case (n INTEGER, ${columns.map((c) => `${c} VARCHAR(10)`).join(", ")})`,
    );
    const width = columns.length + 1;
    const perStatement = Math.floor(30000 / width);
    for (let from = 0; from < rows.length; from += perStatement) {
      const params: unknown[] = [];
      const values = rows.slice(from, from + perStatement).map((row, i) => {
        const marks = [from + i, ...row].map((value) => {
          params.push(value);
          return isPostgres ? `$${params.length}` : "?";
        });
        return `(${marks.join(", ")})`;
      });
      await dataSource.query(
        `INSERT INTO report_case (n, ${columns.join(", ")}) VALUES ${values.join(", ")}`,
        params,
      );
    }
    const selects = Object.entries(expressions).map(([alias, sql]) => `, ${sql} AS ${alias}`);
    return dataSource.query(`SELECT n${selects.join("")} FROM report_case ORDER BY n`);
  }

  it("age on a date, 29 February included", async () => {
    const random = seededRandom(18);
    const dates = caseDates(random);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const cases: string[][] = [];
    for (let i = 0; i < 3000; i++) {
      const on = pick(dates);
      const birth = pick([
        addMonths(on, -18 * 12),
        addDays(addMonths(on, -18 * 12), -1),
        addDays(addMonths(on, -18 * 12), 1),
        "2004-02-29",
        "2008-02-29",
        "2006-03-01",
        "2006-02-28",
        addDays(on, -Math.floor(random() * 9000)),
      ]);
      cases.push([birth, on]);
    }
    const rows = await evaluate(["birth", "on_date"], cases, {
      age: ageOnSql("birth", "on_date"),
    });
    const mismatches = cases.flatMap(([birth, on], i) => {
      const sql = Number(rows[i]?.age);
      const domain = ageOn(birth as string, on as string);
      return sql === domain ? [] : [{ birth, on, sql, domain }];
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  describe("every report, against the domain functions over a seeded school", () => {
    let dataSource: DataSource;
    let school: SeededSchool;
    let data: ReferenceData;

    beforeAll(async () => {
      dataSource = await opened.dataSource();
      school = await seedSchool(dataSource, {
        placements: 500,
        conversations: 2500,
        today: "2026-03-09",
        seed: 11,
        edgeCases: true,
      });
      data = await loadReferenceData(dataSource);
    });

    const callers = (): { label: string; personId: string; role: Role }[] => [
      { label: "admin", personId: school.admin.id, role: "admin" },
      ...school.begeleiders
        .slice(0, 2)
        .map((b) => ({ label: b.name, personId: b.id, role: "bpv_begeleider" as Role })),
      ...school.trajectbegeleiders
        .slice(0, 2)
        .map((t) => ({ label: t.name, personId: t.id, role: "trajectbegeleider" as Role })),
    ];

    const DAYS = [
      "2026-03-09",
      "2026-03-10",
      "2025-08-01",
      "2025-07-31",
      "2024-02-29",
      "2026-08-31",
      "2023-12-31",
    ];

    // Each day twice: before the POKs' kept state is judged for it (the report judges every
    // placement itself) and after (the report reads the kept state).
    it.each(DAYS)("on %s, for an admin, begeleiders and trajectbegeleiders", async (today) => {
      for (const keptState of [false, true]) {
        if (keptState) await judgePokState(dataSource, today);
        expect(await pokStateReady(dataSource, today)).toBe(keptState);
        for (const caller of callers()) {
          for (const withinDays of [30, 0]) {
            for (const includeEnded of [false, true]) {
              const server = await serverReports(
                reportContext(dataSource, caller, today),
                withinDays,
                includeEnded,
              );
              const reference = referenceReports(data, caller, today, withinDays, includeEnded);
              expect({
                caller: caller.label,
                keptState,
                withinDays,
                includeEnded,
                ...server,
              }).toEqual({
                caller: caller.label,
                keptState,
                withinDays,
                includeEnded,
                ...reference,
              });
            }
          }
        }
      }
    });

    it("with stored calendars (four leerwerkperiodes, the school's own holidays) the reports still agree", async () => {
      const four = (year: number) => {
        const base = defaultSchoolCalendar(year);
        const [y, n] = [year, year + 1];
        return {
          schoolYear: year,
          periods: [
            { start: `${y}-08-01`, end: `${y}-10-31` },
            { start: `${y}-11-01`, end: `${n}-01-31` },
            { start: `${n}-02-01`, end: `${n}-04-15` },
            { start: `${n}-04-16`, end: `${n}-07-31` },
          ],
          holidays: [
            ...base.holidays,
            { name: "Studiedagen", start: `${n}-03-02`, end: `${n}-03-13` },
          ],
        };
      };
      const stored = [four(2024), four(2025)];
      await dataSource.manager.save(
        SchoolCalendarRow,
        stored.map((c) => ({
          schoolYear: c.schoolYear,
          periods: JSON.stringify(c.periods),
          holidays: JSON.stringify(c.holidays),
          updatedAt: new Date(),
        })),
      );
      try {
        const withCalendars = await loadReferenceData(dataSource);
        expect(withCalendars.calendars).toHaveLength(2);
        const admin = { label: "admin", personId: school.admin.id, role: "admin" as Role };
        for (const today of ["2026-03-09", "2025-08-01", "2026-04-16"]) {
          await refreshAllFrequency(dataSource, today);
          for (const caller of [admin, ...callers().slice(1, 2)]) {
            const server = await serverReports(reportContext(dataSource, caller, today), 30, false);
            const reference = referenceReports(withCalendars, caller, today);
            expect({ caller: caller.label, today, ...server }).toEqual({
              caller: caller.label,
              today,
              ...reference,
            });
          }
        }
        // The calendar matters: without it the overdue list of that day differs.
        const admin2 = { personId: school.admin.id, role: "admin" as Role };
        expect(
          referenceReports(withCalendars, admin2, "2026-03-09").overdueConversations,
        ).not.toEqual(referenceReports(data, admin2, "2026-03-09").overdueConversations);
      } finally {
        await dataSource.manager.clear(SchoolCalendarRow);
        await refreshAllFrequency(dataSource, "2026-03-09");
      }
    });

    it("a placement's end date moved: its overdue agreements come and go with it at once", async () => {
      const today = "2026-03-09";
      const admin = { personId: school.admin.id, role: "admin" as Role };
      const ctx = reportContext(dataSource, admin, today);
      const shownIds = async () =>
        (await everyRow((page) => overdueAgreements(ctx, page))).map((row) => row.agreement.id);
      const before = referenceReports(data, admin, today);
      const history = referenceReports(data, admin, today, 30, true).overdueAgreements;
      const placementOfAgreement = (line: string) => {
        const agreement = data.agreements.find((a) => a.id === line.split("|")[0]);
        return data.conversations.find((c) => c.id === agreement?.conversation_id)
          ?.placement_id as string;
      };
      // One placement that ended, with overdue agreements, runs on; one that runs ends yesterday.
      const ended = placementOfAgreement(
        history.find((line) => !before.overdueAgreements.includes(line)) as string,
      );
      const running = placementOfAgreement(before.overdueAgreements[0] as string);
      const endOf = (id: string) => data.placements.find((p) => p.id === id)?.end_date as string;
      const original = { [ended]: endOf(ended), [running]: endOf(running) };
      const repository = dataSource.getRepository(Placement);
      try {
        await repository.update(ended, { endDate: addDays(today, 60) });
        await repository.update(running, { endDate: addDays(today, -1) });
        const moved = referenceReports(await loadReferenceData(dataSource), admin, today);
        expect(moved.overdueAgreements).not.toEqual(before.overdueAgreements);
        expect(await shownIds()).toEqual(moved.overdueAgreements.map((l) => l.split("|")[0]));
        const shown = new Set((await shownIds()).map((id) => placementOfAgreement(`${id}|`)));
        expect([shown.has(ended), shown.has(running)]).toEqual([true, false]);
      } finally {
        for (const [id, endDate] of Object.entries(original))
          await repository.update(id, { endDate });
      }
      expect(await shownIds()).toEqual(before.overdueAgreements.map((l) => l.split("|")[0]));
    });

    it("the seeded school is varied enough to mean something", () => {
      const reference = referenceReports(
        data,
        { personId: school.admin.id, role: "admin" },
        "2026-03-09",
      );
      expect(reference.overdueConversations.length).toBeGreaterThan(20);
      expect(reference.pokIssues.length).toBeGreaterThan(20);
      expect(reference.conclusionsOverTime.length).toBeGreaterThan(200);
      expect(reference.overdueAgreements.length).toBeGreaterThan(20);
      // Placements not overdue exist too, and so do valid POKs.
      expect(reference.overdueConversations.length).toBeLessThan(data.placements.length);
      expect(reference.pokIssues.length).toBeLessThan(data.placements.length);
      // Ended placements have POK issues and overdue agreements that only the history lists,
      // and on some of the days compared above, placements ending that day and the day before
      // are among the rows: the boundary is exercised.
      const admin = { personId: school.admin.id, role: "admin" as Role };
      const endOf = new Map(data.placements.map((p) => [p.id as string, p.end_date as string]));
      const placementOf = new Map(data.conversations.map((c) => [c.id, c.placement_id]));
      const endOfRow = {
        pokIssues: (id: string) => endOf.get(id) as string,
        overdueAgreements: (id: string) => {
          const a = data.agreements.find((a) => a.id === id);
          return endOf.get(placementOf.get(a?.conversation_id as string) as string) as string;
        },
      };
      for (const report of ["pokIssues", "overdueAgreements"] as const) {
        const boundary = { endsToday: false, endedYesterday: false };
        for (const today of DAYS) {
          const shown = referenceReports(data, admin, today)[report];
          const all = referenceReports(data, admin, today, 30, true)[report];
          const ends = (lines: string[]) =>
            lines.map((line) => endOfRow[report](line.split("|")[0] as string));
          expect(
            ends(shown).every((end) => end >= today),
            `${report} on ${today}`,
          ).toBe(true);
          if (today === "2026-03-09") expect(all.length, report).toBeGreaterThan(shown.length);
          boundary.endsToday ||= ends(shown).includes(today);
          boundary.endedYesterday ||= ends(all).includes(addDays(today, -1));
        }
        expect(boundary, report).toEqual({ endsToday: true, endedYesterday: true });
      }
    });
  });
});
