import { addDays, type Role } from "@driehoek/domain";
import type { DataSource, Logger } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  everyRow,
  loadReferenceData,
  type ReferenceData,
  reportContext,
} from "../../bench/reports-reference.js";
import { type SeededSchool, seedSchool } from "../../bench/reports-seed.js";
import type { RequestContext } from "../../src/context.js";
import type { Page, PageArgs } from "../../src/graphql/pagination.js";
import { refreshAllFrequency } from "../../src/modules/placement/frequency-state.js";
import { judgePokState } from "../../src/modules/placement/pok-state.js";
import {
  conclusionDistribution,
  conclusionsOverTime,
} from "../../src/modules/report/conclusions.report.js";
import { notEnteredConversations } from "../../src/modules/report/not-entered-conversations.report.js";
import { overdueAgreements } from "../../src/modules/report/overdue-agreements.report.js";
import { overdueConversations } from "../../src/modules/report/overdue-conversations.report.js";
import { pokIssues } from "../../src/modules/report/pok-issues.report.js";
import { ConclusionGrouping } from "../../src/modules/report/report.types.js";
import type { ReportFilterArgs } from "../../src/modules/report/report-page.js";
import { staffDirectory } from "../../src/modules/report/staff-directory.report.js";
import { openTestDatabase, testDatabases } from "../support/database.js";

/*
 * The reports a page at a time, over a seeded school: walking the pages through their cursors
 * gives every row once and in order; each filter keeps exactly the rows whose placement (and
 * date) match it, checked against the stored rows; and a page costs the same number of SQL
 * queries whatever its size, counted on the data source itself.
 */

const TODAY = "2026-03-09";
/** A school large enough for several pages of every report. */
const SCHOOL = { placements: 400, conversations: 2400, today: TODAY, seed: 23 };

/** What a row is about: a placement, and the date the range filter reads (if any). */
interface Unit {
  placement: string;
  /** A day or ISO moment the range applies to; undefined: the placement's period. */
  date?: string;
}

/** A report as the tests drive it: a page, a row's key, and what each row is about. */
interface PagedReport {
  page: (ctx: RequestContext, page: PageArgs, filters: ReportFilterArgs) => Promise<Page<unknown>>;
  key: (row: never) => string;
  units: (row: never, data: ReferenceData) => Promise<Unit[]> | Unit[];
}

const conversationOf = (data: ReferenceData, id: string) =>
  data.conversations.find((c) => c.id === id) as Record<string, string>;

const agreementKey = (r: { agreement: { id: string } }) => r.agreement.id;
const agreementUnits = (
  r: { agreement: { conversationId: string; dueDate: string } },
  data: ReferenceData,
): Unit[] => [
  {
    placement: conversationOf(data, r.agreement.conversationId).placement_id as string,
    date: r.agreement.dueDate,
  },
];

const pokKey = (r: { placement: { id: string } }) => r.placement.id;
const pokUnits = (r: { placement: { id: string }; pokEndDate: string }) => [
  { placement: r.placement.id, date: r.pokEndDate },
];

/**
 * Runs `read` as the first minutes of a day, before the POKs' kept state is judged for it: the
 * POK issues then judge every placement themselves.
 */
async function beforeJudged<T>(ctx: RequestContext, read: () => Promise<T>): Promise<T> {
  const { dataSource } = ctx.services;
  await dataSource.query("UPDATE pok_state_day SET ready = 0");
  try {
    return await read();
  } finally {
    await dataSource.query("UPDATE pok_state_day SET ready = 1");
  }
}

const REPORTS: Record<string, PagedReport> = {
  overdueConversations: {
    page: overdueConversations,
    key: (r: { placement: { id: string } }) => r.placement.id,
    units: (r: { placement: { id: string } }) => [{ placement: r.placement.id }],
  },
  pokIssues: {
    page: (ctx, page, filters) => pokIssues(ctx, page, filters, 60, true),
    key: pokKey,
    units: pokUnits,
  },
  "pokIssues of running placements": {
    page: (ctx, page, filters) => pokIssues(ctx, page, filters, 30, false),
    key: pokKey,
    units: pokUnits,
  },
  "pokIssues before the day's POK state is judged": {
    page: (ctx, page, filters) => beforeJudged(ctx, () => pokIssues(ctx, page, filters, 60, true)),
    key: pokKey,
    units: pokUnits,
  },
  conclusionsOverTime: {
    page: conclusionsOverTime,
    key: (r: { studentId: string }) => r.studentId,
    units: async (r: { points(): Promise<{ conversationId: string }[]> }, data) =>
      (await r.points()).map((point) => {
        const c = conversationOf(data, point.conversationId);
        return { placement: c.placement_id as string, date: c.scheduled_at as string };
      }),
  },
  overdueAgreements: {
    page: (ctx, page, filters) => overdueAgreements(ctx, page, filters, true),
    key: agreementKey,
    units: agreementUnits,
  },
  "overdueAgreements of running placements": {
    page: (ctx, page, filters) => overdueAgreements(ctx, page, filters, false),
    key: agreementKey,
    units: agreementUnits,
  },
  notEnteredConversations: {
    page: notEnteredConversations,
    key: (r: { conversationId: string }) => r.conversationId,
    units: (r: { conversationId: string; placementId: string }, data) => [
      {
        placement: r.placementId,
        date: conversationOf(data, r.conversationId).scheduled_at as string,
      },
    ],
  },
  staffDirectory: {
    page: staffDirectory,
    key: (r: { id: string }) => r.id,
    units: (r: { id: string }) => [{ placement: r.id }],
  },
};

