import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * Documents attached to a conversation (and the signed scan of the paper form), and the
 * werkprocessen marked per placement.
 */
export class Documents1732800000040 implements MigrationInterface {
  name = "Documents1732800000040";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "conversation_document",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "uploaded_by_id", type: "varchar", length: "36" },
          { name: "uploader_role", type: "varchar", length: "20" },
          { name: "kind", type: "varchar", length: "24" },
          { name: "file_name", type: "varchar", length: "160" },
          { name: "mime_type", type: "varchar", length: "100" },
          { name: "size", type: "integer" },
          { name: "sha256", type: "varchar", length: "64" },
          { name: "created_at", type: "varchar", length: "24" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["uploaded_by_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "RESTRICT",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["conversation_id"] }),
          new TableIndex({ columnNames: ["uploaded_by_id"] }),
          new TableIndex({ columnNames: ["sha256"] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: "placement_werkproces",
        columns: [
          { name: "placement_id", type: "varchar", length: "36", isPrimary: true },
          { name: "werkproces_id", type: "varchar", length: "36", isPrimary: true },
          { name: "state", type: "varchar", length: "16" },
          { name: "updated_by_id", type: "varchar", length: "36" },
          { name: "updated_at", type: "varchar", length: "24" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["placement_id"],
            referencedTableName: "placement",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["werkproces_id"],
            referencedTableName: "werkproces",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["updated_by_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "RESTRICT",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["werkproces_id"] }),
          new TableIndex({ columnNames: ["updated_by_id"] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("placement_werkproces");
    await runner.dropTable("conversation_document");
  }
}
