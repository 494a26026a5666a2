import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sqlite3 from "sqlite3";
import { sqliteFile } from "../db/data-source.js";

/**
 * Online backups of the embedded SQLite database, and restoring them (docs/OPERATIONS.md,
 * docs/decisions/0012-sqlite-online-backup.md).
 *
 * A backup is one SQLite file, `DATA_DIR/backups/driehoek-<UTC time>.sqlite`: a consistent copy
 * of the live database made by SQLite itself (the online backup API, or `VACUUM INTO`), never a
 * file copy, plus two tables of its own: `backup_file` holds the bytes of every uploaded
 * document the copy refers to, `backup_info` what was copied when. Restoring unpacks the
 * documents into `DATA_DIR/documents/` and drops both tables again.
 */

/** How the copy of the live database is made. */
export type BackupMethod = "backup-api" | "vacuum-into";

/** The backup API's handle (node-sqlite3 has no typings for it). */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback?: (error: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}

type Row = Record<string, unknown>;

/** A small promise wrapper around one node-sqlite3 connection. */
export class Sqlite {
  private constructor(readonly db: sqlite3.Database) {}

  static open(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Sqlite> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (error) =>
        error ? reject(error) : resolve(new Sqlite(db)),
      );
    });
  }

  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, (error) => (error ? reject(error) : resolve())),
    );
  }

  all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (error, rows: Row[]) => (error ? reject(error) : resolve(rows))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** `PRAGMA integrity_check`: "ok", or SQLite's list of what is wrong. */
  async integrityCheck(): Promise<string> {
    const rows = await this.all("PRAGMA integrity_check");
    return rows.map((r) => String(Object.values(r)[0])).join("; ");
  }

  /**
   * Copies the whole database with SQLite's online backup API in one step: one read
   * transaction, so in WAL mode writers go on meanwhile and the copy is the database as it
   * was when the step began (stepping in small pieces would restart on every write).
   */
  backupTo(file: string): Promise<void> {
    const backup = (
      this.db as unknown as { backup(file: string, cb: (e: Error | null) => void): SqliteBackup }
    ).backup(file, () => undefined);
    return new Promise((resolve, reject) => {
      const step = () =>
        backup.step(-1, (error) => {
          if (error) return backup.finish(() => reject(error));
          if (backup.completed) return backup.finish((e) => (e ? reject(e) : resolve()));
          if (backup.failed) return backup.finish(() => reject(new Error("backup failed")));
          setTimeout(step, 5);
        });
      step();
    });
  }
}

/** `driehoek-20261204T043512Z`-style name part for a moment. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => /^driehoek-\d{8}T\d{6}Z(-\d+)?\.sqlite$/.test(n))
    .map((n) => ({ file: path.join(dir, n), at: fs.statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file, "en", { numeric: true }))
    .map((b) => b.file);
}

export interface BackupOptions {
  dataDir: string;
  /** Where backups go; default DATA_DIR/backups. */
  backupDir?: string;
  /** How many backups to keep (older ones are removed after a successful backup). */
  keep: number;
  method?: BackupMethod;
  now?: Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  documents: number;
  /** Ms the copy of the database took (the part that reads the live database). */
  copyMs: number;
  totalMs: number;
  removed: string[];
}

const DOCUMENT_NAME = /^[0-9a-f]{64}$/;

