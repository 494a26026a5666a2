import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.js";
import { openDatabase, refreshPlannerStatistics } from "./data-source.js";

/*
 * SQLite plans a report from its statistics (`sqlite_stat1`): without them it takes every index
 * for equally selective and may read a begeleider's report through a school-wide index. The
 * server keeps them current on opening the database and daily (docs/decisions/0015).
 */
describe("SQLite planner statistics", () => {
  const opened = openTestDatabase("sqlite");
  afterAll(() => opened.close());

  const statisticsOf = async (table: string) => {
    const dataSource = await opened.dataSource();
    return (await dataSource.query("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ?", [
      table,
    ])) as { idx: string; stat: string }[];
  };

  it("a freshly migrated database has the statistics table and reads memory-mapped", async () => {
    const dataSource = await opened.dataSource();
    const tables = await dataSource.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'",
    );
    expect(tables).toHaveLength(1);
    const [mmap] = await dataSource.query("PRAGMA mmap_size");
    expect(Number(mmap.mmap_size)).toBeGreaterThan(0);
  });

  it("rows added since are measured by the next refresh, and by opening the database again", async () => {
    const dataSource = await opened.dataSource();
    const now = new Date().toISOString();
    const values = Array.from({ length: 500 }, (_, i) => [
      randomUUID(),
      `Persoon ${i}`,
      i % 50 === 0 ? "bpv_begeleider" : "student",
      now,
    ]);
    for (const row of values) {
      await dataSource.query(
        "INSERT INTO person (id, name, role, created_at) VALUES (?, ?, ?, ?)",
        row,
      );
    }
    await dataSource.query("DELETE FROM sqlite_stat1 WHERE tbl = 'person'");
    await refreshPlannerStatistics(dataSource);
    const measured = await statisticsOf("person");
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.every((row) => row.stat.startsWith("500"))).toBe(true);

    await dataSource.query("DELETE FROM sqlite_stat1 WHERE tbl = 'person'");
    const again = await openDatabase({
      dataDir: path.dirname(dataSource.options.database as string),
    });
    await again.destroy();
    expect((await statisticsOf("person")).length).toBeGreaterThan(0);
  });

  it("reads each index whole: how many rows share a value is counted, not guessed from a sample", async () => {
    const dataSource = await opened.dataSource();
    // 5,000 rows in two groups of 4,900 and 100: the average rows per value is 2,500. A sample
    // of 1,000 entries guessed 550, and SQLite then misjudged how few rows a value keeps.
    await dataSource.query("CREATE TABLE scratch_skew (id INTEGER PRIMARY KEY, status TEXT)");
    await dataSource.query("CREATE INDEX scratch_skew_status ON scratch_skew (status)");
    await dataSource.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
       INSERT INTO scratch_skew (status) SELECT CASE WHEN i <= 4900 THEN 'waiting' ELSE 'done' END FROM n`,
    );
    await refreshPlannerStatistics(dataSource);
    expect(await statisticsOf("scratch_skew")).toEqual([
      { idx: "scratch_skew_status", stat: "5000 2500" },
    ]);
    await dataSource.query("DROP TABLE scratch_skew");
  });
});