/** Reads every per-row field a page's rows have (as GraphQL would: all at once). */
async function readFields(rows: unknown[]): Promise<void> {
  await Promise.all(
    rows.map((row) => {
      const r = row as { points?: () => Promise<unknown>; conversations?: () => Promise<unknown> };
      return r.points?.() ?? r.conversations?.();
    }),
  );
}

describe.each(testDatabases())("report pages on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());
  let dataSource: DataSource;
  let school: SeededSchool;
  let data: ReferenceData;

  beforeAll(async () => {
    dataSource = await opened.dataSource();
    school = await seedSchool(dataSource, SCHOOL);
    await refreshAllFrequency(dataSource, TODAY);
    await judgePokState(dataSource, TODAY);
    data = await loadReferenceData(dataSource);
  }, 120_000);

  const admin = () =>
    reportContext(dataSource, { personId: school.admin.id, role: "admin" }, TODAY);
  const begeleider = () => {
    const busiest = [...school.begeleiders].sort((a, b) => b.placements - a.placements)[0];
    return reportContext(
      dataSource,
      { personId: busiest?.id as string, role: "bpv_begeleider" as Role },
      TODAY,
    );
  };

  /** Whether a row about `unit` passes `filters`, read from the stored rows. */
  function passes(unit: Unit, filters: ReportFilterArgs): boolean {
    const p = data.placements.find((row) => row.id === unit.placement) as Record<string, string>;
    const st = data.students.get(p.student_id as string) as Record<string, string>;
    const name = (data.names.get(st.person_id as string) ?? "").toLowerCase();
    if (filters.programme && data.crebos.get(st.programme_id as string) !== filters.programme)
      return false;
    if (filters.cohort && st.cohort !== filters.cohort) return false;
    if (filters.begeleiderId && p.begeleider_id !== filters.begeleiderId) return false;
    if (filters.studentId && st.id !== filters.studentId) return false;
    if (filters.placementIds && !filters.placementIds.includes(unit.placement)) return false;
    if (filters.student && !name.includes(filters.student.toLowerCase())) return false;
    if (filters.from && filters.to) {
      if (unit.date === undefined) {
        return (p.end_date as string) >= filters.from && (p.start_date as string) <= filters.to;
      }
      return unit.date >= filters.from && unit.date < addDays(filters.to, 1);
    }
    return true;
  }

  /** The most frequent value among the placements. */
  function mostCommon(of: (p: Record<string, string>) => string): string {
    const counts = new Map<string, number>();
    for (const p of data.placements) counts.set(of(p), (counts.get(of(p)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
  }
  const studentOf = (p: Record<string, string>) =>
    data.students.get(p.student_id as string) as Record<string, string>;

  for (const [name, report] of Object.entries(REPORTS)) {
    it(`${name}: the pages through their cursors hold every row once, in order`, async () => {
      for (const ctx of [admin(), begeleider()]) {
        const whole = await everyRow((page) => report.page(ctx, page, {}));
        const walked = await everyRow((page) => report.page(ctx, page, {}), 7);
        const keys = walked.map((row) => report.key(row as never));
        expect(keys).toEqual(whole.map((row) => report.key(row as never)));
        expect(new Set(keys).size).toBe(keys.length);
        if (ctx.viewer?.role === "admin") expect(keys.length, name).toBeGreaterThan(7);
        const first = await report.page(ctx, { first: 7 }, {});
        expect(first.totalCount).toBe(walked.length);
        expect(first.edges.length).toBe(Math.min(7, walked.length));
      }
    });

    it(`${name}: each filter keeps exactly the matching rows`, async () => {
      const ctx = admin();
      const all = await everyRow((page) => report.page(ctx, page, {}));
      const unitsOf = new Map<string, Unit[]>();
      for (const row of all)
        unitsOf.set(report.key(row as never), await report.units(row as never, data));
      const someStudent = studentOf(data.placements[0] as Record<string, string>);
      const word = (data.names.get(someStudent.person_id as string) ?? "").split(" ")[1] ?? "";
      const filters: ReportFilterArgs[] = [
        { programme: data.crebos.get(mostCommon((p) => studentOf(p).programme_id as string)) },
        { cohort: mostCommon((p) => studentOf(p).cohort as string) },
        { begeleiderId: mostCommon((p) => p.begeleider_id as string) },
        { studentId: someStudent.id as string },
        { student: word },
        { placementIds: data.placements.slice(0, 120).map((p) => p.id as string) },
        { from: addDays(TODAY, -120), to: addDays(TODAY, 30) },
        {
          cohort: mostCommon((p) => studentOf(p).cohort as string),
          from: addDays(TODAY, -400),
          to: TODAY,
        },
      ];
      let narrowed = 0;
      for (const filter of filters) {
        const rows = await everyRow((page) => report.page(ctx, page, filter), 50);
        const expected = all.filter((row) =>
          (unitsOf.get(report.key(row as never)) ?? []).some((unit) => passes(unit, filter)),
        );
        expect(
          rows.map((row) => report.key(row as never)),
          `${name} ${JSON.stringify(filter)}`,
        ).toEqual(expected.map((row) => report.key(row as never)));
        if (rows.length < all.length) narrowed++;
        if (name === "conclusionsOverTime") {
          // The chart's points are narrowed too: each one passes the filter.
          for (const row of rows) {
            for (const unit of await report.units(row as never, data)) {
              expect(passes(unit, filter), JSON.stringify(filter)).toBe(true);
            }
          }
        }
      }
      expect(narrowed).toBe(filters.length);
    });

    it(`${name}: a page of 50 costs the same number of queries as a page of 5`, async () => {
      /** Queries to read one page of `first` rows (after `after`) and its rows' fields. */
      const counted = async (first: number, filters: ReportFilterArgs = {}, after?: string) => {
        const ctx = admin();
        // Judging the frequency state is done once a day, not per page: out of the count.
        await report.page(ctx, { first: 1 }, filters);
        const logger = dataSource.logger;
        let queries = 0;
        const counting: Logger = {
          logQuery: () => {
            queries++;
          },
          logQueryError: () => {},
          logQuerySlow: () => {},
          logSchemaBuild: () => {},
          logMigration: () => {},
          log: () => {},
        };
        Object.assign(dataSource, { logger: counting });
        try {
          const page = await report.page(ctx, { first, after }, filters);
          await readFields(page.edges.map((edge) => edge.node));
          expect(page.edges.length).toBe(
            after ? Math.min(first, page.edges.length) : Math.min(first, page.totalCount),
          );
        } finally {
          Object.assign(dataSource, { logger });
        }
        return queries;
      };
      const five = await counted(5);
      expect(five).toBeGreaterThan(0);
      expect(await counted(50)).toBe(five);
      const deep = (await report.page(admin(), { first: 5 }, {})).pageInfo.endCursor;
      expect(await counted(50, {}, deep as string)).toBe(five);
      const cohort = { cohort: mostCommon((p) => studentOf(p).cohort as string) };
      expect(await counted(50, cohort)).toBe(await counted(5, cohort));
    });
  }

  it("the distribution is counted in the database, narrowed by the same filters", async () => {
    const ctx = admin();
    const whole = await conclusionDistribution(ctx, ConclusionGrouping.cohort);
    const cohort = whole[0]?.group as string;
    expect(await conclusionDistribution(ctx, ConclusionGrouping.cohort, { cohort })).toEqual([
      whole[0],
    ]);
    const byBegeleider = await conclusionDistribution(ctx, ConclusionGrouping.begeleider, {
      cohort,
    });
    const sum = (rows: typeof whole) =>
      rows.reduce((n, r) => n + r.voor + r.opSchema + r.achter, 0);
    expect(sum(byBegeleider)).toBe(sum([whole[0] as (typeof whole)[number]]));
  });

  it("refuses a cursor of another report or a made-up one", async () => {
    const ctx = admin();
    const page = await staffDirectory(ctx, { first: 2 }, {});
    const cursor = page.pageInfo.endCursor as string;
    await expect(pokIssues(ctx, { first: 2, after: cursor }, {})).rejects.toThrow(/cursor/);
    await expect(staffDirectory(ctx, { first: 2, after: "bm9wZQ" }, {})).rejects.toThrow(/cursor/);
  });
});
