import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  type TableColumnOptions,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/*
 * Written with TypeORM's schema API so one migration builds the same schema on SQLite and
 * PostgreSQL. A test compares the result with the entities, so the two cannot drift apart.
 */

type OnDelete = "CASCADE" | "SET NULL" | "RESTRICT";
interface Ref {
  column: string;
  table: string;
  onDelete?: OnDelete;
}

const id = (): TableColumnOptions => ({
  name: "id",
  type: "varchar",
  length: "36",
  isPrimary: true,
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable,
});
const text = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: "text",
  isNullable,
});
const int = (name: string): TableColumnOptions => ({ name, type: "integer" });
const moment = (name: string, isNullable = false) => str(name, 24, isNullable);
const date = (name: string, isNullable = false) => str(name, 10, isNullable);
const ref = (name: string, isNullable = false) => str(name, 36, isNullable);

async function createTable(
  runner: QueryRunner,
  name: string,
  columns: TableColumnOptions[],
  refs: Ref[] = [],
  extraIndices: TableIndex[] = [],
): Promise<void> {
  await runner.createTable(
    new Table({
      name,
      columns,
      foreignKeys: refs.map(
        (r) =>
          new TableForeignKey({
            columnNames: [r.column],
            referencedTableName: r.table,
            referencedColumnNames: ["id"],
            onDelete: r.onDelete ?? "RESTRICT",
          }),
      ),
      indices: [...refs.map((r) => new TableIndex({ columnNames: [r.column] })), ...extraIndices],
    }),
  );
}

