/**
 * Benchmark of the staff reports, a page at a time (a script that prints figures; not a test).
 *
 *   npm run bench:reports                       # 20,000 placements, 100,000 conversations, both databases
 *   npm run bench:reports -- --db sqlite --placements 2000 --conversations 10000
 *
 * Seeds a large school (bench/reports-seed.ts) into a fresh SQLite file in a temp folder and
 * into a fresh PostgreSQL database `driehoek_bench` (dropped first; made through the admin URL
 * BENCH_POSTGRES_URL, else DATABASE_URL, else postgres://root@127.0.0.1:5432/test), both
 * migrated as the server does. It checks that the server's reports, walked page by page, equal
 * an in-memory computation with the domain functions (bench/reports-reference.ts) and that every
 * stored frequency verdict equals the domain's. Then, per database, for an admin and for a
 * typical begeleider (the median placement count), it times every paginated report as the
 * resolver computes it (with the rows' batched fields: chart points, directory conversations):
 * the first page of 50 and a deep page (after row 1,000, or halfway down a shorter report), each without and with a filter
 * (the largest cohort), and the distribution per grouping; `--runs` times after `--warmup`
 * runs. It prints p50/p95 per page and PASS/FAIL against p95 ≤ 100 ms (exit code 1 on FAIL).
 * After seeding it refreshes SQLite's planner statistics, as the server does when it opens the
 * database and daily (`refreshPlannerStatistics`).
 * It also times judging the frequency and the POK's kept state of every placement, as the server
 * does on start-up and each new day.
 *
 * Flags: --db sqlite|postgres|both  --placements N  --conversations N  --runs N  --warmup N
 *        --today YYYY-MM-DD  --seed N  --keep (leave the databases in place)  --no-verify
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import type { Role } from "@driehoek/domain";
import pg from "pg";
import type { DataSource } from "typeorm";
import type { RequestContext } from "../src/context.js";
import { openDatabase, refreshPlannerStatistics } from "../src/db/data-source.js";
import type { Page, PageArgs } from "../src/graphql/pagination.js";
import { refreshStaleFrequency } from "../src/modules/placement/frequency-state.js";
import { judgePokState } from "../src/modules/placement/pok-state.js";
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
import { ms, percentiles } from "./measure.js";
import {
  loadReferenceData,
  type ReportName,
  referenceReports,
  reportContext,
  serverReports,
  storedFrequencyMismatches,
} from "./reports-reference.js";
import { seedSchool } from "./reports-seed.js";

const { values: flags } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    placements: { type: "string", default: "20000" },
    conversations: { type: "string", default: "100000" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    today: { type: "string", default: "2026-03-09" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
    "no-verify": { type: "boolean", default: false },
  },
});

const placements = Number(flags.placements);
const conversations = Number(flags.conversations);
const runs = Number(flags.runs);
const warmup = Number(flags.warmup);
const today = String(flags.today);
const withinDays = 30;
if (!["sqlite", "postgres", "both"].includes(String(flags.db))) {
  throw new Error("--db takes sqlite, postgres or both");
}
if (!(placements >= 10 && conversations >= 0 && runs >= 1 && warmup >= 0)) {
  throw new Error("--placements ≥ 10, --conversations ≥ 0, --runs ≥ 1, --warmup ≥ 0");
}
const adminUrl =
  process.env.BENCH_POSTGRES_URL ??
  process.env.DATABASE_URL ??
  "postgres://root@127.0.0.1:5432/test";
const BENCH_DB = "driehoek_bench";

// Collecting garbage before each series keeps one report's leftovers from pausing the next.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A report page as the resolver asks it, with the per-row fields the staff page reads. */
type PageRun = (
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs,
) => Promise<Page<unknown>>;

/** Reads the rows' batched fields (chart points, directory conversations), as GraphQL would. */
async function withFields(page: Page<unknown>): Promise<Page<unknown>> {
  await Promise.all(
    page.edges.map(({ node }) => {
      const n = node as { points?: () => Promise<unknown>; conversations?: () => Promise<unknown> };
      return n.points?.() ?? n.conversations?.();
    }),
  );
  return page;
}

/** Every paginated report, and the distribution (aggregated, one page: its groups). */
const PAGED: Record<string, PageRun> = {
  overdueConversations: (ctx, page, filters) => overdueConversations(ctx, page, filters),
  pokIssues: (ctx, page, filters) => pokIssues(ctx, page, filters, withinDays),
  "pokIssues(includeEnded)": (ctx, page, filters) =>
    pokIssues(ctx, page, filters, withinDays, true),
  conclusionsOverTime: async (ctx, page, filters) =>
    withFields(await conclusionsOverTime(ctx, page, filters)),
  overdueAgreements: (ctx, page, filters) => overdueAgreements(ctx, page, filters),
  "overdueAgreements(includeEnded)": (ctx, page, filters) =>
    overdueAgreements(ctx, page, filters, true),
  notEnteredConversations: (ctx, page, filters) => notEnteredConversations(ctx, page, filters),
  staffDirectory: async (ctx, page, filters) =>
    withFields(await staffDirectory(ctx, page, filters)),
};

