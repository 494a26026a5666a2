import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes the paged staff reports read through (modules/report), declared on the entities too:
 * the open agreements past their due date, and the signed conversations not yet entered into
 * the student system, each found without reading every row of its table.
 */
export class ReportPageIndexes1732800000093 implements MigrationInterface {
  name = "ReportPageIndexes1732800000093";

  private indexes(runner: QueryRunner): { table: string; index: TableIndex }[] {
    const named = (table: string, columnNames: string[]) => ({
      table,
      index: new TableIndex({
        name: runner.connection.namingStrategy.indexName(table, columnNames),
        columnNames,
      }),
    });
    return [
      named("agreement", ["status", "due_date", "id"]),
      named("conversation", ["status", "student_system_entered_at", "signed_at"]),
    ];
  }

  async up(runner: QueryRunner): Promise<void> {
    for (const { table, index } of this.indexes(runner)) await runner.createIndex(table, index);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const { table, index } of this.indexes(runner).reverse()) {
      await runner.dropIndex(table, index);
    }
  }
}
