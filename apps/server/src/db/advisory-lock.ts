import type { DataSource } from "typeorm";

/*
 * Background work that several server processes on one PostgreSQL database must not do at the
 * same time (docs/decisions/0013-background-work-once.md) holds a PostgreSQL advisory lock,
 * named by a text key (hashed to the lock's number by the database). The lock belongs to the
 * session that took it, so it is held on a connection of its own for the whole run and goes
 * with that connection if the process dies. On SQLite there is one process: the work runs.
 */

/** Runs `work` holding the lock `name`, after waiting for any process that holds it now. */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const result = await underLock(dataSource, name, "wait", work);
  return (result as { value: T }).value;
}

/**
 * Runs `work` holding the lock `name` when no process holds it; null without running it when
 * another does (it is doing this work now).
 */
export async function ifAdvisoryLockFree<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<{ value: T } | null> {
  return underLock(dataSource, name, "try", work);
}

async function underLock<T>(
  dataSource: DataSource,
  name: string,
  mode: "wait" | "try",
  work: () => Promise<T>,
): Promise<{ value: T } | null> {
  if (dataSource.options.type !== "postgres") return { value: await work() };
  const key = `driehoek:${name}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (mode === "wait") {
      await runner.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    } else {
      const [row] = await runner.query("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [
        key,
      ]);
      if (!row?.locked) return null;
    }
    try {
      return { value: await work() };
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
    }
  } finally {
    await runner.release();
  }
}
