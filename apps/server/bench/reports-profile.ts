/**
 * Times each query of one page of each report against a kept bench database, and prints their
 * query plans (profiling aid for bench:reports).
 *
 *   npx tsx bench/reports-profile.ts --data-dir /tmp/driehoek-bench-reports-XXXX [--database-url …]
 *     [--caller admin|begeleider] [--cohort] [--deep] [--report NAME] [--plans] [--runs N]
 *
 * The begeleider is the typical one (median placement count), as bench:reports picks; `--cohort`
 * filters on the largest cohort; `--deep` reads the page after row 1,000 (or halfway);
 * `--no-stats` drops SQLite's planner statistics first (as in a database grown since they were
 * last taken).
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import type { Role } from "@driehoek/domain";
import type { Logger } from "typeorm";
import { openDatabase } from "../src/db/data-source.js";
import type { Page, PageArgs } from "../src/graphql/pagination.js";
import {
  conclusionDistribution,
  conclusionsOverTime,
} from "../src/modules/report/conclusions.report.js";
import { notEnteredConversations } from "../src/modules/report/not-entered-conversations.report.js";
import { overdueAgreements } from "../src/modules/report/overdue-agreements.report.js";
import { overdueConversations } from "../src/modules/report/overdue-conversations.report.js";
import { pokIssues } from "../src/modules/report/pok-issues.report.js";
import { ConclusionGrouping } from "../src/modules/report/report.types.js";
import type { ReportFilterArgs } from "../src/modules/report/report-page.js";
import { staffDirectory } from "../src/modules/report/staff-directory.report.js";
import { reportContext } from "./reports-reference.js";

const { values: flags } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    caller: { type: "string", default: "admin" },
    cohort: { type: "boolean", default: false },
    deep: { type: "boolean", default: false },
    report: { type: "string" },
    plans: { type: "boolean", default: false },
    "no-stats": { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
    today: { type: "string", default: "2026-03-09" },
  },
});
const dataSource = await openDatabase({
  dataDir: flags["data-dir"] as string,
  databaseUrl: flags["database-url"],
});
const runs = Number(flags.runs);
if (flags["no-stats"] && dataSource.options.type === "sqlite") {
  await dataSource.query("DELETE FROM sqlite_stat1");
  await dataSource.query("ANALYZE sqlite_schema");
}
let caller: { personId: string; role: Role };
if (flags.caller === "admin") {
  const [admin] = (await dataSource.query(
    "SELECT id FROM person WHERE role = 'admin' LIMIT 1",
  )) as { id: string }[];
  caller = { personId: admin?.id as string, role: "admin" };
} else {
  const counts = (await dataSource.query(
    "SELECT begeleider_id AS id, COUNT(*) AS n FROM placement GROUP BY begeleider_id ORDER BY COUNT(*), begeleider_id",
  )) as { id: string }[];
  const typical = counts[Math.floor(counts.length / 2)] as { id: string };
  caller = { personId: typical.id, role: "bpv_begeleider" };
}
const ctx = reportContext(dataSource, caller, flags.today as string);
let filters: ReportFilterArgs = {};
if (flags.cohort) {
  const [row] = (await dataSource.query(
    "SELECT cohort FROM student GROUP BY cohort ORDER BY COUNT(*) DESC, cohort LIMIT 1",
  )) as { cohort: string }[];
  filters = { cohort: row?.cohort as string };
}
const isPostgres = dataSource.options.type === "postgres";
const seen: { sql: string; params: unknown[] }[] = [];
const logger: Logger = {
  logQuery: (sql, params) => {
    seen.push({ sql, params: params ?? [] });
  },
  logQueryError: () => {},
  logQuerySlow: () => {},
  logSchemaBuild: () => {},
  logMigration: () => {},
  log: () => {},
};

type Run = (page: PageArgs) => Promise<Page<unknown>>;
const withFields = async <T>(page: Page<T>): Promise<Page<T>> => {
  await Promise.all(
    page.edges.map(({ node }) => {
      const n = node as { points?: () => Promise<unknown>; conversations?: () => Promise<unknown> };
      return n.points?.() ?? n.conversations?.();
    }),
  );
  return page;
};
const asPage = (rows: unknown[]): Page<unknown> => ({
  totalCount: rows.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: rows.map((node) => ({ node, cursor: "" })),
});
const reports: Record<string, Run> = {
  overdueConversations: (page) => overdueConversations(ctx, page, filters),
  pokIssues: (page) => pokIssues(ctx, page, filters),
  "pokIssues(includeEnded)": (page) => pokIssues(ctx, page, filters, 30, true),
  conclusionsOverTime: async (page) => withFields(await conclusionsOverTime(ctx, page, filters)),
  overdueAgreements: (page) => overdueAgreements(ctx, page, filters),
  "overdueAgreements(includeEnded)": (page) => overdueAgreements(ctx, page, filters, true),
  notEnteredConversations: (page) => notEnteredConversations(ctx, page, filters),
  staffDirectory: async (page) => withFields(await staffDirectory(ctx, page, filters)),
  ...Object.fromEntries(
    Object.values(ConclusionGrouping).map((groupBy) => [
      `conclusionDistribution(${groupBy})`,
      async () => asPage(await conclusionDistribution(ctx, groupBy, filters)),
    ]),
  ),
};

/** The cursor of row 1,000 (or halfway down), or null. */
async function deepCursor(run: Run): Promise<string | null> {
  let after: string | null = null;
  let seenRows = 0;
  for (;;) {
    const page: Page<unknown> = await run({ first: 200, after });
    if (page.totalCount <= 50) return null;
    const target = Math.min(1000, Math.floor(page.totalCount / 2)) - seenRows;
    if (target < page.edges.length) return page.edges[target]?.cursor ?? null;
    seenRows += page.edges.length;
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return null;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (const [name, run] of Object.entries(reports)) {
  if (flags.report && !name.startsWith(flags.report)) continue;
  const after = flags.deep ? await deepCursor(run) : null;
  await run({ first: 50, after });
  const times: number[] = [];
  let page: Page<unknown> | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    page = await run({ first: 50, after });
    times.push(performance.now() - t0);
  }
  const original = dataSource.logger;
  Object.assign(dataSource, { logger });
  seen.length = 0;
  await run({ first: 50, after });
  Object.assign(dataSource, { logger: original });
  console.log(
    `${name}: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, ${seen.length} queries, total ${page?.totalCount}`,
  );
  for (const q of seen) {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await dataSource.query(q.sql, q.params as unknown[]);
      t.push(performance.now() - t0);
    }
    console.log(`  ${median(t).toFixed(1)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 200)}…`);
    if (flags.plans) {
      const plan = await dataSource.query(
        `${isPostgres ? "EXPLAIN ANALYZE" : "EXPLAIN QUERY PLAN"} ${q.sql}`,
        q.params as unknown[],
      );
      for (const row of plan as Record<string, unknown>[]) {
        console.log(
          `      ${isPostgres ? row["QUERY PLAN"] : `${row.id} ${row.parent} ${row.detail}`}`,
        );
      }
    }
  }
}
await dataSource.destroy();
