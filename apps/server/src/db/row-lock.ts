import type { EntityManager } from "typeorm";

/**
 * Takes the write lock on conversation `id`'s row for the rest of `tx`'s transaction, so that
 * two requests changing one conversation (moving and cancelling it, two akkoorden, two talk
 * batches) take turns: the second reads what the first committed. On PostgreSQL that is a row
 * lock (`FOR UPDATE`); on SQLite transactions already run one at a time (db/transaction.ts).
 * Returns false when the conversation is not there (any more).
 */
export async function lockConversation(tx: EntityManager, id: string): Promise<boolean> {
  if (tx.connection.options.type !== "postgres") return true;
  const rows: unknown[] = await tx.query("SELECT id FROM conversation WHERE id = $1 FOR UPDATE", [
    id,
  ]);
  return rows.length > 0;
}
