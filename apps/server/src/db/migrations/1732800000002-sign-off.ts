import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/** Sign-off: signatures bound to a hash of the record, the locked record, conclusions, notes. */
export class SignOff1732800000002 implements MigrationInterface {
  name = "SignOff1732800000002";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns("conversation", [
      new TableColumn({
        name: "student_conclusion",
        type: "varchar",
        length: "10",
        isNullable: true,
      }),
      new TableColumn({ name: "student_motivation", type: "text", isNullable: true }),
      new TableColumn({ name: "shared_notes", type: "text", isNullable: true }),
      new TableColumn({ name: "record_json", type: "text", isNullable: true }),
      new TableColumn({ name: "record_hash", type: "varchar", length: "64", isNullable: true }),
    ]);
    await runner.createTable(
      new Table({
        name: "signature",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "conversation_id", type: "varchar", length: "36" },
          { name: "person_id", type: "varchar", length: "36" },
          { name: "role", type: "varchar", length: "20" },
          { name: "method", type: "varchar", length: "10" },
          { name: "content_hash", type: "varchar", length: "64" },
          { name: "signed_at", type: "varchar", length: "24" },
          { name: "voided_at", type: "varchar", length: "24", isNullable: true },
          { name: "void_reason", type: "varchar", length: "200", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["conversation_id"],
            referencedTableName: "conversation",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
          new TableForeignKey({
            columnNames: ["person_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "RESTRICT",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["conversation_id"] }),
          new TableIndex({ columnNames: ["person_id"] }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("signature");
    for (const column of [
      "record_hash",
      "record_json",
      "shared_notes",
      "student_motivation",
      "student_conclusion",
    ]) {
      await runner.dropColumn("conversation", column);
    }
  }
}
