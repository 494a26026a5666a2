/**
 * What one durable commit of the collaboration log costs, against the least a durable write can
 * cost on this machine (a script that prints figures; not a test).
 *
 *   npm run bench:commit-floor                    # 2000 commits per case, 1, 3 and 15 updates each
 *   npm run bench:commit-floor -- --commits 5000 --rows 1,4
 *
 * Per group commit of `rows` keystroke-sized updates (40 bytes, spread over 300 documents),
 * measured in turn in one process, `--rounds` times, the medians printed:
 *  - an append to a plain file, not synced: what writing costs without durability;
 *  - an append to a plain file opened with O_DSYNC: the least a durable commit can cost, one
 *    system call on libuv's thread pool;
 *  - the durable relay's log (bench/relay.ts): one multi-row INSERT into a table with no index,
 *    SQLite in WAL mode, synchronous FULL;
 *  - Driehoek's own log without its index: `SqliteUpdateStore.append` on a copy of the
 *    server's database with the log's index on document and id dropped (what the index costs);
 *  - Driehoek's own log: `SqliteUpdateStore.append` on a database made by the server's
 *    migrations (the log's index, AUTOINCREMENT ids, the file's write lock).
 * For each: the process's CPU per commit, user and system (libuv's pool threads included), the
 * wall time's p50 and p99, and the CPU over the O_DSYNC append's.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sqlite3 from "sqlite3";
import { SqliteUpdateStore } from "../src/collab/sqlite-store.js";
import { loadConfig } from "../src/config.js";
import { buildServices } from "../src/services.js";
import { ms, percentiles } from "./measure.js";
import { DurableLog } from "./relay.js";

const DOCUMENTS = 300;
const update = new Uint8Array(40).fill(7);

function openSqlite(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const opened = new sqlite3.Database(file, (e) => (e ? reject(e) : resolve(opened)));
  });
}

function query<T = unknown>(db: sqlite3.Database, sql: string, params: unknown[] = []) {
  return new Promise<T[]>((resolve, reject) =>
    db.all(sql, params, (e, rows: T[]) => (e ? reject(e) : resolve(rows))),
  );
}

/** One way of committing `rows` updates durably (or not); resolves when it may be confirmed. */
export type Commit = (rows: { docName: string; update: Uint8Array }[]) => Promise<void>;

export interface Figures {
  userUs: number;
  systemUs: number;
  wall: ReturnType<typeof percentiles>;
}

/** Appends each commit's updates, framed, to `file` in one write; `sync`: opened with O_DSYNC. */
export function fileCommit(file: string, sync: boolean): { commit: Commit; close: () => void } {
  const c = fs.constants;
  const fd = fs.openSync(file, c.O_WRONLY | c.O_CREAT | c.O_APPEND | (sync ? c.O_DSYNC : 0));
  const commit: Commit = (rows) => {
    const parts: Buffer[] = [];
    for (const row of rows) {
      const name = Buffer.from(row.docName);
      const head = Buffer.allocUnsafe(8);
      head.writeUInt32LE(name.length, 0);
      head.writeUInt32LE(row.update.byteLength, 4);
      parts.push(head, name, Buffer.from(row.update));
    }
    const bytes = Buffer.concat(parts);
    return new Promise((resolve, reject) =>
      fs.write(fd, bytes, 0, bytes.length, null, (e) => (e ? reject(e) : resolve())),
    );
  };
  return { commit, close: () => fs.closeSync(fd) };
}

/** The durable relay's own log (bench/relay.ts): the rows written in one tick are one commit. */
export async function relayLogCommit(
  file: string,
): Promise<{ commit: Commit; close: () => Promise<void> }> {
  const log = await DurableLog.open(file);
  const commit: Commit = (rows) =>
    Promise.all(
      rows.map((r) => new Promise<void>((resolve) => log.write(r.docName, r.update, resolve))),
    ).then(() => undefined);
  return { commit, close: () => log.close() };
}

