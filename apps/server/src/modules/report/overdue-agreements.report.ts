import { daysBetween, OPEN_AGREEMENT_STATUSES } from "@driehoek/domain";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../context.js";
import type { Page, PageArgs } from "../../graphql/pagination.js";
import { Agreement } from "../agreement/agreement.entity.js";
import type { Placement } from "../placement/placement.entity.js";
import { entityColumns, hasNotEndedSql } from "./report.sql.js";
import type { OverdueAgreement } from "./report.types.js";
import {
  filtersPlacement,
  filtersStudent,
  type ReportFilterArgs,
  reportPage,
  whereFilters,
} from "./report-page.js";
import {
  isWholeSchool,
  placementsInView,
  selectAll,
  todayOf,
  unlessEnded,
  withStudent,
  withStudentFiltered,
} from "./report-scope.js";

/**
 * A page of the open agreements (open or partly done) past their due date, oldest first, of
 * visible placements that have not ended (unless `includeEnded`). The date range is on the due date.
 */
export async function overdueAgreements(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
  includeEnded = false,
): Promise<Page<OverdueAgreement>> {
  const placements = await placementsInView(ctx);
  const dataSource = ctx.services.dataSource;
  const today = todayOf(ctx);
  const agreement = entityColumns(dataSource, Agreement, "a");
  const wholeSchool = isWholeSchool(placements);
  /** The agreements (`a`) of placements that have not ended, unless `includeEnded`. */
  const stillRunning = <T extends SelectQueryBuilder<ObjectLiteral>>(query: T) =>
    includeEnded ? query : query.andWhere(hasNotEndedSql("a.placement_end_date", ":today"));
  /** The open agreements past their date of placements that have not ended (unless `includeEnded`). */
  const overdue = <T extends SelectQueryBuilder<Placement>>(query: T) => {
    const joined = unlessEnded(query, includeEnded)
      .innerJoin("agreement", "a", "a.placement_id = p.id")
      .andWhere("a.status IN (:...open)")
      .andWhere("a.due_date IS NOT NULL AND a.due_date < :today");
    // The same rows, said of the agreement: the school's are then read from the agreement's
    // report index in order, its placement's end date in the index, joined only when kept.
    return wholeSchool ? stillRunning(joined) : joined;
  };
  const counted = placements.clone();
  const dates = { column: "a.due_date" };
  /** The school's open agreements past their date, narrowed by the date filters. */
  const schoolOverdue = () =>
    whereFilters(
      dataSource
        .createQueryBuilder()
        .select("a.id", "id")
        .from("agreement", "a")
        .where("a.status IN (:...open)")
        .andWhere("a.due_date IS NOT NULL AND a.due_date < :today"),
      { from: filters.from, to: filters.to },
      dates,
    );
  return reportPage(ctx, {
    report: includeEnded ? "overdueAgreements/includeEnded" : "overdueAgreements",
    scope: placements,
    parameters: { today, open: OPEN_AGREEMENT_STATUSES },
    page,
    filters,
    dates,
    order: [{ alias: "a_due_date" }, { alias: "a_id" }],
    build: () =>
      selectAll(withStudent(overdue(placements)), agreement.selects)
        .addSelect("sp.name", "student_name")
        .addSelect("p.id", "placement_id"),
    countFiltersItself: true,
    count: () => {
      if (wholeSchool) {
        // From the agreement's report index alone; the matching placements, when the filters
        // name any, are collected once instead of joining each agreement to its placement.
        const school = stillRunning(schoolOverdue());
        if (!filtersStudent(filters) && !filtersPlacement(filters, dates)) return school;
        const matching = whereFilters(
          withStudentFiltered(counted, filters).select("p.id"),
          filters,
        );
        return school.andWhere(`a.placement_id IN (${matching.getQuery()})`);
      }
      const query = overdue(counted);
      return whereFilters(withStudentFiltered(query, filters).select("a.id", "id"), filters, dates);
    },
    toNode: (row) => {
      const a = agreement.hydrate(row);
      return {
        agreement: a,
        placementId: String(row.placement_id),
        studentName: String(row.student_name),
        daysOverdue: daysBetween(a.dueDate as string, today),
      };
    },
  });
}
