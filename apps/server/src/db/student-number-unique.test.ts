import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabases } from "../../test/support/database.js";
import { AuditEntry } from "../modules/audit/audit-entry.entity.js";
import { Person } from "../modules/people/person.entity.js";
import { Programme } from "../modules/school/programme.entity.js";
import { Student } from "../modules/school/student.entity.js";

/*
 * Migration 1732800000120 gives the studentnummer a unique index. A database that already holds
 * a number twice (two admins gave it at the same moment) is migrated too: the student whose
 * person was made first keeps it, each other one gets it with `-2`, `-3`… (audit-logged), and
 * nothing is lost.
 */
describe.each(testDatabases())("one student per studentnummer on %s", (kind) => {
  const opened = openTestDatabase(kind);
  afterAll(() => opened.close());

  it("renumbers the students that share a number, keeps the first, and then refuses a second", async () => {
    const dataSource = await opened.dataSource();
    // Back to the schema before 1732800000120 (and any migration after it).
    for (;;) {
      const [last] = await dataSource.query("SELECT name FROM migrations ORDER BY id DESC LIMIT 1");
      await dataSource.undoLastMigration({ transaction: "each" });
      if (last?.name === "StudentNumberUnique1732800000120") break;
    }
    const programmeId = randomUUID();
    await dataSource.manager.insert(Programme, {
      id: programmeId,
      crebo: "25604",
      name: "Software developer",
      level: 4,
    });
    const students: { id: string; number: string; made: string }[] = [
      { id: randomUUID(), number: "700001", made: "2025-09-03T08:00:00.000Z" },
      { id: randomUUID(), number: "700001", made: "2025-09-01T08:00:00.000Z" },
      { id: randomUUID(), number: "700001", made: "2025-09-02T08:00:00.000Z" },
      { id: randomUUID(), number: "700001-2", made: "2025-09-04T08:00:00.000Z" },
      { id: randomUUID(), number: "12345678901234567890", made: "2025-09-01T08:00:00.000Z" },
      { id: randomUUID(), number: "12345678901234567890", made: "2025-09-02T08:00:00.000Z" },
      { id: randomUUID(), number: "700002", made: "2025-09-01T08:00:00.000Z" },
    ];
    for (const { id, number, made } of students) {
      const personId = randomUUID();
      await dataSource.manager.insert(Person, {
        id: personId,
        name: `Student ${id.slice(0, 8)}`,
        email: null,
        passwordHash: null,
        role: "student",
        companyId: null,
        createdAt: new Date(made),
      });
      await dataSource.manager.insert(Student, {
        id,
        personId,
        programmeId,
        studentNumber: number,
        cohort: "2025-2026",
        birthDate: null,
        trajectbegeleiderId: null,
      });
    }

    await dataSource.runMigrations({ transaction: "each" });

    const numbers = await Promise.all(
      students.map(
        async ({ id }) => (await dataSource.manager.findOneByOrFail(Student, { id })).studentNumber,
      ),
    );
    expect(numbers).toEqual([
      "700001-4",
      "700001",
      "700001-3",
      "700001-2",
      "12345678901234567890",
      "123456789012345678-2",
      "700002",
    ]);
    const audited = await dataSource.manager.findBy(AuditEntry, { action: "student.renumbered" });
    expect(audited.map((a) => [a.subjectId, JSON.parse(a.detail ?? "{}").from]).sort()).toEqual(
      [
        [students[0]?.id, "700001"],
        [students[2]?.id, "700001"],
        [students[5]?.id, "12345678901234567890"],
      ].sort(),
    );
    await expect(
      dataSource.manager.update(Student, { id: students[6]?.id }, { studentNumber: "700001" }),
    ).rejects.toThrow();
  });
});
