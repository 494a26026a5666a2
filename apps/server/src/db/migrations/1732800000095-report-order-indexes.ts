import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes in the order of two staff reports (docs/decisions/0015), declared on the entities
 * with `synchronize: false` (one holds an expression, which entity metadata cannot describe):
 * - agreement (due_date, id, status, conversation_id): the overdue agreements, oldest first, read
 *   in report order so a page stops after its rows; status and conversation are in the index for
 *   the count;
 * - conversation (status, student_system_entered_at, COALESCE(signed_at, ''), id): the signed
 *   conversations not entered into the student system, longest waiting first.
 * The planner takes them for a school-wide report; a begeleider's reports still start from the
 * begeleider's placements (with the planner statistics `refreshPlannerStatistics` keeps on SQLite).
 */
export const REPORT_ORDER_INDEXES = {
  agreementDue: "IDX_agreement_report_due",
  conversationWaiting: "IDX_conversation_report_waiting",
} as const;

export class ReportOrderIndexes1732800000095 implements MigrationInterface {
  name = "ReportOrderIndexes1732800000095";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX "${REPORT_ORDER_INDEXES.agreementDue}" ON "agreement" ("due_date", "id", "status", "conversation_id")`,
    );
    await runner.query(
      `CREATE INDEX "${REPORT_ORDER_INDEXES.conversationWaiting}" ON "conversation" ("status", "student_system_entered_at", (COALESCE("signed_at", '')), "id")`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${REPORT_ORDER_INDEXES.conversationWaiting}"`);
    await runner.query(`DROP INDEX "${REPORT_ORDER_INDEXES.agreementDue}"`);
  }
}
