import { daysBetween, OPEN_AGREEMENT_STATUSES } from "@driehoek/domain";
import type { RequestContext } from "../../context.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { entityColumns } from "./report.sql.js";
import type { OverdueAgreement } from "./report.types.js";
import {
  placementsInView,
  reportRows,
  selectAll,
  todayOf,
  unlessEnded,
  withStudent,
} from "./report-scope.js";

/**
 * Open agreements (open or partly done) past their due date, oldest first, of visible placements
 * that have not ended (unless `includeEnded`).
 */
export async function overdueAgreements(
  ctx: RequestContext,
  includeEnded = false,
): Promise<OverdueAgreement[]> {
  const placements = await placementsInView(ctx);
  const dataSource = ctx.services.dataSource;
  const today = todayOf(ctx);
  const agreement = entityColumns(dataSource, Agreement, "a");
  const report = includeEnded ? "overdueAgreements/includeEnded" : "overdueAgreements";
  const rows = await reportRows(
    ctx,
    report,
    placements,
    { today, open: OPEN_AGREEMENT_STATUSES },
    () =>
      selectAll(
        withStudent(
          unlessEnded(placements, includeEnded)
            .innerJoin("conversation", "c", "c.placement_id = p.id")
            .innerJoin("agreement", "a", "a.conversation_id = c.id"),
        ),
        agreement.selects,
      )
        .addSelect("sp.name", "student_name")
        .andWhere("a.status IN (:...open)")
        .andWhere("a.due_date IS NOT NULL AND a.due_date < :today")
        .orderBy("a.due_date", "ASC")
        .addOrderBy("a.id", "ASC"),
  );
  return rows.map((raw) => {
    const row = raw as Record<string, unknown>;
    const a = agreement.hydrate(row);
    return {
      agreement: a,
      studentName: String(row.student_name),
      daysOverdue: daysBetween(a.dueDate as string, today),
    };
  });
}
