import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * placement_frequency: each placement's stored judgement by the frequency rule (see
 * modules/placement/placement-frequency.entity.ts). Rows are filled by the server on start-up.
 */
export class PlacementFrequency1732800000004 implements MigrationInterface {
  name = "PlacementFrequency1732800000004";

  async up(runner: QueryRunner): Promise<void> {
    const date = (name: string, isNullable = false) => ({
      name,
      type: "varchar",
      length: "10",
      isNullable,
    });
    await runner.createTable(
      new Table({
        name: "placement_frequency",
        columns: [
          { name: "placement_id", type: "varchar", length: "36", isPrimary: true },
          date("period_start"),
          date("period_end"),
          { name: "required", type: "integer" },
          { name: "held", type: "integer" },
          { name: "missed", type: "integer" },
          date("next_due_date", true),
          { name: "is_overdue", type: "boolean" },
          date("judged_on"),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["placement_id"],
            referencedTableName: "placement",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
        indices: [new TableIndex({ columnNames: ["is_overdue", "missed"] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("placement_frequency");
  }
}
