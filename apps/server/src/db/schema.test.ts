import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabases } from "../../test/support/database.js";

describe.each(testDatabases())("schema on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());

  it("the migrations build exactly the schema the entities describe", async () => {
    const dataSource = await opened.dataSource();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("has every table", async () => {
    const dataSource = await opened.dataSource();
    const runner = dataSource.createQueryRunner();
    try {
      for (const table of ["person", "placement", "conversation", "agreement", "audit_entry"]) {
        expect(await runner.hasTable(table)).toBe(true);
      }
    } finally {
      await runner.release();
    }
  });
});
