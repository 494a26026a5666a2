/**
 * Benchmark of the staff reports (a script that prints figures; not a test).
 *
 *   npm run bench:reports                       # 20,000 placements, 100,000 conversations, both databases
 *   npm run bench:reports -- --db sqlite --placements 2000 --conversations 10000
 *
 * Seeds a large school (bench/reports-seed.ts) into a fresh SQLite file in a temp folder and
 * into a fresh PostgreSQL database `driehoek_bench` (dropped first; made through the admin URL
 * BENCH_POSTGRES_URL, else DATABASE_URL, else postgres://root@127.0.0.1:5432/test), both
 * migrated as the server does. Then, per database and per report, for an admin and for a
 * typical begeleider (the median placement count), it times
 *   (a) the report as the server computes it — the function the resolver calls — and
 *   (b) one hand-written SQL query giving the same rows (bench/reports-handwritten.ts; the
 *       overdue conversations read the stored frequency verdicts, as the server does),
 * interleaved, `--runs` times after `--warmup` runs, checks that both give the same rows (count
 * and checksum), that the server's rows equal an in-memory computation with the domain
 * functions (bench/reports-reference.ts) and that every stored frequency verdict equals the
 * domain's, and prints p50/p95 of each and the ratio of the p95s. It also times judging the
 * frequency of every placement, as the server does on start-up and each new day.
 * POK issues and overdue agreements are measured as the staff page asks them (placements that
 * have not ended) and with `includeEnded` (the history too).
 *
 * Flags: --db sqlite|postgres|both  --placements N  --conversations N  --runs N  --warmup N
 *        --today YYYY-MM-DD  --seed N  --keep (leave the databases in place)  --no-verify
 */
