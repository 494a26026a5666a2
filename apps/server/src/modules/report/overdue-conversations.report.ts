import type { RequestContext } from "../../context.js";
import type { Page, PageArgs } from "../../graphql/pagination.js";
import { ensureFrequencyJudged } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import { entityColumns } from "./report.sql.js";
import type { OverduePlacement } from "./report.types.js";
import { type ReportFilterArgs, reportPage } from "./report-page.js";
import {
  placementsInView,
  selectAll,
  todayOf,
  withStudent,
  withStudentFiltered,
} from "./report-scope.js";

/**
 * A page of the placements behind the frequency rule today (a window ended without a conversation),
 * most missed first, then by name. A placement that ended more than a school year ago is history, not overdue.
 * The rule is the domain's `frequencyStatus`; its verdict per placement is stored
 * (placement_frequency, see frequency-state.ts), so this report only filters on it.
 */
export async function overdueConversations(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
): Promise<Page<OverduePlacement>> {
  const placements = await placementsInView(ctx);
  const { dataSource } = ctx.services;
  await ensureFrequencyJudged(dataSource, todayOf(ctx));
  const placement = entityColumns(dataSource, Placement, "p");
  const counted = placements.clone();
  return reportPage(ctx, {
    report: "overdueConversations",
    scope: placements,
    parameters: { overdue: true },
    page,
    filters,
    dates: "placement",
    order: [{ alias: "missed", descending: true }, { alias: "student_name" }, { alias: "p_id" }],
    build: () =>
      selectAll(
        withStudent(placements.innerJoin("placement_frequency", "f", "f.placement_id = p.id")),
        placement.selects,
      )
        .addSelect("sp.name", "student_name")
        .addSelect("f.period_start", "period_start")
        .addSelect("f.period_end", "period_end")
        .addSelect("f.required", "required")
        .addSelect("f.held", "held")
        .addSelect("f.missed", "missed")
        .addSelect("f.next_due_date", "next_due_date")
        .addSelect("f.proposed_date", "proposed_date")
        .andWhere("f.is_overdue = :overdue"),
    count: () => {
      const query = counted
        .innerJoin("placement_frequency", "f", "f.placement_id = p.id")
        .andWhere("f.is_overdue = :overdue");
      return withStudentFiltered(query, filters).select("p.id", "id");
    },
    toNode: (row) => {
      const missed = Number(row.missed);
      return {
        placement: placement.hydrate(row),
        studentName: String(row.student_name),
        frequency: {
          periodStart: String(row.period_start),
          periodEnd: String(row.period_end),
          required: Number(row.required),
          held: Number(row.held),
          missed,
          isOverdue: missed > 0,
          nextDueDate: (row.next_due_date as string | null) ?? null,
          proposedDate: (row.proposed_date as string | null) ?? null,
          // Only current placements are overdue (the verdict says so); the others are history.
          isCurrent: true,
        },
      };
    },
  });
}
