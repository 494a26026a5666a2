import {
  AGE_OF_MAJORITY,
  addDays,
  checkPok,
  type PokFacts,
  pokExpiresWithin,
} from "@driehoek/domain";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import type { Page, PageArgs } from "../../graphql/pagination.js";
import { Placement } from "../placement/placement.entity.js";
import { pokStateReady } from "../placement/pok-state.js";
import { ageOnSql, dialectOf, entityColumns } from "./report.sql.js";
import type { PokIssue } from "./report.types.js";
import { type ReportFilterArgs, reportPage } from "./report-page.js";
import { placementsInView, todayOf, unlessEnded, withStudentFiltered } from "./report-scope.js";

/** The POK status that makes a POK invalid for good. */
const TERMINATED: PokFacts["status"] = "terminated";

/**
 * A page of the placements whose POK is invalid today or valid but ending within `withinDays`:
 * invalid ones first, then by POK end date. Only placements that have not ended, unless
 * `includeEnded`. The database keeps the placements with an issue (any violated condition of the
 * POK rule, or an end date within reach) and orders them by the same conditions; `checkPok` then
 * names each row's problems. The date range is on the POK's end date.
 *
 * Once the POK's state kept per placement is of today (`pok_state`, `pokStateReady`), the page
 * reads it in its order from its index; until then (the first minutes of a new day) every
 * placement in view is judged here, with the same rule.
 */
export async function pokIssues(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
  withinDays = 30,
  includeEnded = false,
): Promise<Page<PokIssue>> {
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3650)
    throw badInput("withinDays must be between 0 and 3650.");
  const placements = await placementsInView(ctx);
  const dataSource = ctx.services.dataSource;
  const today = todayOf(ctx);
  // The placement's columns are read for the page's rows only (alias `wp`, its student `wst`).
  const placement = entityColumns(dataSource, Placement, "wp");
  const dialect = dialectOf(dataSource);
  const recognised = dialect.isRecognised("p.company_id", "st.programme_id", ":today");
  // Each condition that makes the POK invalid today (checkPok's problems).
  const invalid = [
    "p.pok_status = :terminated",
    "p.pok_student_signed_at IS NULL",
    "p.pok_school_signed_at IS NULL",
    "p.pok_company_signed_at IS NULL",
    `(p.pok_parent_signed_at IS NULL AND st.birth_date IS NOT NULL AND ${ageOnSql("st.birth_date", "p.pok_start_date")} < ${AGE_OF_MAJORITY})`,
    "p.pok_start_date > :today",
    "p.pok_end_date < :today",
    `NOT ${recognised}`,
  ].join(" OR ");
  /**
   * The placements with an issue, judged placement by placement (SQLite would otherwise go
   * student by student and find each one's placements through an index: more lookups for the
   * same rows).
   */
  const withIssue = (query: typeof placements) =>
    unlessEnded(query, includeEnded)
      .innerJoin("student", "st", `st.id = ${dialect.unindexed("p.student_id")}`)
      .innerJoin("person", "sp", "sp.id = st.person_id")
      .andWhere(`(${invalid} OR p.pok_end_date <= :until)`);
  /** The placements with an issue as the kept state has them, with the joins the filters read. */
  const withKeptIssue = (query: typeof placements) => {
    query
      .innerJoin("pok_state", "ks", "ks.placement_id = p.id")
      .andWhere("(ks.valid = 0 OR ks.pok_end_date <= :until)");
    if (!includeEnded) query.andWhere("ks.placement_end_date >= :today");
    return withStudentFiltered(query, filters);
  };
  const kept = await pokStateReady(dataSource, today);
  const judgedHere = {
    sql: "judged",
    dates: { column: "p.pok_end_date" },
    // Validity is judged per row: each page reads every placement in view, and counts them too.
    countsInPage: true,
    build: () =>
      withIssue(placements)
        .select("p.id", "p_id")
        .addSelect("p.pok_end_date", "p_pok_end_date")
        .addSelect("sp.name", "student_name")
        .addSelect(`CASE WHEN ${invalid} THEN 0 ELSE 1 END`, "valid"),
  };
  const fromKeptState = {
    sql: "kept",
    dates: { column: "ks.pok_end_date" },
    countsInPage: false,
    build: () =>
      withKeptIssue(placements)
        .select("ks.placement_id", "p_id")
        .addSelect("ks.pok_end_date", "p_pok_end_date")
        .addSelect("ks.student_name", "student_name")
        .addSelect("ks.valid", "valid"),
  };
  return reportPage(ctx, {
    report: includeEnded ? "pokIssues/includeEnded" : "pokIssues",
    scope: placements,
    parameters: { today, until: addDays(today, withinDays), terminated: TERMINATED },
    page,
    filters,
    ...(kept ? fromKeptState : judgedHere),
    order: [
      { alias: "valid" },
      { alias: "p_pok_end_date" },
      { alias: "student_name" },
      { alias: "p_id" },
    ],
    // 14,000 of a school's 20,000 placements may have an issue: they are sorted by the keys alone.
    widen: {
      joins:
        "INNER JOIN placement wp ON wp.id = r.p_id INNER JOIN student wst ON wst.id = wp.student_id",
      selects: [
        ...placement.selects.map(([expression, alias]) => `${expression} AS ${alias}`),
        "wst.birth_date AS birth_date",
        `CASE WHEN ${dialect.isRecognised("wp.company_id", "wst.programme_id", ":today")} THEN 1 ELSE 0 END AS recognised`,
      ].join(", "),
    },
    toNode: (row) => {
      const p = placement.hydrate(row);
      const facts: PokFacts = {
        status: p.pokStatus,
        startDate: p.pokStartDate,
        endDate: p.pokEndDate,
        studentSignedAt: p.pokStudentSignedAt,
        schoolSignedAt: p.pokSchoolSignedAt,
        companySignedAt: p.pokCompanySignedAt,
        parentSignedAt: p.pokParentSignedAt,
        studentBirthDate: (row.birth_date as string | null) ?? null,
        companyRecognised: Number(row.recognised) === 1,
      };
      const check = checkPok(facts, today);
      return {
        placement: p,
        studentName: String(row.student_name),
        isValid: check.isValid,
        problems: check.problems,
        // A valid POK is here because it ends within reach (and has not ended: that is invalid).
        expiresSoon: check.isValid && pokExpiresWithin(facts, today, withinDays),
        pokEndDate: p.pokEndDate,
      };
    },
  });
}
