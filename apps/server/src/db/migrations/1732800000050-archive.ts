import {
  type MigrationInterface,
  type QueryRunner,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * Archivering: when (and by whom) a conversation's report was entered into the student system,
 * and when "geen bijzonderheden" was ticked.
 */
export class Archive1732800000050 implements MigrationInterface {
  name = "Archive1732800000050";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns("conversation", [
      new TableColumn({
        name: "student_system_entered_at",
        type: "varchar",
        length: "24",
        isNullable: true,
      }),
      new TableColumn({
        name: "student_system_entered_by_id",
        type: "varchar",
        length: "36",
        isNullable: true,
      }),
      new TableColumn({
        name: "no_particulars_at",
        type: "varchar",
        length: "24",
        isNullable: true,
      }),
    ]);
    await runner.createForeignKey(
      "conversation",
      new TableForeignKey({
        columnNames: ["student_system_entered_by_id"],
        referencedTableName: "person",
        referencedColumnNames: ["id"],
        onDelete: "SET NULL",
      }),
    );
    await runner.createIndex(
      "conversation",
      new TableIndex({ columnNames: ["student_system_entered_by_id"] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = await runner.getTable("conversation");
    const foreignKey = table?.foreignKeys.find((fk) =>
      fk.columnNames.includes("student_system_entered_by_id"),
    );
    if (foreignKey) await runner.dropForeignKey("conversation", foreignKey);
    const index = table?.indices.find((i) =>
      i.columnNames.includes("student_system_entered_by_id"),
    );
    if (index) await runner.dropIndex("conversation", index);
    for (const column of [
      "no_particulars_at",
      "student_system_entered_by_id",
      "student_system_entered_at",
    ]) {
      await runner.dropColumn("conversation", column);
    }
  }
}
