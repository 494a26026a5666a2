import {
  AGE_OF_MAJORITY,
  addDays,
  checkPok,
  type PokFacts,
  pokExpiresWithin,
} from "@driehoek/domain";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { Placement } from "../placement/placement.entity.js";
import { ageOnSql, dialectOf, entityColumns } from "./report.sql.js";
import type { PokIssue } from "./report.types.js";
import {
  byName,
  compare,
  placementsInView,
  reportRows,
  selectAll,
  todayOf,
  unlessEnded,
  withStudent,
} from "./report-scope.js";

/** The POK status that makes a POK invalid for good. */
const TERMINATED: PokFacts["status"] = "terminated";

/**
 * Placements whose POK is invalid today or valid but ending within `withinDays`: invalid ones
 * first, then by POK end date. Only placements that have not ended, unless `includeEnded`. The
 * database keeps the placements that may have an issue (any violated condition of the POK rule,
 * or an end date within reach); `checkPok` and `pokExpiresWithin` then decide each row.
 */
export async function pokIssues(
  ctx: RequestContext,
  withinDays: number,
  includeEnded = false,
): Promise<PokIssue[]> {
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3650)
    throw badInput("withinDays must be between 0 and 3650.");
  const placements = await placementsInView(ctx);
  const dataSource = ctx.services.dataSource;
  const today = todayOf(ctx);
  const placement = entityColumns(dataSource, Placement, "p");
  const rows = await reportRows(
    ctx,
    includeEnded ? "pokIssues/includeEnded" : "pokIssues",
    placements,
    { today, until: addDays(today, withinDays), terminated: TERMINATED },
    () => {
      const recognised = dialectOf(dataSource).isRecognised(
        "p.company_id",
        "st.programme_id",
        ":today",
      );
      const mayHaveIssue = [
        "p.pok_end_date <= :until",
        "p.pok_start_date > :today",
        "p.pok_status = :terminated",
        "p.pok_student_signed_at IS NULL",
        "p.pok_school_signed_at IS NULL",
        "p.pok_company_signed_at IS NULL",
        `(p.pok_parent_signed_at IS NULL AND st.birth_date IS NOT NULL AND ${ageOnSql("st.birth_date", "p.pok_start_date")} < ${AGE_OF_MAJORITY})`,
        `NOT ${recognised}`,
      ];
      return selectAll(withStudent(unlessEnded(placements, includeEnded)), placement.selects)
        .addSelect("sp.name", "student_name")
        .addSelect("st.birth_date", "birth_date")
        .addSelect(`CASE WHEN ${recognised} THEN 1 ELSE 0 END`, "recognised")
        .andWhere(`(${mayHaveIssue.join(" OR ")})`);
    },
  );

  const issues: PokIssue[] = [];
  for (const raw of rows) {
    const row = raw as Record<string, unknown>;
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
    const expiresSoon = check.isValid && pokExpiresWithin(facts, today, withinDays);
    if (check.isValid && !expiresSoon) continue;
    issues.push({
      placement: p,
      studentName: String(row.student_name),
      isValid: check.isValid,
      problems: check.problems,
      expiresSoon,
      pokEndDate: p.pokEndDate,
    });
  }
  return issues.sort(
    (a, b) =>
      Number(a.isValid) - Number(b.isValid) ||
      compare(a.pokEndDate, b.pokEndDate) ||
      byName(a.studentName, b.studentName) ||
      compare(a.placement.id, b.placement.id),
  );
}
