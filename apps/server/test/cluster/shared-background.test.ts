import { schoolToday } from "@driehoek/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifAdvisoryLockFree, withAdvisoryLock } from "../../src/db/advisory-lock.js";
import { ensureFrequencyJudged } from "../../src/modules/placement/frequency-state.js";
import { applyRetention, RetentionBusyError } from "../../src/modules/retention/retention.js";
import { buildSchool } from "../support/factories.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { testPostgresUrl } from "./processes.js";

/*
 * Background work that several processes on one PostgreSQL database must do once takes an
 * advisory lock (docs/decisions/0013-background-work-once.md). Here another process is played
 * by a connection of the test's own that holds the lock; the mail outbox's SKIP LOCKED claim
 * is proven with three real processes in shared-cluster.test.ts.
 */

const postgresUrl = testPostgresUrl("shared-background.test.ts");

/** Whether `work` is still pending after `ms`. */
async function isStillWaiting(work: Promise<unknown>, ms = 300): Promise<boolean> {
  const tick = new Promise((r) => setTimeout(() => r("waiting"), ms));
  return (await Promise.race([work.then(() => "done"), tick])) === "waiting";
}

describe.skipIf(!postgresUrl)(
  "background work on a PostgreSQL database shared by processes",
  () => {
    let server: TestServer;
    let other: pg.Client;
    const lock = (name: string) => other.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    const unlock = (name: string) => other.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);

    beforeAll(async () => {
      server = await startTestServer("postgres");
      await buildSchool(server.services);
      other = new pg.Client({ connectionString: server.database.options.databaseUrl });
      await other.connect();
    });
    afterAll(async () => {
      await other?.end();
      await server?.close();
    });

    it("lets one retention run at a time: a second one removes nothing and says why", async () => {
      const policy = { conversationDays: 1, auditDays: 1 };
      await lock("driehoek:retention");
      try {
        await expect(applyRetention(server.services, policy, false)).rejects.toBeInstanceOf(
          RetentionBusyError,
        );
        // A dry run only reads, and goes ahead.
        await expect(applyRetention(server.services, policy, true)).resolves.toBeTruthy();
      } finally {
        await unlock("driehoek:retention");
      }
      await expect(applyRetention(server.services, policy, false)).resolves.toBeTruthy();
    });

    it("makes the daily frequency refresh wait for the process doing it, then finds nothing stale", async () => {
      const { dataSource } = server.services;
      await dataSource.query("UPDATE placement_frequency SET judged_on = '2000-01-01'");
      const tomorrow = schoolToday(new Date(server.services.now().getTime() + 86_400_000));
      await lock("driehoek:frequency-refresh");
      const refresh = ensureFrequencyJudged(dataSource, tomorrow);
      try {
        expect(await isStillWaiting(refresh)).toBe(true);
        // Meanwhile the other process judges every placement for the day.
        await other.query("UPDATE placement_frequency SET judged_on = $1", [tomorrow]);
      } finally {
        await unlock("driehoek:frequency-refresh");
      }
      await refresh;
      const [row] = await dataSource.query(
        "SELECT COUNT(*) AS n FROM placement_frequency WHERE judged_on <> $1",
        [tomorrow],
      );
      expect(Number(row.n)).toBe(0);
    });

    it("holds a lock for one holder at a time and frees it when the work fails", async () => {
      const { dataSource } = server.services;
      let release: () => void = () => {};
      const held = withAdvisoryLock(
        dataSource,
        "test-lock",
        () => new Promise<void>((r) => (release = r)),
      );
      await expect
        .poll(async () => ifAdvisoryLockFree(dataSource, "test-lock", async () => 1))
        .toBeNull();
      release();
      await held;
      await expect(
        withAdvisoryLock(dataSource, "test-lock", async () => {
          throw new Error("failed");
        }),
      ).rejects.toThrow("failed");
      expect(await ifAdvisoryLockFree(dataSource, "test-lock", async () => 2)).toEqual({
        value: 2,
      });
    });
  },
);
