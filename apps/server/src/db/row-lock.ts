import type { EntityManager } from "typeorm";

/** The tables whose rows a change locks before it reads what it decides on. */
export type LockedTable = "conversation" | "placement" | "student" | "person" | "company";

/**
 * Takes the write lock on the row `id` of `table` for the rest of `tx`'s transaction, so that
 * two requests changing one row take turns: the second waits here until the first has
 * committed, and then reads what the first wrote. On PostgreSQL that is a row lock: by default
 * `FOR NO KEY UPDATE`, the lock an UPDATE of the row takes, which lets other transactions go on
 * adding rows that refer to it; `FOR UPDATE` when asked. On SQLite transactions already run one
 * at a time (db/transaction.ts) and nothing is needed. Returns false when the row is not there
 * (any more).
 */
export async function lockRow(
  tx: EntityManager,
  table: LockedTable,
  id: string,
  strength: "update" | "no key update" = "no key update",
): Promise<boolean> {
  if (tx.connection.options.type !== "postgres") return true;
  const lock = strength === "update" ? "FOR UPDATE" : "FOR NO KEY UPDATE";
  const rows: unknown[] = await tx.query(`SELECT id FROM ${table} WHERE id = $1 ${lock}`, [id]);
  return rows.length > 0;
}

/**
 * Takes the write lock on conversation `id`'s row (`FOR UPDATE`), so that two requests changing
 * one conversation (moving and cancelling it, two akkoorden, two talk batches) take turns.
 * Returns false when the conversation is not there (any more).
 */
export function lockConversation(tx: EntityManager, id: string): Promise<boolean> {
  return lockRow(tx, "conversation", id, "update");
}

/**
 * Takes the transaction-long lock named `name` (a PostgreSQL advisory lock, released when `tx`
 * commits or rolls back), for work that is not about one row: one roster import at a time, one
 * change of a stored file at a time. A transaction takes at most a few of these: PostgreSQL's
 * shared lock table holds some thousands. On SQLite transactions already run one at a time.
 */
export async function lockName(tx: EntityManager, name: string): Promise<void> {
  if (tx.connection.options.type !== "postgres") return;
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`driehoek:${name}`]);
}
