/**
 * Micro-benchmark of node-sqlite3's trace mode on the update log's write pattern (one
 * BEGIN IMMEDIATE / multi-row INSERT / COMMIT per group commit), in three set-ups, each in a
 * fresh process because `verbose()` cannot be undone:
 *   plain         never calls verbose()
 *   verbose       verbose() before opening (as TypeORM did)
 *   own-before    the log's connection opened first, verbose() afterwards (TypeORM opening later)
 *
 *   tsx bench/sqlite-trace.ts [commits] [rows per commit]
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sqlite3 from "sqlite3";

const MODES = ["plain", "verbose", "own-before"] as const;
type Mode = (typeof MODES)[number];

async function measure(mode: Mode, commits: number, rows: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-trace-"));
  if (mode === "verbose") sqlite3.verbose();
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dir, "t.sqlite"), (e) =>
      e ? reject(e) : resolve(opened),
    );
  });
  if (mode === "own-before") sqlite3.verbose();
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
  await run("PRAGMA journal_mode = WAL");
  // CPU of the calls, not of the disk: no syncs.
  await run("PRAGMA synchronous = OFF");
  await run(
    "CREATE TABLE collab_update (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_name TEXT, data BLOB, created_at TEXT)",
  );
  const update = Buffer.alloc(40, 7);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let c = 0; c < commits; c++) {
    const at = new Date().toISOString();
    await run("BEGIN IMMEDIATE");
    await run(
      `INSERT INTO collab_update (doc_name, data, created_at) VALUES ${Array(rows).fill("(?, ?, ?)").join(", ")}`,
      Array.from({ length: rows }, (_, i) => [`doc-${i}`, update, at]).flat(),
    );
    await run("COMMIT");
  }
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${mode.padEnd(11)} ${commits} commits × ${rows} rows: ${wall.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${((cpuMs * 1000) / commits).toFixed(0)} µs per commit, ${((cpuMs * 1000) / (commits * rows)).toFixed(1)} µs per row)`,
  );
  db.close();
  fs.rmSync(dir, { recursive: true });
}

const [mode, commitsArg, rowsArg] = process.argv.slice(2);
if (MODES.includes(mode as Mode)) {
  await measure(mode as Mode, Number(commitsArg), Number(rowsArg));
} else {
  const commits = String(Number(process.argv[2] ?? 2000));
  const rows = String(Number(process.argv[3] ?? 10));
  const self = fileURLToPath(import.meta.url);
  for (const m of MODES) {
    await new Promise<void>((resolve) =>
      fork(self, [m, commits, rows], { execArgv: ["--import", "tsx"] }).on("exit", () => resolve()),
    );
  }
}
