import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupSqlite, Sqlite } from "../src/ops/sqlite-backup.js";

/**
 * Which online backup blocks writers less: SQLite's backup API in one step, or VACUUM INTO.
 * A database of `BACKUP_BENCH_MB` (default 200) MB in WAL mode; one writer appends small rows
 * (as the update log does, synchronous FULL, one commit each) as fast as it can; the latency
 * of its commits is measured with no backup running, and while each kind of backup runs.
 * `npx tsx bench/sqlite-backup.ts`
 */

const MB = Number(process.env.BACKUP_BENCH_MB ?? 200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driehoek-backup-bench-"));
const file = path.join(dir, "driehoek.sqlite");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function main() {
  const db = await Sqlite.open(file);
  await db.run("PRAGMA journal_mode = WAL");
  await db.run("PRAGMA synchronous = FULL");
  await db.run("CREATE TABLE collab_update (id INTEGER PRIMARY KEY, doc TEXT, data BLOB)");
  await db.run("CREATE TABLE conversation_document (sha256 TEXT)");
  const blob = Buffer.alloc(1000, 7);
  await db.run("BEGIN");
  for (let i = 0; i < MB * 1000; i++)
    await db.run("INSERT INTO collab_update (doc, data) VALUES (?, ?)", [`d${i % 500}`, blob]);
  await db.run("COMMIT");
  await db.run("PRAGMA wal_checkpoint(TRUNCATE)");

  const writer = await Sqlite.open(file);
  await writer.run("PRAGMA synchronous = FULL");
  await writer.run("PRAGMA busy_timeout = 5000");
  const small = Buffer.alloc(60, 1);
  const measure = async (during: () => Promise<unknown>) => {
    const latencies: number[] = [];
    let running = true;
    const writing = (async () => {
      while (running) {
        const t = performance.now();
        await writer.run("INSERT INTO collab_update (doc, data) VALUES ('live', ?)", [small]);
        latencies.push(performance.now() - t);
      }
    })();
    const started = performance.now();
    await during();
    const ms = performance.now() - started;
    running = false;
    await writing;
    latencies.sort((a, b) => a - b);
    return {
      ms: Math.round(ms),
      commits: latencies.length,
      p50: percentile(latencies, 0.5).toFixed(2),
      p99: percentile(latencies, 0.99).toFixed(2),
      max: (latencies.at(-1) ?? 0).toFixed(1),
    };
  };
  const rows: Record<string, unknown>[] = [];
  rows.push({
    backup: "none (2 s)",
    ...(await measure(() => new Promise((r) => setTimeout(r, 2000)))),
  });
  for (const method of ["backup-api", "vacuum-into", "backup-api", "vacuum-into"] as const) {
    const result = await measure(() =>
      backupSqlite({ dataDir: dir, keep: 1, method, backupDir: path.join(dir, "backups") }),
    );
    rows.push({ backup: method, ...result });
  }
  console.log(
    `SQLite online backup of a ${MB} MB database (WAL), one writer committing meanwhile:`,
  );
  console.table(rows);
  await writer.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
