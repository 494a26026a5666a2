import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * Afronden that helps: the record each signature was given to (so a voided akkoord can show what
 * changed since), the record after each change while signatures exist (so it can show who changed
 * it), and the begeleider's choice to end with agreements that are not yet SMART.
 */
export class Afronden1732800000070 implements MigrationInterface {
  name = "Afronden1732800000070";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      "signature",
      new TableColumn({ name: "record_json", type: "text", isNullable: true }),
    );
    await runner.createTable(
      new Table({
        name: "record_edit",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "edited_at", type: "varchar", length: "24" },
          { name: "editor_ids", type: "text" },
          { name: "record_hash", type: "varchar", length: "64" },
          { name: "record_json", type: "text" },
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
    await runner.createTable(
      new Table({
        name: "not_smart_acceptance",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "accepted_by_id", type: "varchar", length: "36" },
          { name: "accepted_at", type: "varchar", length: "24" },
          { name: "agreements_json", type: "text" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["accepted_by_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "RESTRICT",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["conversation_id"] }),
          new TableIndex({ columnNames: ["accepted_by_id"] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("not_smart_acceptance");
    await runner.dropTable("record_edit");
    await runner.dropColumn("signature", "record_json");
  }
}
