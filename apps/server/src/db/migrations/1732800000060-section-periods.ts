import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * Time as it was spent: one row per stretch of time a conversation spent in a section of the
 * guide, beside the phase periods (decision 0009).
 */
export class SectionPeriods1732800000060 implements MigrationInterface {
  name = "SectionPeriods1732800000060";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "conversation_section_period",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "phase", type: "varchar", length: "10" },
          { name: "section", type: "varchar", length: "40" },
          { name: "started_at", type: "varchar", length: "24" },
          { name: "ended_at", type: "varchar", length: "24", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
        indices: [new TableIndex({ columnNames: ["conversation_id"] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("conversation_section_period");
  }
}
