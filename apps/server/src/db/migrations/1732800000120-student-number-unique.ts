import { randomUUID } from "node:crypto";
import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * A studentnummer belongs to one student: it is how the roster import finds a student
 * (decision 0016). The admin's edit checked that a new number was free, but two admins giving
 * one number to two students at the same moment both found it free; now a unique index refuses
 * the second, and the edit answers it as the check does ("is al in gebruik bij een andere
 * student").
 *
 * A database may already hold a number twice. The student whose person was made first keeps it
 * (with a roster import, the one the file has named longest); each other one gets the number
 * with `-2`, `-3`… after it (shortened to fit the column), which the admin sees in the student
 * list and corrects there, and the next roster preview lists as missing. Each change is
 * written to the audit log with the number it had.
 */
const MAX_LENGTH = 20;

/** The index the entity declares (TypeORM names it from the table and column). */
const index = () => new TableIndex({ columnNames: ["student_number"], isUnique: true });

export class StudentNumberUnique1732800000120 implements MigrationInterface {
  name = "StudentNumberUnique1732800000120";

  async up(runner: QueryRunner): Promise<void> {
    await renumberDuplicates(runner);
    await runner.createIndex("student", index());
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = await runner.getTable("student");
    const unique = table?.indices.find(
      (i) => i.isUnique && i.columnNames.length === 1 && i.columnNames[0] === "student_number",
    );
    if (unique) await runner.dropIndex("student", unique);
  }
}

async function renumberDuplicates(runner: QueryRunner): Promise<void> {
  const isPostgres = runner.connection.options.type === "postgres";
  const sql = (text: string) => (isPostgres ? text : text.replace(/\$\d+/g, "?"));
  const doubled: { number: string }[] = await runner.query(
    `SELECT student_number AS number FROM student
       GROUP BY student_number HAVING COUNT(*) > 1 ORDER BY student_number`,
  );
  const now = new Date().toISOString();
  for (const { number } of doubled) {
    const students: { id: string }[] = await runner.query(
      sql(`SELECT s.id FROM student s JOIN person p ON p.id = s.person_id
             WHERE s.student_number = $1 ORDER BY p.created_at, s.id`),
      [number],
    );
    let suffix = 2;
    for (const { id } of students.slice(1)) {
      let renumbered: string;
      do {
        const tail = `-${suffix++}`;
        renumbered = `${number.slice(0, MAX_LENGTH - tail.length)}${tail}`;
      } while (
        (await runner.query(sql("SELECT id FROM student WHERE student_number = $1"), [renumbered]))
          .length > 0
      );
      await runner.query(sql("UPDATE student SET student_number = $1 WHERE id = $2"), [
        renumbered,
        id,
      ]);
      await runner.query(
        sql(`INSERT INTO audit_entry (id, at, actor_id, action, subject_type, subject_id, detail)
               VALUES ($1, $2, NULL, 'student.renumbered', 'student', $3, $4)`),
        [
          randomUUID(),
          now,
          id,
          JSON.stringify({ from: number, to: renumbered, reason: "studentnummer_twice" }),
        ],
      );
    }
  }
}
