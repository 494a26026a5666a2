import fs from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import { DataSource } from "typeorm";
import { ENTITIES } from "./entities.js";
import { KeptStatements } from "./kept-statements.js";
import { InitialSchema1732800000000 } from "./migrations/1732800000000-initial-schema.js";
import { CollabLog1732800000001 } from "./migrations/1732800000001-collab-log.js";
import { SignOff1732800000002 } from "./migrations/1732800000002-sign-off.js";
import { ReportIndexes1732800000003 } from "./migrations/1732800000003-report-indexes.js";
import { PlacementFrequency1732800000004 } from "./migrations/1732800000004-placement-frequency.js";
import { RosterAndMail1732800000010 } from "./migrations/1732800000010-roster-and-mail.js";
import { StaffAccounts1732800000020 } from "./migrations/1732800000020-staff-accounts.js";
import { SchoolCalendar1732800000030 } from "./migrations/1732800000030-school-calendar.js";
import { Documents1732800000040 } from "./migrations/1732800000040-documents.js";
import { Archive1732800000050 } from "./migrations/1732800000050-archive.js";
import { SectionPeriods1732800000060 } from "./migrations/1732800000060-section-periods.js";
import { Afronden1732800000070 } from "./migrations/1732800000070-afronden.js";
import { StaffSessions1732800000080 } from "./migrations/1732800000080-staff-sessions.js";
import { TalkIntervals1732800000090 } from "./migrations/1732800000090-talk-intervals.js";
import { ReportOrderIndexes1732800000095 } from "./migrations/1732800000095-report-order-indexes.js";
import { AgreementPlacement1732800000100 } from "./migrations/1732800000100-agreement-placement.js";
import { PlacementConclusions1732800000105 } from "./migrations/1732800000105-placement-conclusions.js";
import { PlacementConclusionsInTurn1732800000110 } from "./migrations/1732800000110-placement-conclusions-in-turn.js";
import { StudentNumberUnique1732800000120 } from "./migrations/1732800000120-student-number-unique.js";
import { AgreementPlacementInTurn1732800000130 } from "./migrations/1732800000130-agreement-placement-in-turn.js";
import { PokState1732800000140 } from "./migrations/1732800000140-pok-state.js";
import { holdsSqliteWriteTurn, withSqliteWriteLock } from "./sqlite-write-lock.js";

/** Migrations in the order they run. */
export const MIGRATIONS = [
  InitialSchema1732800000000,
  CollabLog1732800000001,
  SignOff1732800000002,
  ReportIndexes1732800000003,
  PlacementFrequency1732800000004,
  RosterAndMail1732800000010,
  StaffAccounts1732800000020,
  SchoolCalendar1732800000030,
  Documents1732800000040,
  Archive1732800000050,
  SectionPeriods1732800000060,
  Afronden1732800000070,
  StaffSessions1732800000080,
  TalkIntervals1732800000090,
  ReportOrderIndexes1732800000095,
  AgreementPlacement1732800000100,
  PlacementConclusions1732800000105,
  PlacementConclusionsInTurn1732800000110,
  StudentNumberUnique1732800000120,
  AgreementPlacementInTurn1732800000130,
  PokState1732800000140,
];

/** Whether a statement writes to the file (a transaction's own BEGIN and COMMIT aside). */
function isWrite(sql: string): boolean {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  if (verb === "WITH") return /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
  return verb !== undefined && WRITE_VERBS.has(verb);
}

const WRITE_VERBS = new Set(["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"]);

/**
 * TypeORM's connection: node-sqlite3's Database, whose `run` and `all` (all TypeORM's queries
 * go through them) use statements prepared once per SQL text and kept (kept-statements.ts):
 * one trip to the thread pool per query instead of three, and no parse (decision 0011).
 */
class KeptStatementsDatabase extends sqlite3.Database {
  private readonly kept = new KeptStatements(this);
  private readonly file: string;

  constructor(file: string, ...rest: [number?, ((error: Error | null) => void)?]) {
    super(file, ...(rest as [number, (error: Error | null) => void]));
    this.file = file;
  }

