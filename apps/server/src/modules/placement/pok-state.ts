import type { DataSource, EntityManager } from "typeorm";
import { withAdvisoryLock } from "../../db/advisory-lock.js";
import { judgePok } from "../../db/migrations/1732800000140-pok-state.js";
import { inTransaction } from "../../db/transaction.js";

/*
 * The POK's state per placement (`pok_state`, migration 1732800000140; docs/decisions/0015) is
 * kept by the database's triggers for the day in `pok_state_day`. The day moves on here: set the
 * new day (not ready: the report judges every placement itself meanwhile), judge every placement
 * in batches, then mark the day ready. The server does this on start-up and on each new school
 * day, with the frequency verdicts (`startFrequencyClock`).
 */

/** Placements judged per transaction: a short turn of SQLite's writer each. */
const BATCH = 1000;

/**
 * How long a batch waits for a placement another transaction writes (PostgreSQL) before it
 * gives way and starts again: well before PostgreSQL looks for deadlocks (after 1 s), so that a
 * write holding one placement of the batch and waiting for another the batch holds goes on.
 */
const GIVE_WAY_AFTER_MS = 200;

/** PostgreSQL's codes for a lock not granted in time and for a deadlock. */
const GAVE_WAY = new Set(["55P03", "40P01"]);

/** Runs `batch`, again after a pause each time it gave way to a write (at most 20 times). */
async function givingWay(batch: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await batch();
      return;
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (!GAVE_WAY.has(code ?? "") || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** Whether every placement's kept POK state is of `today`: only then the reports read it. */
export async function pokStateReady(dataSource: DataSource, today: string): Promise<boolean> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(
    "SELECT 1 AS ready FROM pok_state_day WHERE day = :today AND ready = 1",
    { today },
    {},
  );
  return (await dataSource.query(query, values)).length > 0;
}

/**
 * Judges every placement's POK for `today` unless that is done; returns how many placements
 * were judged (0 when the day was ready). Server processes sharing a PostgreSQL database take
 * turns: the first judges, the others then find the day ready.
 */
export async function judgePokState(dataSource: DataSource, today: string): Promise<number> {
  if (await pokStateReady(dataSource, today)) return 0;
  return withAdvisoryLock(dataSource, "pok-state", async () => {
    if (await pokStateReady(dataSource, today)) return 0;
    const postgres = dataSource.options.type === "postgres";
    const run = (manager: EntityManager, sql: string, parameters: Record<string, unknown>) => {
      const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
      return manager.query(query, values);
    };
    // From here every write judges with the new day; the reports wait for it to be ready.
    await inTransaction(dataSource, (tx) =>
      run(tx, "UPDATE pok_state_day SET day = :today, ready = 0", { today }),
    );
    const ids: string[] = (await dataSource.query("SELECT id FROM placement ORDER BY id")).map(
      (row: { id: string }) => row.id,
    );
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = { from: ids[i], to: ids[Math.min(i + BATCH, ids.length) - 1] };
      await givingWay(() =>
        inTransaction(dataSource, async (tx) => {
          if (postgres) await tx.query(`SET LOCAL lock_timeout = '${GIVE_WAY_AFTER_MS}ms'`);
          await run(tx, judgePok("p.id >= :from AND p.id <= :to", postgres), batch);
        }),
      );
    }
    await inTransaction(dataSource, (tx) =>
      run(tx, "UPDATE pok_state_day SET ready = 1 WHERE day = :today", { today }),
    );
    return ids.length;
  });
}
