import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/** The 70 % meter: speaking intervals per role, split per section period (docs/TALK-METER.md). */
export class TalkIntervals1732800000090 implements MigrationInterface {
  name = "TalkIntervals1732800000090";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "talk_interval",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "role", type: "varchar", length: "20" },
          { name: "reported_by", type: "varchar", length: "36" },
          { name: "source", type: "varchar", length: "10" },
          { name: "phase", type: "varchar", length: "10", isNullable: true },
          { name: "section", type: "varchar", length: "40", isNullable: true },
          { name: "started_at", type: "varchar", length: "24" },
          { name: "ended_at", type: "varchar", length: "24" },
          { name: "duration_ms", type: "integer" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["reported_by"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "RESTRICT",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["conversation_id"] }),
          new TableIndex({ columnNames: ["reported_by"] }),
          new TableIndex({ columnNames: ["conversation_id", "role", "started_at"] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("talk_interval");
  }
}
