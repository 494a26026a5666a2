import {
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  frequencyStatus,
  type Role,
  schoolYearOf,
} from "@driehoek/domain";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadReferenceData,
  type ReferenceData,
  referenceReports,
  reportContext,
  serverReports,
} from "../../bench/reports-reference.js";
import { type SeededSchool, seededRandom, seedSchool } from "../../bench/reports-seed.js";
import {
  ageOnSql,
  dialectOf,
  firstDuePassedSql,
  frequencyFiguresSql,
  judgedPeriodSql,
  overdueGivenFirstDuePassedSql,
  requiredSql,
} from "../../src/modules/report/report.sql.js";
import { openTestDatabase, testDatabases } from "../support/database.js";

/*
 * The reports run in SQL; the rules live in the domain package. These tests hold the two
 * together: the SQL fragments against the domain functions on thousands of awkward cases, and
 * every report against an in-memory implementation built from the domain functions, on a
 * seeded school full of boundary dates, for several callers and days.
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

interface FrequencyCase {
  start: string;
  end: string;
  today: string;
}

function frequencyCases(count: number): FrequencyCase[] {
  const random = seededRandom(2026);
  const dates = caseDates(random);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const cases: FrequencyCase[] = [];
  while (cases.length < count) {
    if (random() < 0.25) {
      // A long placement overlapping a school year by about half (366 / 2 = 183 in leap years).
      const year = 2021 + Math.floor(random() * 8);
      const overlap = pick([181, 182, 183, 184]) - 1;
      const length = 400 + Math.floor(random() * 500);
      const [start, end] =
        random() < 0.5
          ? [addDays(`${year + 1}-07-31`, -overlap), addDays(`${year + 1}-07-31`, length - overlap)]
          : [addDays(`${year}-08-01`, overlap - length), addDays(`${year}-08-01`, overlap)];
      const from = start < `${year}-08-01` ? `${year}-08-01` : start;
      const until = end > `${year + 1}-07-31` ? `${year + 1}-07-31` : end;
      const today = addDays(from, Math.floor(random() * (daysBetween(from, until) + 1)));
      cases.push({ start, end, today });
      continue;
    }
    const start = pick(dates);
    const anniversaryEve = addDays(addMonths(start, 12), -1);
    const end = pick([
      start,
      addDays(start, 1),
      addDays(start, 181),
      addDays(start, 182),
      addDays(start, 183),
      addDays(anniversaryEve, -1),
      anniversaryEve,
      addDays(anniversaryEve, 1),
      addDays(start, 365),
      addDays(start, 366),
      addDays(start, Math.floor(random() * 1200)),
      pick(dates),
    ]);
    if (end < start) continue;
    const today = pick([
      addDays(start, -1),
      start,
      addDays(start, 1),
      end,
      addDays(end, 1),
      addDays(start, Math.floor(random() * (daysBetween(start, end) + 1))),
      addDays(start, Math.floor(daysBetween(start, end) / 2)),
      addDays(start, Math.floor(daysBetween(start, end) / 2) + 1),
      pick(dates),
    ]);
    cases.push({ start, end, today });
  }
  return cases;
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

  it("the judged period, required conversations, first due date and overdue verdict", async () => {
    const dataSource = await opened.dataSource();
    const d = dialectOf(dataSource);
    const cases = frequencyCases(4000);
    // The SQL judges placements that have started; one that has not is never overdue.
    for (const c of cases.filter((c) => c.start > c.today)) {
      for (const held of [0, 1, 2]) {
        const status = frequencyStatus({
          placementStart: c.start,
          placementEnd: c.end,
          heldDates: Array.from({ length: held }, () => c.start),
          today: c.today,
        });
        expect(status.isOverdue, JSON.stringify(c)).toBe(false);
      }
    }
    const started = cases.filter((c) => c.start <= c.today);
    await evaluate(
      ["start_date", "end_date", "today", "year_start", "year_end"],
      started.map((c) => {
        const year = schoolYearOf(c.today);
        return [c.start, c.end, c.today, year.start, year.end];
      }),
      {},
    );
    // Nested as in the report query: required and the verdicts read the period's columns.
    const period = judgedPeriodSql(d, {
      start: "start_date",
      end: "end_date",
      today: "today",
      yearStart: "year_start",
      yearEnd: "year_end",
    });
    const periods = `SELECT n, today, CASE WHEN ${period.shorter} THEN 1 ELSE 0 END AS shorter,
      ${period.periodStart} AS period_start, ${period.periodEnd} AS period_end FROM report_case`;
    const required = requiredSql(d, "k.shorter = 1", "k.period_start", "k.period_end");
    const passed = firstDuePassedSql(d, "j.required", "j.period_start", "j.period_end", "j.today");
    const verdicts = [0, 1, 2].flatMap((held) => {
      const figures = frequencyFiguresSql(d, {
        required: "j.required",
        periodStart: "j.period_start",
        periodEnd: "j.period_end",
        held: String(held),
        today: "j.today",
      });
      return [
        `CASE WHEN ${passed} AND ${overdueGivenFirstDuePassedSql(String(held), "j.required", "j.period_end", "j.today")} THEN 1 ELSE 0 END AS overdue_${held}`,
        `${figures.missed} AS missed_${held}`,
        `${figures.nextDueDate} AS next_due_${held}`,
        `${figures.firstDueDate} AS first_due_${held}`,
      ];
    });
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT j.*, CASE WHEN ${passed} THEN 1 ELSE 0 END AS passed, ${verdicts.join(", ")}
       FROM (SELECT k.*, ${required} AS required FROM (${periods}) k) j ORDER BY j.n`,
    );
    expect(rows).toHaveLength(started.length);
    expect(started.length).toBeGreaterThan(2500);
    const mismatches: unknown[] = [];
    started.forEach((c, i) => {
      const row = rows[i] as Record<string, unknown>;
      const status = frequencyStatus({
        placementStart: c.start,
        placementEnd: c.end,
        heldDates: [],
        today: c.today,
      });
      const withHeld = [0, 1, 2].map((held) =>
        frequencyStatus({
          placementStart: c.start,
          placementEnd: c.end,
          heldDates: Array.from({ length: held }, () => status.periodStart),
          today: c.today,
        }),
      );
      const sql = {
        periodStart: row.period_start,
        periodEnd: row.period_end,
        required: Number(row.required),
        firstDuePassed: Number(row.passed) === 1,
        overdue: [0, 1, 2].map((held) => Number(row[`overdue_${held}`]) === 1),
        figures: [0, 1, 2].map((held) => ({
          firstDue: row[`first_due_${held}`],
          missed: Number(row[`missed_${held}`]),
          nextDue: row[`next_due_${held}`] ?? null,
        })),
      };
      const domain = {
        periodStart: status.periodStart,
        periodEnd: status.periodEnd,
        required: status.required,
        firstDuePassed: (status.dueDates[0] as string) < c.today,
        overdue: withHeld.map((s) => s.isOverdue),
        figures: withHeld.map((s) => ({
          firstDue: s.dueDates[0],
          missed: s.missed,
          nextDue: s.nextDueDate,
        })),
      };
      if (JSON.stringify(sql) !== JSON.stringify(domain)) mismatches.push({ case: c, sql, domain });
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

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

    it.each(DAYS)("on %s, for an admin, begeleiders and trajectbegeleiders", async (today) => {
      for (const caller of callers()) {
        for (const withinDays of [30, 0]) {
          for (const includeEnded of [false, true]) {
            const server = await serverReports(
              reportContext(dataSource, caller, today),
              withinDays,
              includeEnded,
            );
            const reference = referenceReports(data, caller, today, withinDays, includeEnded);
            expect({ caller: caller.label, withinDays, includeEnded, ...server }).toEqual({
              caller: caller.label,
              withinDays,
              includeEnded,
              ...reference,
            });
          }
        }
      }
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