  /**
   * A write from code outside any writer's turn (see withSqliteWriteLock) waits for a turn of
   * its own. The connection is shared: run while another request's transaction is open, the
   * write would become part of it, be answered as done, and be undone with it on a rollback.
   */
  private inTurn(sql: string, done: (...args: never[]) => unknown, go: (done: never) => void) {
    if (!isWrite(sql) || holdsSqliteWriteTurn(this.file)) return go(done as never);
    void withSqliteWriteLock(
      this.file,
      () =>
        new Promise<void>((settled) =>
          go(function (this: unknown, ...args: never[]) {
            settled();
            return done.apply(this, args);
          } as never),
        ),
    );
  }

  /** The form TypeORM calls: SQL, an array of parameters (or none), a callback. */
  private static isQuery(
    rest: unknown[],
  ): rest is [unknown[] | undefined, (...args: never[]) => unknown] {
    return (
      rest.length === 2 &&
      (rest[0] === undefined || Array.isArray(rest[0])) &&
      typeof rest[1] === "function"
    );
  }

  override run(sql: string, ...rest: unknown[]): this {
    if (!KeptStatementsDatabase.isQuery(rest)) return super.run(sql, ...rest);
    const [params, done] = rest;
    this.inTurn(sql, done, (callback) => this.kept.run(sql, params ?? [], callback));
    return this;
  }

  override all(sql: string, ...rest: unknown[]): this {
    if (!KeptStatementsDatabase.isQuery(rest)) return super.all(sql, ...rest);
    const [params, done] = rest;
    this.inTurn(sql, done, (callback) => this.kept.all(sql, params ?? [], callback));
    return this;
  }

  override close(done?: (error: Error | null) => void): void {
    void this.kept.finalizeAll().then(() => super.close(done));
  }
}

/**
 * node-sqlite3 for TypeORM, without trace mode. TypeORM calls `driver.verbose()`, which patches
 * every Database and Statement method of the one sqlite3 module in the process (the update
 * log's connection too) to capture a stack trace and `util.inspect` its arguments on each call:
 * 28 % of the server's busy CPU under collaboration load (docs/decisions/0011). Handing it this
 * object makes `verbose()` return the module as it is, with the Database above.
 */
const sqliteForTypeorm = { verbose: () => ({ ...sqlite3, Database: KeptStatementsDatabase }) };

/** Where the data lives: the embedded SQLite file, or PostgreSQL when a URL is given. */
export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Folder holding `driehoek.sqlite`. */
  dataDir: string;
}

/** Builds the data source for SQLite (default) or PostgreSQL. Never synchronizes the schema. */
export function createDataSource(options: DatabaseOptions): DataSource {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false };
  if (options.databaseUrl) {
    return new DataSource({
      ...common,
      type: "postgres",
      url: options.databaseUrl,
      extra: { max: 10 },
    });
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  return new DataSource({
    ...common,
    type: "sqlite",
    database: sqliteFile(options.dataDir),
    driver: sqliteForTypeorm,
    // WAL lets readers go on while one writer commits; the busy timeout queues writers.
    enableWAL: true,
    busyTimeout: 5000,
  });
}

/** The SQLite file inside a data directory. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, "driehoek.sqlite");
}

/**
 * How SQLite reads on the one connection TypeORM keeps: the file memory-mapped (up to 1 GiB; the
 * pages stay the operating system's, shared with other readers) and a 64 MiB page cache, instead
 * of a 2 MiB cache refilled by a system call per page. A school-wide report reads tens of
 * thousands of index entries per page (docs/decisions/0015).
 */
const SQLITE_READING = ["PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536"];

/**
 * Keeps SQLite's planner statistics (`sqlite_stat1`) current: `PRAGMA optimize` analyses each
 * table that has none or has grown or shrunk a lot since, reading the whole of each index
 * (`analysis_limit` 0: a sample of 1,000 entries misjudged how few of a cohort's students wait,
 * and the not-entered report of a cohort took 54 instead of 15 ms). A school of 100,000
 * conversations is analysed in about 100 ms. Run on opening (after the migrations) and daily;
 * PostgreSQL keeps its own statistics (autovacuum). Without them SQLite guesses every index
 * equally selective and may read a begeleider's report through a school-wide index.
 */
export async function refreshPlannerStatistics(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== "sqlite") return;
  await dataSource.query("PRAGMA analysis_limit = 0");
  await dataSource.query("PRAGMA optimize = 0x10002");
}

/** Opens the data source and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  if (dataSource.options.type === "sqlite") {
    for (const pragma of SQLITE_READING) await dataSource.query(pragma);
  }
  await dataSource.runMigrations({ transaction: "each" });
  await refreshPlannerStatistics(dataSource);
  return dataSource;
}
