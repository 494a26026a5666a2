import { type MigrationInterface, type QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes the staff reports need (modules/report), declared on the entities too:
 * - conversation (placement_id, scheduled_at, status, conclusion, id): a placement's conversations
 *   held within a period, and the conclusions drawn in them, read from the index alone;
 * - company_recognition (company_id, programme_id): a company's recognition for one programme,
 *   looked up for every placement in the POK check.
 */
const INDEXES: [string, string[]][] = [
  ["conversation", ["placement_id", "scheduled_at", "status", "conclusion", "id"]],
  ["company_recognition", ["company_id", "programme_id"]],
];

export class ReportIndexes1732800000003 implements MigrationInterface {
  name = "ReportIndexes1732800000003";

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
