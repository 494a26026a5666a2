import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for two staff reports (docs/decisions/0015), declared on the entities
 * with `synchronize: false` (one holds an expression and a condition, which entity metadata
 * cannot describe):
 * - agreement (due_date, id, status, conversation_id): the overdue agreements, oldest first, read
 *   in report order so a page stops after its rows; status and conversation are in the index for
 *   the count;
 * - agreement (conversation_id, status, due_date): the open agreements past their date of a set of
 *   conversations (those of the school's running placements), counted from the index alone;
 * - conversation (status, COALESCE(signed_at, ''), id) of the conversations not entered into
 *   the student system (a partial index): the signed ones, longest waiting first. (With the
 *   entered moment as a column instead, PostgreSQL would not read it in order: `IS NULL` does not
 *   fix a column's value for its planner as `=` does.)
 * The planner takes them for a school-wide report; a begeleider's reports still start from the
 * begeleider's placements (with the planner statistics `refreshPlannerStatistics` keeps on SQLite).
 */
export const REPORT_ORDER_INDEXES = {
  agreementDue: "IDX_agreement_report_due",
  agreementOpen: "IDX_agreement_report_open",
  conversationWaiting: "IDX_conversation_report_waiting",
} as const;

export class ReportOrderIndexes1732800000095 implements MigrationInterface {
  name = "ReportOrderIndexes1732800000095";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX "${REPORT_ORDER_INDEXES.agreementDue}" ON "agreement" ("due_date", "id", "status", "conversation_id")`,
    );
    await runner.query(
      `CREATE INDEX "${REPORT_ORDER_INDEXES.agreementOpen}" ON "agreement" ("conversation_id", "status", "due_date")`,
    );
    await runner.query(
      `CREATE INDEX "${REPORT_ORDER_INDEXES.conversationWaiting}" ON "conversation" ("status", (COALESCE("signed_at", '')), "id") WHERE "student_system_entered_at" IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${REPORT_ORDER_INDEXES.conversationWaiting}"`);
    await runner.query(`DROP INDEX "${REPORT_ORDER_INDEXES.agreementOpen}"`);
    await runner.query(`DROP INDEX "${REPORT_ORDER_INDEXES.agreementDue}"`);
  }
}