import { staffDirectory } from "../src/modules/report/staff-directory.report.js";
import "reflect-metadata";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { addDays, type Role } from "@driehoek/domain";
import pg from "pg";
import type { DataSource } from "typeorm";
import { openDatabase } from "../src/db/data-source.js";
import { refreshStaleFrequency } from "../src/modules/placement/frequency-state.js";
import {
  conclusionDistribution,
  conclusionsOverTime,
} from "../src/modules/report/conclusions.report.js";
import { overdueAgreements } from "../src/modules/report/overdue-agreements.report.js";
import { overdueConversations } from "../src/modules/report/overdue-conversations.report.js";
import { pokIssues } from "../src/modules/report/pok-issues.report.js";
import { ConclusionGrouping } from "../src/modules/report/report.types.js";
import { ms, percentiles } from "./measure.js";
import { handQueries } from "./reports-handwritten.js";
import {
  canonical,
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

/** The staff reports, each from its own file. */
const reports = {
  overdueConversations,
  pokIssues,
  conclusionsOverTime,
  conclusionDistribution,
  overdueAgreements,
};

/** The report functions, as the resolver calls them (`includeEnded` where a report takes it). */
const SERVER: Record<
  ReportName,
  (ctx: ReturnType<typeof reportContext>, includeEnded: boolean) => Promise<string[]>
> = {
  overdueConversations: async (ctx) => canonical.overdue(await reports.overdueConversations(ctx)),
  pokIssues: async (ctx, includeEnded) =>
    canonical.pok(await reports.pokIssues(ctx, withinDays, includeEnded)),
  conclusionsOverTime: async (ctx) => canonical.points(await reports.conclusionsOverTime(ctx)),
  "conclusionDistribution(programme)": async (ctx) =>
    canonical.distribution(await reports.conclusionDistribution(ctx, ConclusionGrouping.programme)),
  "conclusionDistribution(cohort)": async (ctx) =>
    canonical.distribution(await reports.conclusionDistribution(ctx, ConclusionGrouping.cohort)),
  "conclusionDistribution(begeleider)": async (ctx) =>
    canonical.distribution(
      await reports.conclusionDistribution(ctx, ConclusionGrouping.begeleider),
    ),
  overdueAgreements: async (ctx, includeEnded) =>
    canonical.agreements(await reports.overdueAgreements(ctx, includeEnded)),
};

/** The reports that take `includeEnded`: measured by default and with the history too. */
const TAKES_INCLUDE_ENDED: ReportName[] = ["pokIssues", "overdueAgreements"];

/** What is measured: each report as the staff page asks it, and the history where there is one. */
const MEASURED = (Object.keys(SERVER) as ReportName[]).flatMap((name) =>
  TAKES_INCLUDE_ENDED.includes(name)
    ? [
        { name, includeEnded: false },
        { name, includeEnded: true },
      ]
    : [{ name, includeEnded: false }],
);

/** Count and an order-independent checksum of canonical lines. */
function fingerprint(lines: string[]): { count: number; checksum: string } {
  const hash = createHash("sha1");
  for (const line of [...lines].sort()) hash.update(line).update("\n");
  return { count: lines.length, checksum: hash.digest("hex").slice(0, 10) };
}

interface Row {
  report: string;
  caller: string;
  rows: number;
  server: { p50: number; p95: number };
  hand: { p50: number; p95: number };
  same: boolean;
}

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
    for (const { name, includeEnded } of MEASURED) {
      const report = includeEnded ? `${name}(includeEnded)` : name;
      for (const caller of callers) {
        const ctx = reportContext(dataSource, caller, today);
        const hand = handQueries(kind, {
          today,
          until: addDays(today, withinDays),
          begeleiderId: caller.begeleiderId,
          includeEnded,
        })[name];
        const runServer = (context: typeof ctx) => SERVER[name](context, includeEnded);
        const runHand = async () =>
          (
            (await (dataSource as DataSource).query(hand.sql, hand.params)) as Record<
              string,
              unknown
            >[]
          ).map(hand.line);
        const serverTimes: number[] = [];
        const handTimes: number[] = [];
        let serverLines: string[] = [];
        let handLines: string[] = [];
        collectGarbage();
        for (let i = 0; i < warmup + runs; i++) {
          // Alternate which goes first, so neither always runs on a warmer cache.
          const order = i % 2 === 0 ? ["server", "hand"] : ["hand", "server"];
          for (const which of order) {
            const started = performance.now();
            if (which === "server") serverLines = await runServer(ctx);
            else handLines = await runHand();
            const elapsed = performance.now() - started;
            if (i >= warmup) (which === "server" ? serverTimes : handTimes).push(elapsed);
          }
        }
        const a = fingerprint(serverLines);
        const b = fingerprint(handLines);
        results.push({
          report,
          caller: caller.label,
          rows: a.count,
          server: { p50: percentiles(serverTimes).p50, p95: p95(serverTimes) },
          hand: { p50: percentiles(handTimes).p50, p95: p95(handTimes) },
          same: a.count === b.count && a.checksum === b.checksum,
        });
        if (a.count !== b.count || a.checksum !== b.checksum) {
          console.log(
            `  ${report} / ${caller.label}: server ${a.count} rows ${a.checksum}, hand ${b.count} rows ${b.checksum}`,
          );
          const handSet = new Set(handLines);
          const serverSet = new Set(serverLines);
          console.log("    only server:", serverLines.filter((l) => !handSet.has(l)).slice(0, 3));
          console.log("    only hand:  ", handLines.filter((l) => !serverSet.has(l)).slice(0, 3));
        }
      }
    }
    printTable(
      `${label} — ${placements.toLocaleString("en")} placements, ${conversations.toLocaleString("en")} conversations; ${runs} runs after ${warmup} warm-up; seeded in ${((seeded - migrated) / 1000).toFixed(1)} s`,
      results,
    );

    // The staff page's filter directory: every visible placement with its facets (no
    // hand-written twin; timed so its cost next to the reports is known).
    for (const caller of callers) {
      const ctx = reportContext(dataSource, caller, today);
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < warmup + runs; i++) {
        const started = performance.now();
        count = (await staffDirectory(ctx)).length;
        if (i >= warmup) times.push(performance.now() - started);
      }
      console.log(
        `staffDirectory / ${caller.label}: ${count.toLocaleString("en")} placements, p50 ${ms(percentiles(times).p50)}, p95 ${ms(p95(times))}`,
      );
    }
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

function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  console.log(
    "| report | caller | rows | server p50 | server p95 | SQL p50 | SQL p95 | ratio p50 | ratio p95 | same rows | p95 ≤ 100 ms | ≤ 1.5× |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|:---:|");
  for (const r of rows) {
    const ratio50 = r.server.p50 / r.hand.p50;
    const ratio95 = r.server.p95 / r.hand.p95;
    console.log(
      `| ${r.report} | ${r.caller} | ${r.rows.toLocaleString("en")} | ${ms(r.server.p50)} | ${ms(r.server.p95)} | ${ms(r.hand.p50)} | ${ms(r.hand.p95)} | ${ratio50.toFixed(2)} | ${ratio95.toFixed(2)} | ${r.same ? "✓" : "✗"} | ${r.server.p95 <= 100 ? "✓" : "✗"} | ${ratio50 <= 1.5 && ratio95 <= 1.5 ? "✓" : ratio50 <= 1.5 ? "p50 ✓" : "✗"} |`,
    );
  }
  console.log("");
}

const kinds: ("sqlite" | "postgres")[] =
  flags.db === "both" ? ["sqlite", "postgres"] : [flags.db as "sqlite" | "postgres"];
for (const kind of kinds) await benchmark(kind);