/** Commits `commits` batches of `rows` updates one after another (after a warm-up). */
export async function measure(commit: Commit, rows: number, commits: number): Promise<Figures> {
  let next = 0;
  const batch = () =>
    Array.from({ length: rows }, () => ({
      docName: `conversation-${next++ % DOCUMENTS}`,
      update,
    }));
  for (let i = 0; i < Math.min(300, commits); i++) await commit(batch());
  const times: number[] = [];
  const before = process.cpuUsage();
  for (let i = 0; i < commits; i++) {
    const rowsNow = batch();
    const start = performance.now();
    await commit(rowsNow);
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(before);
  return {
    userUs: used.user / commits,
    systemUs: used.system / commits,
    wall: percentiles(times),
  };
}

/** A copy of the server's database `from` at `to` without the log's index, opened as the log. */
async function withoutLogIndex(from: string, to: string): Promise<SqliteUpdateStore> {
  const original = await openSqlite(from);
  await query(original, "VACUUM INTO ?", [to]);
  await new Promise((resolve) => original.close(resolve));
  const copy = await openSqlite(to);
  const indexes = await query<{ name: string }>(
    copy,
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'collab_update' AND sql IS NOT NULL",
  );
  if (indexes.length === 0) throw new Error("the log has no index to drop");
  for (const { name } of indexes) await query(copy, `DROP INDEX "${name}"`);
  await new Promise((resolve) => copy.close(resolve));
  return SqliteUpdateStore.open(to);
}

const median = (values: number[]) => percentiles(values).p50;

async function main() {
  const { values: flags } = parseArgs({
    options: {
      commits: { type: "string", default: "2000" },
      rows: { type: "string", default: "1,3,15" },
      rounds: { type: "string", default: "3" },
    },
  });
  const commits = Number(flags.commits);
  const rowCounts = String(flags.rows)
    .split(",")
    .map((s) => Number(s.trim()));
  const rounds = Number(flags.rounds);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-bench-commit-"));
  const services = await buildServices(loadConfig({}, { dataDir: dir }));
  const database = String(services.dataSource.options.database);
  const store = await SqliteUpdateStore.open(database);
  const unindexed = await withoutLogIndex(database, path.join(dir, "no-index.sqlite"));
  console.log(
    `commit floor: ${commits} commits per case, ${rounds} rounds, medians; updates of ${update.byteLength} bytes over ${DOCUMENTS} documents; files in ${dir}`,
  );
  try {
    for (const rows of rowCounts) {
      const plain = fileCommit(path.join(dir, `plain-${rows}.log`), false);
      const dsync = fileCommit(path.join(dir, `dsync-${rows}.log`), true);
      const relayLog = await relayLogCommit(path.join(dir, `relay-${rows}.sqlite`));
      const cases: [string, Commit][] = [
        ["plain file, not synced", plain.commit],
        ["plain file, O_DSYNC", dsync.commit],
        ["durable relay's log (SQLite)", relayLog.commit],
        ["Driehoek's log without its index", (r) => unindexed.append(r)],
        ["Driehoek's log (SqliteUpdateStore)", (r) => store.append(r)],
      ];
      const figures = cases.map(() => [] as Figures[]);
      for (let round = 0; round < rounds; round++)
        for (const [i, [, commit]] of cases.entries())
          figures[i]?.push(await measure(commit, rows, commits));
      plain.close();
      dsync.close();
      await relayLog.close();
      const cpu = (f: Figures[]) => median(f.map((x) => x.userUs + x.systemUs));
      const floor = cpu(figures[1] ?? []);
      console.log(`\n${rows} update${rows === 1 ? "" : "s"} per commit:`);
      console.log(
        "| case | CPU per commit | user / system | wall p50 / p99 | CPU / O_DSYNC append |",
      );
      console.log("|---|---|---|---|---|");
      for (const [i, [name]] of cases.entries()) {
        const f = figures[i] ?? [];
        console.log(
          `| ${name} | ${cpu(f).toFixed(0)} µs | ${median(f.map((x) => x.userUs)).toFixed(0)} / ${median(f.map((x) => x.systemUs)).toFixed(0)} µs | ${ms(median(f.map((x) => x.wall.p50)))} / ${ms(median(f.map((x) => x.wall.p99)))} | ${(cpu(f) / floor).toFixed(2)}× |`,
        );
      }
    }
  } finally {
    await store.close();
    await unindexed.close();
    await services.dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
