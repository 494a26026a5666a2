import sqlite3 from "sqlite3";
import { KeptStatements } from "../db/kept-statements.js";
import { withSqliteWriteLock } from "../db/sqlite-write-lock.js";
import type { Fold, LogEntry, StoredDocument, UpdateStore } from "./store.js";

// SQLite allows 32766 bound values per statement; 3 per row.
const ROWS_PER_INSERT = 5000;
// Batches of up to this many rows (all but a backlog's) reuse a prepared INSERT: at 600
// conversations a commit takes about 15 rows, and preparing a statement of that size anew cost
// each such commit a sixth more CPU (`npm run bench:commit-floor`, decision 0011).
const PREPARED_ROWS = 64;

type Row = Record<string, unknown>;

/**
 * The update log in the SQLite file, on a connection of its own: TypeORM shares one connection
 * for everything else, and a log append must never become part of someone else's transaction.
 * Work is queued, so a compaction's transaction is never interleaved with an append.
 */
export class SqliteUpdateStore implements UpdateStore {
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Statements of the hot path (BEGIN, COMMIT, INSERTs of 1..PREPARED_ROWS rows, the projection's
   * text runs), prepared once and kept: creating a Statement per call was most of the log's
   * main-thread cost.
   */
  private readonly kept: KeptStatements;

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly file: string,
  ) {
    this.kept = new KeptStatements(db);
  }

  /** Opens the store on the database file; `synchronous` FULL syncs every commit to disk. */
  static async open(
    file: string,
    synchronous: "FULL" | "NORMAL" = "FULL",
  ): Promise<SqliteUpdateStore> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (error) =>
        error ? reject(error) : resolve(opened),
      );
    });
    const store = new SqliteUpdateStore(db, file);
    await store.run("PRAGMA journal_mode = WAL");
    await store.run(`PRAGMA synchronous = ${synchronous}`);
    await store.run("PRAGMA busy_timeout = 5000");
    return store;
  }

  private run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, (e) => (e ? reject(e) : resolve())),
    );
  }

  /** Runs `sql` on a statement prepared once and kept. */
  private runPrepared(sql: string, params: unknown[] = []): Promise<void> {
    return this.kept.runAsync(sql, params);
  }

  private all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (e, rows: Row[]) => (e ? reject(e) : resolve(rows))),
    );
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private transaction<T>(work: () => Promise<T>): Promise<T> {
    return withSqliteWriteLock(this.file, () => this.immediate(work), "urgent");
  }

  private async immediate<T>(work: () => Promise<T>): Promise<T> {
    await this.runPrepared("BEGIN IMMEDIATE");
    try {
      const result = await work();
      await this.runPrepared("COMMIT");
      return result;
    } catch (error) {
      await this.run("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  append(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const at = new Date().toISOString();
    const insert = (chunk: readonly LogEntry[]) =>
      (chunk.length <= PREPARED_ROWS ? this.runPrepared : this.run).call(
        this,
        `INSERT INTO collab_update (doc_name, data, created_at) VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`,
        chunk.flatMap((e) => [
          e.docName,
          Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength),
          at,
        ]),
      );
    // One statement is its own transaction: a group commit of up to ROWS_PER_INSERT entries is
    // one call and one trip to the thread pool, not three (BEGIN, INSERT, COMMIT).
    if (entries.length <= ROWS_PER_INSERT)
      return this.serial(() => withSqliteWriteLock(this.file, () => insert(entries), "urgent"));
    return this.serial(() =>
      this.transaction(async () => {
        for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
          await insert(entries.slice(i, i + ROWS_PER_INSERT));
        }
      }),
    );
  }

  load(docName: string): Promise<StoredDocument> {
    return this.serial(() =>
      this.transaction(async () => {
        const [snapshot] = await this.all(
          "SELECT data, upto_id FROM collab_snapshot WHERE doc_name = ?",
          [docName],
        );
        const uptoId = Number(snapshot?.upto_id ?? 0);
        const rows = await this.all(
          "SELECT id, data FROM collab_update WHERE doc_name = ? AND id > ? ORDER BY id",
          [docName, uptoId],
        );
        return {
          snapshot: snapshot ? new Uint8Array(snapshot.data as Buffer) : null,
          updates: rows.map((r) => new Uint8Array(r.data as Buffer)),
          lastId: rows.length ? Number(rows[rows.length - 1]?.id) : uptoId,
        };
      }),
    );
  }

  /**
   * One writer at a time commits to the file and draws its ids, so the ids follow the commits:
   * everything up to the newest id read is what was read, and the log is replaced up to it.
   */
  async compact(docName: string, fold: Fold): Promise<number> {
    const stored = await this.load(docName);
    if (stored.updates.length === 0) return 0;
    await this.replaceUpTo(docName, fold(stored), stored.lastId);
    return stored.updates.length;
  }

  private replaceUpTo(docName: string, snapshot: Uint8Array, uptoId: number): Promise<void> {
    return this.serial(() =>
      this.transaction(async () => {
        await this.run(
          `INSERT INTO collab_snapshot (doc_name, data, upto_id, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data, upto_id = excluded.upto_id, updated_at = excluded.updated_at
           WHERE collab_snapshot.upto_id < excluded.upto_id`,
          [docName, Buffer.from(snapshot), uptoId, new Date().toISOString()],
        );
        await this.run("DELETE FROM collab_update WHERE doc_name = ? AND id <= ?", [
          docName,
          uptoId,
        ]);
      }),
    );
  }

  /**
   * Runs one of the projection's own statements (projection-text-runs.ts) on the log's
   * connection, prepared once and kept; a write in a turn of the file's write lock, after the
   * log's work queued before it. On TypeORM's connection every such write made SQLite drop the
   * log connection's whole page cache (a connection that finds the file changed by another
   * reads every page again), and each log commit did the same to the projection's next
   * statement (decision 0011, twelfth round).
   */
  statement(sql: string, params: unknown[], writes: boolean): Promise<Row[]> {
    const run = () => this.kept.allAsync(sql, params);
    return this.serial(() => (writes ? withSqliteWriteLock(this.file, run) : run()));
  }

  async countUpdates(docName: string): Promise<number> {
    const rows = await this.serial(() =>
      this.all(
        `SELECT COUNT(*) AS n FROM collab_update WHERE doc_name = ?
         AND id > COALESCE((SELECT upto_id FROM collab_snapshot WHERE doc_name = ?), 0)`,
        [docName, docName],
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }

  close(): Promise<void> {
    return this.serial(async () => {
      await this.kept.finalizeAll();
      await new Promise<void>((resolve, reject) =>
        this.db.close((e) => (e ? reject(e) : resolve())),
      );
    });
  }
}
