import type { DataSource, EntityManager } from "typeorm";
import { withSqliteWriteLock } from "./sqlite-write-lock.js";

/**
 * Runs `work` in a transaction. TypeORM drives SQLite over one shared connection and turns a
 * second concurrent transaction into a savepoint of the first, so on SQLite transactions are
 * queued here, one at a time (together with the collaboration log's writes), and begin IMMEDIATE: a transaction that read first and wrote
 * later would otherwise fail at once (SQLITE_BUSY) when the collaboration log's own
 * connection committed in between. PostgreSQL has a pool and needs no queue.
 * Inside `work`, use insert/update/delete/query — not save/remove, which open transactions
 * of their own.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== "sqlite") return dataSource.transaction(work);
  return withSqliteWriteLock(String(dataSource.options.database), () =>
    immediateTransaction(dataSource, work),
  );
}

async function immediateTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.query("BEGIN IMMEDIATE");
  try {
    const result = await work(runner.manager);
    await runner.query("COMMIT");
    return result;
  } catch (error) {
    await runner.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