const asPage = (rows: unknown[]): Page<unknown> => ({
  totalCount: rows.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: rows.map((node) => ({ node, cursor: "" })),
});
const DISTRIBUTION: Record<string, PageRun> = Object.fromEntries(
  Object.values(ConclusionGrouping).map((groupBy) => [
    `conclusionDistribution(${groupBy})`,
    async (ctx: RequestContext, _page: PageArgs, filters: ReportFilterArgs) =>
      asPage(await conclusionDistribution(ctx, groupBy, filters)),
  ]),
);

/** The rows on the staff page. */
const PAGE_SIZE = 50;

/** How deep the deep page starts (or halfway down, when the report is shorter). */
const DEEP_ROW = 1000;

/**
 * The cursor of the row `DEEP_ROW` (or halfway) down a report, walked to in pages of 200 without
 * reading fields, or null when the report fits on one page.
 */
async function deepCursor(
  run: PageRun,
  ctx: RequestContext,
  filters: ReportFilterArgs,
): Promise<string | null> {
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const page: Page<unknown> = await run(ctx, { first: 200, after }, filters);
    if (page.totalCount <= PAGE_SIZE) return null;
    const target = Math.min(DEEP_ROW, Math.floor(page.totalCount / 2)) - seen;
    if (target < page.edges.length) return page.edges[target]?.cursor ?? null;
    seen += page.edges.length;
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return null;
  }
}

interface Row {
  report: string;
  caller: string;
  page: string;
  /** Rows on the page / on all pages. */
  rows: number;
  total: number;
  p50: number;
  p95: number;
}

const TARGET_P95 = 100;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}

