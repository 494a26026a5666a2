import type pg from "pg";
import { pg as loadPg } from "../load-on-use.js";
import type { Fold, LogEntry, StoredDocument, UpdateStore } from "./store.js";

const ROWS_PER_INSERT = 5000;
/** The first key of the advisory locks that let one compaction of a document run at a time. */
const COMPACTION_LOCK_SPACE = 0x636f6d70;

/** What one transaction reads of a document: its snapshot and every entry not folded into it. */
async function readDocument(
  client: pg.PoolClient,
  docName: string,
): Promise<StoredDocument & { ids: string[] }> {
  const snapshot = await client.query(
    "SELECT data, upto_id FROM collab_snapshot WHERE doc_name = $1",
    [docName],
  );
  const uptoId = Number(snapshot.rows[0]?.upto_id ?? 0);
  const rows = await client.query(
    "SELECT id, data FROM collab_update WHERE doc_name = $1 ORDER BY id",
    [docName],
  );
  const ids: string[] = rows.rows.map((r) => String(r.id));
  return {
    snapshot: snapshot.rows[0] ? new Uint8Array(snapshot.rows[0].data) : null,
    updates: rows.rows.map((r) => new Uint8Array(r.data)),
    lastId: ids.length > 0 ? Math.max(uptoId, Number(ids[ids.length - 1])) : uptoId,
    ids,
  };
}

/**
 * The update log in PostgreSQL, on a small pool of its own. A commit waits for the WAL flush.
 * Several processes append to it at once, and an id is drawn when a row is inserted, not when
 * it is committed: a row can become visible after rows with higher ids. So the log is never
 * cut at an id: a compaction deletes exactly the rows it folded, and a load reads every row
 * left beside the snapshot.
 */
export class PostgresUpdateStore implements UpdateStore {
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    this.pool = new (loadPg().Pool)({ connectionString, max: 4 });
  }

  private async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    isolation = "READ COMMITTED",
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  append(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const at = new Date().toISOString();
    return this.transaction(async (client) => {
      for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
        const chunk = entries.slice(i, i + ROWS_PER_INSERT);
        const values = chunk
          .map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`)
          .join(", ");
        await client.query(
          `INSERT INTO collab_update (doc_name, data, created_at) VALUES ${values}`,
          chunk.flatMap((e) => [
            e.docName,
            Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength),
            at,
          ]),
        );
      }
    });
  }

  load(docName: string): Promise<StoredDocument> {
    // One snapshot of the database for both reads, so a concurrent compaction cannot split them.
    return this.transaction(async (client) => {
      const { ids: _, ...stored } = await readDocument(client, docName);
      return stored;
    }, "REPEATABLE READ");
  }

  /**
   * One compaction of a document at a time (an advisory lock, across processes), which reads
   * the document as committed now and deletes the rows it read, and no other.
   */
  compact(docName: string, fold: Fold): Promise<number> {
    return this.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        COMPACTION_LOCK_SPACE,
        docName,
      ]);
      const stored = await readDocument(client, docName);
      if (stored.ids.length === 0) return 0;
      await client.query(
        `INSERT INTO collab_snapshot (doc_name, data, upto_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data, upto_id = excluded.upto_id, updated_at = excluded.updated_at`,
        [docName, Buffer.from(fold(stored)), stored.lastId, new Date().toISOString()],
      );
      await client.query(
        "DELETE FROM collab_update WHERE doc_name = $1 AND id = ANY($2::bigint[])",
        [docName, stored.ids],
      );
      return stored.ids.length;
    });
  }

  async countUpdates(docName: string): Promise<number> {
    const result = await this.pool.query(
      "SELECT COUNT(*) AS n FROM collab_update WHERE doc_name = $1",
      [docName],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