/** Takes a consistent online backup of the SQLite database and the uploaded documents. */
export async function backupSqlite(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const source = sqliteFile(options.dataDir);
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  const backupDir = options.backupDir ?? path.join(options.dataDir, "backups");
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = backupStamp(options.now ?? new Date());
  let file = path.join(backupDir, `driehoek-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++)
    file = path.join(backupDir, `driehoek-${stamp}-${n}.sqlite`);
  const partial = `${file}.part`;
  const documentsDir = path.join(options.dataDir, "documents");

  // Documents first: hard links (or copies) of every stored file, so a file that retention
  // deletes while the database is copied is still at hand when the copy refers to it.
  const staging = `${partial}.documents`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const name of fs.existsSync(documentsDir) ? fs.readdirSync(documentsDir) : []) {
      if (!DOCUMENT_NAME.test(name)) continue;
      try {
        fs.linkSync(path.join(documentsDir, name), path.join(staging, name));
      } catch {
        fs.copyFileSync(path.join(documentsDir, name), path.join(staging, name));
      }
    }

    const copyStarted = performance.now();
    const live = await Sqlite.open(source, sqlite3.OPEN_READWRITE);
    try {
      await live.run("PRAGMA busy_timeout = 5000");
      if (options.method === "vacuum-into") await live.run("VACUUM INTO ?", [partial]);
      else await live.backupTo(partial);
    } finally {
      await live.close();
    }
    const copyMs = performance.now() - copyStarted;

    const copy = await Sqlite.open(partial);
    let documents = 0;
    try {
      // One file, no -wal beside it.
      await copy.run("PRAGMA journal_mode = DELETE");
      await copy.run("CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      await copy.run(
        "CREATE TABLE backup_file (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes BLOB NOT NULL)",
      );
      const referenced = await copy.all("SELECT DISTINCT sha256 FROM conversation_document");
      const missing: string[] = [];
      await copy.run("BEGIN");
      for (const row of referenced) {
        const name = String(row.sha256);
        const candidates = [path.join(documentsDir, name), path.join(staging, name)];
        const found = candidates.find((c) => fs.existsSync(c));
        if (!DOCUMENT_NAME.test(name) || !found) {
          missing.push(name);
          continue;
        }
        const bytes = fs.readFileSync(found);
        await copy.run("INSERT INTO backup_file (name, sha256, bytes) VALUES (?, ?, ?)", [
          `documents/${name}`,
          createHash("sha256").update(bytes).digest("hex"),
          bytes,
        ]);
        documents += 1;
      }
      const info: [string, string][] = [
        ["format", "driehoek-sqlite-backup/1"],
        ["created_at", (options.now ?? new Date()).toISOString()],
        ["method", options.method ?? "backup-api"],
        ["documents", String(documents)],
        ["missing_documents", missing.join(",")],
      ];
      for (const [key, value] of info)
        await copy.run("INSERT INTO backup_info (key, value) VALUES (?, ?)", [key, value]);
      await copy.run("COMMIT");
      if (missing.length)
        throw new Error(`Documents missing from ${documentsDir}: ${missing.join(", ")}`);
      const check = await copy.integrityCheck();
      if (check !== "ok") throw new Error(`The copy fails its integrity check: ${check}`);
    } finally {
      await copy.close();
    }
    fsyncFile(partial);
    fs.renameSync(partial, file);
    fsyncFile(backupDir);

    const removed = listBackups(backupDir).slice(Math.max(1, options.keep));
    for (const old of removed) fs.rmSync(old, { force: true });
    return {
      file,
      bytes: fs.statSync(file).size,
      documents,
      copyMs,
      totalMs: performance.now() - started,
      removed,
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface RestoreOptions {
  backupFile: string;
  dataDir: string;
  /** Restore into a data folder that already holds data (moved aside, not deleted). */
  force?: boolean;
}

export interface RestoreResult {
  database: string;
  documents: number;
  integrity: string;
  /** Where the data that was there went, with `force`. */
  movedAside: string | null;
  createdAt: string | null;
}

/** What a data folder holds apart from backups: a restore refuses to land on it. */
export function dataFolderContents(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs.readdirSync(dataDir).filter((n) => n !== "backups" && !n.startsWith("replaced-"));
}

/**
 * Restores a backup into a data folder: checks the backup's integrity, unpacks its documents
 * (checking each one's SHA-256), drops the backup's own tables and checks the result again.
 */
export async function restoreSqlite(options: RestoreOptions): Promise<RestoreResult> {
  const backupFile = path.resolve(options.backupFile);
  if (!fs.existsSync(backupFile)) throw new Error(`No backup at ${backupFile}`);
  const present = dataFolderContents(options.dataDir);
  let movedAside: string | null = null;
  if (present.length) {
    if (!options.force)
      throw new Error(
        `${options.dataDir} is not empty (${present.join(", ")}); restore into an empty folder, or add --force to move what is there aside`,
      );
    movedAside = path.join(options.dataDir, `replaced-${backupStamp(new Date())}`);
    fs.mkdirSync(movedAside, { recursive: true });
    for (const name of present)
      fs.renameSync(path.join(options.dataDir, name), path.join(movedAside, name));
  }

  const source = await Sqlite.open(backupFile, sqlite3.OPEN_READONLY);
  let createdAt: string | null = null;
  try {
    const check = await source.integrityCheck();
    if (check !== "ok") throw new Error(`The backup fails its integrity check: ${check}`);
    const info = await source.all("SELECT key, value FROM backup_info").catch(() => [] as Row[]);
    const format = info.find((r) => r.key === "format")?.value;
    if (format !== "driehoek-sqlite-backup/1")
      throw new Error(`${backupFile} is not a Driehoek backup (made by npm run backup)`);
    createdAt = String(info.find((r) => r.key === "created_at")?.value ?? "") || null;
  } finally {
    await source.close();
  }

  fs.mkdirSync(options.dataDir, { recursive: true });
  const target = sqliteFile(options.dataDir);
  const partial = `${target}.restoring`;
  fs.copyFileSync(backupFile, partial);
  const documentsDir = path.join(options.dataDir, "documents");
  fs.mkdirSync(documentsDir, { recursive: true });
  const db = await Sqlite.open(partial);
  let documents = 0;
  let integrity = "";
  let restored = false;
  try {
    for (const row of await db.all("SELECT name FROM backup_file ORDER BY name")) {
      const [file] = await db.all("SELECT sha256, bytes FROM backup_file WHERE name = ?", [
        row.name,
      ]);
      const bytes = file?.bytes as Buffer;
      const name = String(row.name).replace(/^documents\//, "");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (!DOCUMENT_NAME.test(name) || sha256 !== name || sha256 !== file?.sha256)
        throw new Error(`Document ${row.name} in the backup is damaged`);
      fs.writeFileSync(path.join(documentsDir, name), bytes);
      documents += 1;
    }
    await db.run("DROP TABLE backup_file");
    await db.run("DROP TABLE backup_info");
    await db.run("VACUUM");
    integrity = await db.integrityCheck();
    if (integrity !== "ok")
      throw new Error(`The restored database fails its integrity check: ${integrity}`);
    // As the server runs it.
    await db.run("PRAGMA journal_mode = WAL");
    restored = true;
  } finally {
    await db.close();
    if (!restored) fs.rmSync(partial, { force: true });
  }
  fsyncFile(partial);
  fs.renameSync(partial, target);
  fsyncFile(options.dataDir);
  return { database: target, documents, integrity, movedAside, createdAt };
}
