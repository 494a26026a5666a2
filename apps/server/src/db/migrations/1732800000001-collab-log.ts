import { type MigrationInterface, type QueryRunner, Table, TableIndex } from "typeorm";

/**
 * The collaboration log: every Yjs update, appended before anyone sees it, and the compacted
 * snapshot per document. Binary columns are the one place the dialects differ (blob / bytea).
 */
export class CollabLog1732800000001 implements MigrationInterface {
  name = "CollabLog1732800000001";

  async up(runner: QueryRunner): Promise<void> {
    const isPostgres = runner.connection.options.type === "postgres";
    const bytes = isPostgres ? "bytea" : "blob";
    await runner.createTable(
      new Table({
        name: "collab_update",
        columns: [
          {
            name: "id",
            // SQLite only auto-increments an INTEGER PRIMARY KEY (which is 64-bit there).
            type: isPostgres ? "bigint" : "integer",
            isPrimary: true,
            isGenerated: true,
            generationStrategy: "increment",
          },
          { name: "doc_name", type: "varchar", length: "80" },
          { name: "data", type: bytes },
          { name: "created_at", type: "varchar", length: "24" },
        ],
        indices: [new TableIndex({ columnNames: ["doc_name", "id"] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: "collab_snapshot",
        columns: [
          { name: "doc_name", type: "varchar", length: "80", isPrimary: true },
          { name: "data", type: bytes },
          { name: "upto_id", type: isPostgres ? "bigint" : "integer" },
          { name: "updated_at", type: "varchar", length: "24" },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable("collab_snapshot");
    await runner.dropTable("collab_update");
  }
}
