import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes the paged staff reports read through (modules/report), declared on the entities too:
 * - agreement (status, due_date, id): the open agreements past their due date, found without
 *   reading every agreement of the school;
 * - conversation (status, student_system_entered_at, signed_at): the signed conversations not
 *   yet entered into the student system, likewise.
 */
const INDEXES: [string, string[]][] = [
  ["agreement", ["status", "due_date", "id"]],
  ["conversation", ["status", "student_system_entered_at", "signed_at"]],
];

export class ReportPageIndexes1732800000093 implements MigrationInterface {
  name = "ReportPageIndexes1732800000093";

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, columnNames] of INDEXES) {
      await runner.createIndex(table, new TableIndex({ columnNames }));
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table, columnNames] of [...INDEXES].reverse()) {
      const name = runner.connection.namingStrategy.indexName(table, columnNames);
      await runner.dropIndex(table, name);
    }
  }
}
