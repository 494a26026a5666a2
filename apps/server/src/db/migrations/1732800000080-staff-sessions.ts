import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/** Staff sessions: one row per login, so a logout or a deactivation ends its access token. */
export class StaffSessions1732800000080 implements MigrationInterface {
  name = "StaffSessions1732800000080";

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: "staff_session",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "person_id", type: "varchar", length: "36" },
          { name: "created_at", type: "varchar", length: "24" },
          { name: "expires_at", type: "varchar", length: "24" },
          { name: "revoked_at", type: "varchar", length: "24", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["person_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
        indices: [new TableIndex({ columnNames: ["person_id"] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("staff_session");
  }
}
