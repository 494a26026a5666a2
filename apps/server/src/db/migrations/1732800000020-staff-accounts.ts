import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from "typeorm";

/**
 * Staff accounts: when an account was deactivated, and the single-use links (stored hashed)
 * that let a staff member set their own password.
 */
export class StaffAccounts1732800000020 implements MigrationInterface {
  name = "StaffAccounts1732800000020";

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      "person",
      new TableColumn({ name: "deactivated_at", type: "varchar", length: "24", isNullable: true }),
    );
    await runner.createTable(
      new Table({
        name: "password_link",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "person_id", type: "varchar", length: "36" },
          { name: "token_hash", type: "varchar", length: "64" },
          { name: "purpose", type: "varchar", length: "10" },
          { name: "expires_at", type: "varchar", length: "24" },
          { name: "used_at", type: "varchar", length: "24", isNullable: true },
          { name: "created_at", type: "varchar", length: "24" },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ["person_id"],
            referencedTableName: "person",
            referencedColumnNames: ["id"],
            onDelete: "CASCADE",
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ["person_id"] }),
          new TableIndex({ columnNames: ["token_hash"], isUnique: true }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("password_link");
    await runner.dropColumn("person", "deactivated_at");
  }
}
