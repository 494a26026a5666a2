import { schoolToday } from "@driehoek/domain";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { requireStaff } from "../../access/guards.js";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import type { Placement } from "../placement/placement.entity.js";
import { hasNotEndedSql } from "./report.sql.js";
import {
  type DateRule,
  filterParameters,
  filtersStudent,
  type ReportFilterArgs,
  shapeOf,
  whereFilters,
} from "./report-page.js";

/*
 * What every staff report shares: the placements the caller may see (`visiblePlacements`, the
 * one definition of that scope, for staff only), today as the reports judge it, and running a
 * report's query built once per kind of caller. Each report runs as one query over exactly
 * those placements: the database joins, filters and aggregates, and what comes back is the
 * report's rows.
 */

/** The roles that see staff reports. */
export const STAFF = ["bpv_begeleider", "trajectbegeleider", "admin"] as const;

/** The order `String.prototype.localeCompare` gives, without its per-call set-up. */
export const byName = new Intl.Collator().compare;

/** The placements the caller may see (alias `p`), refusing anyone but staff. */
export async function placementsInView(
  ctx: RequestContext,
): Promise<SelectQueryBuilder<Placement>> {
  requireStaff(ctx, STAFF);
  return visiblePlacements(ctx);
}

/**
 * Whether `scope` is every placement of the school (an admin's): no condition and no join. Then a
 * report may count the rows of a table below the placement alone, as each of those rows belongs
 * to exactly one placement (required references).
 */
export function isWholeSchool(scope: SelectQueryBuilder<Placement>): boolean {
  const { wheres, joinAttributes } = scope.expressionMap;
  return wheres.length === 0 && joinAttributes.length === 0;
}

/** Joins a placement query (alias `p`) to its student (`st`) and the student's person (`sp`). */
export function withStudent<T extends SelectQueryBuilder<Placement>>(query: T): T {
  return query
    .innerJoin("student", "st", "st.id = p.student_id")
    .innerJoin("person", "sp", "sp.id = st.person_id");
}

/**
 * Joins a placement query to what `filters` read of the student: the student (`st`) for the
 * programme, cohort or student id, and the student's person (`sp`) for name words; nothing for
 * the other filters. For a count, whose rows need no names.
 */
export function withStudentFiltered<T extends SelectQueryBuilder<Placement>>(
  query: T,
  filters: ReportFilterArgs,
): T {
  if (!filtersStudent(filters)) return query;
  query.innerJoin("student", "st", "st.id = p.student_id");
  if (filters.student?.trim()) query.innerJoin("person", "sp", "sp.id = st.person_id");
  return query;
}

/** Today's date as the reports judge it. */
export const todayOf = (ctx: RequestContext) => schoolToday(ctx.services.now());

/**
 * Keeps the placements that have not ended (end date today or later, `hasNotEndedSql`) unless
 * `includeEnded`: a POK or an agreement of an ended placement is history, with no next
 * conversation to act on it in.
 */
export function unlessEnded<T extends SelectQueryBuilder<Placement>>(
  query: T,
  includeEnded: boolean,
): T {
  return includeEnded ? query : query.andWhere(hasNotEndedSql("p.end_date", ":today"));
}

/**
 * Each report's SQL per scope (the text of the caller's placement query, parameters aside):
 * built once through the QueryBuilder, then only bound to this call's parameters. A handful of
 * entries: one per report (and grouping) per kind of caller.
 */
const reportSql = new Map<string, string>();

/** Runs a report's query (built by `build` on first use for this scope) with `parameters`. */
export async function reportRows(
  ctx: RequestContext,
  report: string,
  scope: SelectQueryBuilder<Placement>,
  parameters: ObjectLiteral,
  build: () => SelectQueryBuilder<ObjectLiteral>,
  filters: ReportFilterArgs = {},
  dates?: DateRule,
): Promise<Record<string, unknown>[]> {
  const dataSource = ctx.services.dataSource;
  const scopeParameters = scope.getParameters();
  const shape = shapeOf(filters, dates);
  const key = `${dataSource.options.type}\n${report}\n${shape}\n${scope.getQuery()}`;
  let sql = reportSql.get(key);
  if (sql === undefined) {
    sql = whereFilters(build(), filters, dates).getQuery();
    reportSql.set(key, sql);
  }
  const [query, values] = dataSource.driver.escapeQueryWithParameters(
    sql,
    { ...scopeParameters, ...filterParameters(filters), ...parameters },
    {},
  );
  return dataSource.query(query, values);
}

/** Replaces a query's selection with the given `[expression, alias]` pairs. */
export function selectAll<T extends SelectQueryBuilder<ObjectLiteral>>(
  query: T,
  selects: [string, string][],
): T {
  query.select([]);
  for (const [expression, alias] of selects) query.addSelect(expression, alias);
  return query;
}

/** Plain code-unit order, for ISO dates and ids. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