/** The first schema: people, school, placements with POK, conversations, agreements, audit. */
export class InitialSchema1732800000000 implements MigrationInterface {
  name = "InitialSchema1732800000000";

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, "setting", [
      { name: "key", type: "varchar", length: "60", isPrimary: true },
      text("value"),
    ]);
    await createTable(runner, "programme", [
      id(),
      str("crebo", 10),
      str("name", 200),
      int("level"),
    ]);
    await createTable(
      runner,
      "werkproces",
      [id(), ref("programme_id"), str("code", 20), str("title", 200)],
      [{ column: "programme_id", table: "programme", onDelete: "RESTRICT" }],
    );
    await createTable(runner, "company", [
      id(),
      str("name", 200),
      str("city", 100),
      str("sbb_number", 20, true),
    ]);
    await createTable(
      runner,
      "company_recognition",
      [id(), ref("company_id"), ref("programme_id"), date("valid_from"), date("valid_until", true)],
      [
        { column: "company_id", table: "company" },
        { column: "programme_id", table: "programme" },
      ],
    );
    await createTable(
      runner,
      "person",
      [
        id(),
        str("name", 200),
        str("email", 254, true),
        str("password_hash", 200, true),
        str("role", 20),
        ref("company_id", true),
        moment("created_at"),
      ],
      [{ column: "company_id", table: "company", onDelete: "SET NULL" }],
      [new TableIndex({ columnNames: ["email"], isUnique: true })],
    );
    await createTable(
      runner,
      "student",
      [
        id(),
        ref("person_id"),
        ref("programme_id"),
        str("student_number", 20),
        str("cohort", 9),
        date("birth_date", true),
        ref("trajectbegeleider_id", true),
      ],
      [
        { column: "person_id", table: "person" },
        { column: "programme_id", table: "programme" },
        { column: "trajectbegeleider_id", table: "person", onDelete: "SET NULL" },
      ],
    );
    await createTable(
      runner,
      "placement",
      [
        id(),
        ref("student_id"),
        ref("company_id"),
        ref("praktijkopleider_id"),
        ref("begeleider_id"),
        date("start_date"),
        date("end_date"),
        int("hours_per_week"),
        str("pok_number", 40),
        str("pok_status", 12),
        date("pok_start_date"),
        date("pok_end_date"),
        int("pok_hours"),
        date("pok_student_signed_at", true),
        date("pok_school_signed_at", true),
        date("pok_company_signed_at", true),
        date("pok_parent_signed_at", true),
      ],
      [
        { column: "student_id", table: "student" },
        { column: "company_id", table: "company" },
        { column: "praktijkopleider_id", table: "person" },
        { column: "begeleider_id", table: "person" },
      ],
    );
    await createTable(
      runner,
      "conversation",
      [
        id(),
        ref("placement_id"),
        moment("scheduled_at"),
        str("mode", 10),
        str("status", 10),
        str("phase", 10, true),
        str("section", 40, true),
        moment("phase_started_at", true),
        moment("section_started_at", true),
        moment("started_at", true),
        moment("ended_at", true),
        moment("signed_at", true),
        text("summary", true),
        str("conclusion", 10, true),
        text("conclusion_motivation", true),
        int("version"),
        ref("created_by_id"),
        moment("created_at"),
      ],
      [
        { column: "placement_id", table: "placement" },
        { column: "created_by_id", table: "person" },
      ],
    );
    await createTable(
      runner,
      "conversation_participant",
      [id(), ref("conversation_id"), ref("person_id"), str("role", 20)],
      [
        { column: "conversation_id", table: "conversation", onDelete: "CASCADE" },
        { column: "person_id", table: "person" },
      ],
    );
    await createTable(
      runner,
      "conversation_phase_period",
      [
        id(),
        ref("conversation_id"),
        str("phase", 10),
        moment("started_at"),
        moment("ended_at", true),
      ],
      [{ column: "conversation_id", table: "conversation", onDelete: "CASCADE" }],
    );
    await createTable(
      runner,
      "invite",
      [
        id(),
        ref("conversation_id"),
        ref("person_id"),
        str("role", 20),
        moment("expires_at"),
        moment("revoked_at", true),
        moment("last_used_at", true),
        moment("created_at"),
      ],
      [
        { column: "conversation_id", table: "conversation", onDelete: "CASCADE" },
        { column: "person_id", table: "person" },
      ],
    );
    await createTable(
      runner,
      "agreement",
      [
        id(),
        ref("conversation_id"),
        ref("reviewed_in_id", true),
        int("position"),
        text("text"),
        str("owner", 20, true),
        date("due_date", true),
        text("measure"),
        text("first_step"),
        ref("werkproces_id", true),
        str("status", 10),
        text("review_note", true),
        moment("created_at"),
        moment("updated_at"),
      ],
      [
        { column: "conversation_id", table: "conversation", onDelete: "CASCADE" },
        { column: "reviewed_in_id", table: "conversation", onDelete: "SET NULL" },
        { column: "werkproces_id", table: "werkproces" },
      ],
    );
    await createTable(
      runner,
      "particular",
      [
        id(),
        ref("conversation_id"),
        text("text"),
        ref("created_by_id"),
        moment("created_at"),
        moment("handled_at", true),
        ref("handled_by_id", true),
      ],
      [
        { column: "conversation_id", table: "conversation", onDelete: "CASCADE" },
        { column: "created_by_id", table: "person" },
        { column: "handled_by_id", table: "person", onDelete: "SET NULL" },
      ],
    );
    await createTable(
      runner,
      "audit_entry",
      [
        id(),
        moment("at"),
        ref("actor_id", true),
        str("action", 60),
        str("subject_type", 30),
        str("subject_id", 36),
        text("detail", true),
      ],
      [{ column: "actor_id", table: "person", onDelete: "SET NULL" }],
      [new TableIndex({ columnNames: ["subject_type", "subject_id"] })],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "audit_entry",
      "particular",
      "agreement",
      "invite",
      "conversation_phase_period",
      "conversation_participant",
      "conversation",
      "placement",
      "student",
      "person",
      "company_recognition",
      "company",
      "werkproces",
      "programme",
      "setting",
    ]) {
      await runner.dropTable(table);
    }
  }
}