/** Seeds, measures and prints one database. */
async function benchmark(kind: "sqlite" | "postgres"): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-reports-"));
  let databaseUrl: string | undefined;
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${BENCH_DB}`;
    databaseUrl = url.toString();
  }
  let dataSource: DataSource | undefined;
  try {
    const opening = performance.now();
    dataSource = await openDatabase({ dataDir, databaseUrl });
    const migrated = performance.now();
    const school = await seedSchool(dataSource, {
      placements,
      conversations,
      today,
      seed: Number(flags.seed),
    });
    const seeded = performance.now();
    // What the server does on opening a database and daily: planner statistics (SQLite).
    await refreshPlannerStatistics(dataSource);
    if (kind === "sqlite") {
      log(`SQLite: planner statistics taken in ${ms(performance.now() - seeded)}`);
    }
    const label = kind === "sqlite" ? "SQLite" : "PostgreSQL";
    // What the server does on start-up and each new day: judge every stale placement.
    const judging = performance.now();
    const judged = await refreshStaleFrequency(dataSource, today);
    const judgedIn = performance.now() - judging;
    const checking = performance.now();
    const restale = await refreshStaleFrequency(dataSource, today);
    log(
      `${label}: frequency judged for ${judged.toLocaleString("en")} placements in ${ms(judgedIn)}; a check with ${restale} stale took ${ms(performance.now() - checking)}`,
    );
    // And the POKs' kept state, for the day (the POK issues read it).
    const pokJudging = performance.now();
    const pokJudged = await judgePokState(dataSource, today);
    log(
      `${label}: POK state judged for ${pokJudged.toLocaleString("en")} placements in ${ms(performance.now() - pokJudging)}`,
    );
    log(
      `${label}: migrated in ${ms(migrated - opening)}, seeded in ${((seeded - migrated) / 1000).toFixed(1)} s: ${Object.entries(
        school.rows,
      )
        .map(([table, count]) => `${count.toLocaleString("en")} ${table}`)
        .join(", ")}`,
    );

    const byCount = [...school.begeleiders].sort((a, b) => a.placements - b.placements);
    const typical = byCount[Math.floor(byCount.length / 2)] as (typeof byCount)[number];
    const callers: { label: string; personId: string; role: Role; begeleiderId: string | null }[] =
      [
        { label: "admin", personId: school.admin.id, role: "admin", begeleiderId: null },
        {
          label: `begeleider (${typical.placements} pl.)`,
          personId: typical.id,
          role: "bpv_begeleider",
          begeleiderId: typical.id,
        },
      ];

    if (!flags["no-verify"]) {
      const started = performance.now();
      const data = await loadReferenceData(dataSource);
      for (const caller of callers) {
        for (const includeEnded of [false, true]) {
          const ctx = reportContext(dataSource, caller, today);
          const server = await serverReports(ctx, withinDays, includeEnded);
          const reference = referenceReports(data, caller, today, withinDays, includeEnded);
          for (const name of Object.keys(server) as ReportName[]) {
            const a = server[name];
            const b = reference[name];
            if (a.length !== b.length || a.some((line, i) => line !== b[i])) {
              throw new Error(
                `${label}: ${name} (includeEnded: ${includeEnded}) for ${caller.label} differs from the domain computation`,
              );
            }
          }
        }
      }
      const mismatches = await storedFrequencyMismatches(dataSource, data, today);
      if (mismatches.length > 0) {
        throw new Error(
          `${label}: ${mismatches.length} stored frequency verdicts differ from the domain, e.g. ${mismatches[0]}`,
        );
      }
      log(
        `  server rows equal the in-memory domain computation, and every stored frequency verdict the domain's (checked in ${ms(performance.now() - started)})`,
      );
    }

    const results: Row[] = [];
    // The filter: the most common cohort (the largest narrowed page a school gives).
    const [cohort] = (await dataSource.query(
      "SELECT cohort FROM student GROUP BY cohort ORDER BY COUNT(*) DESC, cohort LIMIT 1",
    )) as { cohort: string }[];
    const filtered: ReportFilterArgs = { cohort: cohort?.cohort ?? "" };
    for (const [report, run] of Object.entries({ ...PAGED, ...DISTRIBUTION })) {
      for (const caller of callers) {
        const ctx = reportContext(dataSource, caller, today);
        for (const [filterLabel, filters] of [
          ["", {}],
          [`cohort ${filtered.cohort}`, filtered],
        ] as const) {
          const deep = report in PAGED ? await deepCursor(run, ctx, filters) : null;
          const pages: [string, string | null][] = [["first", null]];
          if (deep) pages.push(["deep", deep]);
          for (const [where, after] of pages) {
            const times: number[] = [];
            let last: Page<unknown> | undefined;
            collectGarbage();
            for (let i = 0; i < warmup + runs; i++) {
              const started = performance.now();
              last = await run(ctx, { first: PAGE_SIZE, after }, filters);
              if (i >= warmup) times.push(performance.now() - started);
            }
            const row: Row = {
              report,
              caller: caller.label,
              page: [where, filterLabel].filter(Boolean).join(", "),
              rows: last?.edges.length ?? 0,
              total: last?.totalCount ?? 0,
              p50: percentiles(times).p50,
              p95: p95(times),
            };
            results.push(row);
            log(`  ${label} ${row.report} / ${row.caller} / ${row.page}: p95 ${ms(row.p95)}`);
          }
        }
      }
    }
    printTable(
      `${label} — ${placements.toLocaleString("en")} placements, ${conversations.toLocaleString("en")} conversations; pages of ${PAGE_SIZE}; ${runs} runs after ${warmup} warm-up; seeded in ${((seeded - migrated) / 1000).toFixed(1)} s`,
      results,
    );
  } finally {
    await dataSource?.destroy();
    if (!flags.keep) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (kind === "postgres") {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
        await admin.end();
      }
    } else {
      log(`kept: ${kind === "sqlite" ? dataDir : BENCH_DB}`);
    }
  }
}

/** Every page's p50/p95 and whether its p95 meets the target; then the verdict. */
function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  console.log(`| report | caller | page | rows / total | p50 | p95 | p95 ≤ ${TARGET_P95} ms |`);
  console.log("|---|---|---|---:|---:|---:|:---:|");
  for (const r of rows) {
    console.log(
      `| ${r.report} | ${r.caller} | ${r.page} | ${r.rows} / ${r.total.toLocaleString("en")} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.p95 <= TARGET_P95 ? "✓" : "✗"} |`,
    );
  }
  const failed = rows.filter((r) => r.p95 > TARGET_P95);
  const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a), rows[0] as Row);
  console.log(
    failed.length === 0
      ? `\nPASS: every page p95 ≤ ${TARGET_P95} ms (slowest: ${worst.report} / ${worst.caller} / ${worst.page}, p95 ${ms(worst.p95)})\n`
      : `\nFAIL: ${failed.length} of ${rows.length} pages p95 > ${TARGET_P95} ms: ${failed.map((r) => `${r.report} / ${r.caller} / ${r.page} (${ms(r.p95)})`).join("; ")}\n`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

const kinds: ("sqlite" | "postgres")[] =
  flags.db === "both" ? ["sqlite", "postgres"] : [flags.db as "sqlite" | "postgres"];
for (const kind of kinds) await benchmark(kind);
