import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { type BackupMethod, backupSqlite } from "../ops/sqlite-backup.js";

/**
 * `npm run backup [-- --keep 14] [--method backup-api|vacuum-into]`: a consistent online
 * backup of the embedded SQLite database and the uploaded documents into one file in
 * DATA_DIR/backups/, while the server runs; keeps the newest BACKUP_KEEP (default 14).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      keep: { type: "string" },
      method: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
  });
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      "DATABASE_URL is set: back up PostgreSQL with pg_dump or pg_basebackup (docs/OPERATIONS.md, Backups).",
    );
    return 2;
  }
  const keep = Number(values.keep ?? process.env.BACKUP_KEEP ?? 14);
  if (!Number.isInteger(keep) || keep < 1) {
    console.error(`--keep / BACKUP_KEEP must be a whole number of at least 1, got "${keep}"`);
    return 2;
  }
  const method = (values.method ?? "backup-api") as BackupMethod;
  if (method !== "backup-api" && method !== "vacuum-into") {
    console.error('--method is "backup-api" (default) or "vacuum-into"');
    return 2;
  }
  const result = await backupSqlite({
    dataDir: config.dataDir,
    backupDir: values.out,
    keep,
    method,
  });
  console.log(`Backup: ${result.file}`);
  console.log(
    `${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.documents} documents; copy ${Math.round(result.copyMs)} ms, total ${Math.round(result.totalMs)} ms (${method}); integrity ok`,
  );
  for (const old of result.removed) console.log(`Removed (BACKUP_KEEP=${keep}): ${old}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      "backup is mislukt / backup failed:",
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  },
);
