import { type MigrationInterface, type QueryRunner, Table, TableColumn } from "typeorm";

/**
 * school_calendar: the school's leerwerkperiodes and holidays per school year; and in
 * placement_frequency what the reports show of the verdict by window: whether the placement is
 * still current and the date proposed for its next conversation. Verdicts are judged again on
 * start-up (judged_on is cleared), so every row gets the new columns' values.
 */
export class SchoolCalendar1732800000030 implements MigrationInterface {
  name = "SchoolCalendar1732800000030";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "school_calendar",
        columns: [
          { name: "school_year", type: "integer", isPrimary: true },
          { name: "periods", type: "text" },
          { name: "holidays", type: "text" },
          { name: "updated_at", type: "varchar", length: "24" },
        ],
      }),
    );
    await runner.addColumns("placement_frequency", [
      // Written as SQLite and PostgreSQL each print a true default, so the schema check agrees.
      new TableColumn({
        name: "is_current",
        type: "boolean",
        default: runner.connection.options.type === "postgres" ? true : 1,
      }),
      new TableColumn({ name: "proposed_date", type: "varchar", length: "10", isNullable: true }),
    ]);
    await runner.query(`UPDATE placement_frequency SET judged_on = '0000-00-00'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn("placement_frequency", "proposed_date");
    await runner.dropColumn("placement_frequency", "is_current");
    await runner.dropTable("school_calendar");
  }
}
