/**
 * Times one page of each report against a kept bench database, and prints the query plans of
 * their SQL (profiling aid for bench:reports).
 *
 *   npx tsx bench/reports-profile.ts --data-dir /tmp/driehoek-bench-reports-XXXX [--database-url …]
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import type { Logger } from "typeorm";
import { openDatabase } from "../src/db/data-source.js";
import { conclusionsOverTime } from "../src/modules/report/conclusions.report.js";
import { notEnteredConversations } from "../src/modules/report/not-entered-conversations.report.js";
import { overdueAgreements } from "../src/modules/report/overdue-agreements.report.js";
import { overdueConversations } from "../src/modules/report/overdue-conversations.report.js";
import { pokIssues } from "../src/modules/report/pok-issues.report.js";
import { staffDirectory } from "../src/modules/report/staff-directory.report.js";
import { reportContext } from "./reports-reference.js";

const { values: flags } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    plans: { type: "boolean", default: false },
    today: { type: "string", default: "2026-03-09" },
  },
});
const dataSource = await openDatabase({
  dataDir: flags["data-dir"] as string,
  databaseUrl: flags["database-url"],
});
const [admin] = (await dataSource.query("SELECT id FROM person WHERE role = 'admin' LIMIT 1")) as {
  id: string;
}[];
const ctx = reportContext(
  dataSource,
  { personId: admin?.id as string, role: "admin" },
  flags.today as string,
);
const isPostgres = dataSource.options.type === "postgres";
const seen: { sql: string; params: unknown[]; ms: number }[] = [];
let started = 0;
const logger: Logger = {
  logQuery: (sql, params) => {
    started = performance.now();
    seen.push({ sql, params: params ?? [], ms: 0 });
  },
  logQueryError: () => {},
  logQuerySlow: () => {},
  logSchemaBuild: () => {},
  logMigration: () => {},
  log: () => {},
};
void started;
const reports = {
  overdueConversations: () => overdueConversations(ctx, { first: 50 }, {}),
  pokIssues: () => pokIssues(ctx, { first: 50 }, {}),
  conclusionsOverTime: async () => {
    const page = await conclusionsOverTime(ctx, { first: 50 }, {});
    await Promise.all(page.edges.map((e) => e.node.points()));
    return page;
  },
  overdueAgreements: () => overdueAgreements(ctx, { first: 50 }, {}),
  notEnteredConversations: () => notEnteredConversations(ctx, { first: 50 }, {}),
  staffDirectory: async () => {
    const page = await staffDirectory(ctx, { first: 50 }, {});
    await Promise.all(page.edges.map((e) => e.node.conversations()));
    return page;
  },
};
for (const [name, run] of Object.entries(reports)) {
  await run();
  const original = dataSource.logger;
  Object.assign(dataSource, { logger });
  seen.length = 0;
  const t0 = performance.now();
  const page = await run();
  const elapsed = performance.now() - t0;
  Object.assign(dataSource, { logger: original });
  console.log(
    `${name}: ${elapsed.toFixed(1)} ms, ${seen.length} queries, total ${page.totalCount}`,
  );
  for (const q of seen) {
    const t = performance.now();
    await dataSource.query(q.sql, q.params as unknown[]);
    console.log(
      `  ${(performance.now() - t).toFixed(1)} ms  ${q.sql.slice(0, 160).replace(/\s+/g, " ")}…`,
    );
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
