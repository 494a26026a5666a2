import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabases } from "../../test/support/database.js";
import { Person } from "../modules/people/person.entity.js";
import { isUniqueViolationOf, uniqueViolation } from "./unique-violation.js";

describe.each(testDatabases())("a unique index's refusal on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());

  const person = (email: string): Person => ({
    id: randomUUID(),
    name: "Eva Jansen",
    email,
    passwordHash: null,
    role: "bpv_begeleider",
    companyId: null,
    createdAt: new Date("2026-01-05T08:00:00.000Z"),
  });

  it("names the table and column the index refused", async () => {
    const dataSource = await opened.dataSource();
    await dataSource.manager.insert(Person, person("eva@school.test"));
    const refused = await dataSource.manager.insert(Person, person("eva@school.test")).then(
      () => null,
      (error: unknown) => error,
    );
    expect(uniqueViolation(refused)).toEqual({ table: "person", columns: ["person.email"] });
    expect(isUniqueViolationOf(refused, "person.email")).toBe(true);
    expect(isUniqueViolationOf(refused, "student.student_number")).toBe(false);
  });

  it("is null for every other error", async () => {
    const dataSource = await opened.dataSource();
    const failed = await dataSource.query("SELECT no_such_column FROM person").then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).not.toBeNull();
    expect(uniqueViolation(failed)).toBeNull();
    expect(uniqueViolation(new Error("Er ging iets mis"))).toBeNull();
    expect(uniqueViolation(undefined)).toBeNull();
  });
});
