import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { restoreSqlite } from "../ops/sqlite-backup.js";

/**
 * `npm run restore -- <backup file> [--force]`: restores a backup made by `npm run backup` into
 * DATA_DIR, which must be empty (apart from a backups/ folder) unless --force moves what is
 * there aside. Checks the backup's and the result's integrity (`PRAGMA integrity_check`).
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error("Gebruik / usage: npm run restore -- <backup file> [--force]");
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(
      "DATABASE_URL is set: restore PostgreSQL with pg_restore (docs/OPERATIONS.md, Backups).",
    );
    return 2;
  }
  const backupFile = path.resolve(process.env.INIT_CWD || process.cwd(), file);
  const result = await restoreSqlite({ backupFile, dataDir: config.dataDir, force: values.force });
  if (result.movedAside)
    console.log(`What was in ${config.dataDir} is now in ${result.movedAside}`);
  console.log(`Restored ${backupFile} (made ${result.createdAt ?? "?"})`);
  console.log(
    `into ${result.database}, ${result.documents} documents; integrity_check: ${result.integrity}`,
  );
  console.log(`Start the server with DATA_DIR=${config.dataDir}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      "restore is mislukt / restore failed:",
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  },
);
