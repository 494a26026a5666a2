import {
  AGE_OF_MAJORITY,
  addDays,
  CONCLUSIONS,
  type Conclusion,
  checkPok,
  conclusionScore,
  daysBetween,
  type FrequencyStatus,
  type PokFacts,
  pokExpiresWithin,
  schoolToday,
  schoolYearOf,
} from "@driehoek/domain";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { requireStaff } from "../../access/guards.js";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { Placement } from "../placement/placement.entity.js";
import {
  ageOnSql,
  dialectOf,
  entityColumns,
  firstDuePassedSql,
  frequencyFiguresSql,
  HELD_STATUSES,
  hasNotEndedSql,
  judgedPeriodSql,
  OPEN_AGREEMENT_STATUSES,
  overdueGivenFirstDuePassedSql,
  requiredSql,
} from "./report.sql.js";
import {
  ConclusionCount,
  ConclusionGrouping,
  ConclusionPoint,
  OverdueAgreement,
  OverduePlacement,
  PokIssue,
} from "./report.types.js";

/*
 * The staff reports. Each runs as one query over exactly the placements the caller may see
 * (`visiblePlacements`, the one definition of that scope): the database joins, filters and
 * aggregates, and what comes back is the report's rows. Where a domain rule decides which rows
 * those are, report.sql.ts restates it in SQL and test/e2e/reports-sql.test.ts holds the two
 * together; the POK rule's verdict on each returned row is still `checkPok`'s own.
 */

const STAFF = ["bpv_begeleider", "trajectbegeleider", "admin"] as const;

/** The order `String.prototype.localeCompare` gives, without its per-call set-up. */
const byName = new Intl.Collator().compare;

/** The placements the caller may see (alias `p`), refusing anyone but staff. */
async function placementsInView(ctx: RequestContext): Promise<SelectQueryBuilder<Placement>> {
  requireStaff(ctx, STAFF);
  return visiblePlacements(ctx);
}

/** Joins a placement query (alias `p`) to its student (`st`) and the student's person (`sp`). */
function withStudent<T extends SelectQueryBuilder<Placement>>(query: T): T {
  return query
    .innerJoin("student", "st", "st.id = p.student_id")
    .innerJoin("person", "sp", "sp.id = st.person_id");
}

/** Today's date as the reports judge it. */
const todayOf = (ctx: RequestContext) => schoolToday(ctx.services.now());

/**
 * Placements behind the frequency rule today, most missed conversations first, then by name.
 * The database applies the rule (`frequencyStatus`, restated in report.sql.ts): it computes each
 * started placement's judged period, counts the conversations held in it where the first due
 * date has passed, keeps the overdue ones and gives their figures.
 */
export async function overdueConversations(ctx: RequestContext): Promise<OverduePlacement[]> {
  const placements = await placementsInView(ctx);
  const dataSource = ctx.services.dataSource;
  const d = dialectOf(dataSource);
  const today = todayOf(ctx);
  const year = schoolYearOf(today);
  const placement = entityColumns(dataSource, Placement, "p");
  const rows = await reportRows(
    ctx,
    "overdueConversations",
    placements,
    { today, yearStart: year.start, yearEnd: year.end },
    () => {
      const period = judgedPeriodSql(d, {
        start: "p.start_date",
        end: "p.end_date",
        today: ":today",
        yearStart: ":yearStart",
        yearEnd: ":yearEnd",
      });
      // Each layer is computed once per row: OFFSET 0 keeps both databases from merging it into
      // the next one, which would repeat its date arithmetic wherever its columns are used.
      const periods = placements
        .select("p.id", "id")
        .addSelect(`CASE WHEN ${period.shorter} THEN 1 ELSE 0 END`, "shorter")
        .addSelect(period.periodStart, "period_start")
        .addSelect(period.periodEnd, "period_end")
        .andWhere("p.start_date <= :today")
        .offset(0);
      const judged = dataSource
        .createQueryBuilder()
        .select("j.id", "id")
        .addSelect("j.period_start", "period_start")
        .addSelect("j.period_end", "period_end")
        .addSelect(requiredSql(d, "j.shorter = 1", "j.period_start", "j.period_end"), "required")
        .from(`(${periods.getQuery()})`, "j")
        .offset(0);
      const held = dataSource
        .createQueryBuilder()
        .select("COUNT(*)")
        .from("conversation", "c")
        .where("c.placement_id = k.id")
        .andWhere("c.scheduled_at >= k.period_start")
        // A moment on the period's last day sorts before that day followed by "T~".
        .andWhere(`c.scheduled_at < k.period_end || 'T~'`)
        .andWhere(`c.status IN (${sqlList(HELD_STATUSES)})`);
      const counted = dataSource
        .createQueryBuilder()
        .select("k.id", "id")
        .addSelect("k.period_start", "period_start")
        .addSelect("k.period_end", "period_end")
        .addSelect("k.required", "required")
        .addSelect(`(${held.getQuery()})`, "held")
        .from(`(${judged.getQuery()})`, "k")
        .where(firstDuePassedSql(d, "k.required", "k.period_start", "k.period_end", ":today"))
        .offset(0);
      const figures = frequencyFiguresSql(d, {
        required: "o.required",
        periodStart: "o.period_start",
        periodEnd: "o.period_end",
        held: "o.held",
        today: ":today",
      });
      return selectAll(dataSource.createQueryBuilder(), placement.selects)
        .addSelect("sp.name", "student_name")
        .addSelect("o.period_start", "period_start")
        .addSelect("o.period_end", "period_end")
        .addSelect("o.required", "required")
        .addSelect("o.held", "held")
        .from(`(${counted.getQuery()})`, "o")
        .innerJoin("placement", "p", "p.id = o.id")
        .innerJoin("student", "st", "st.id = p.student_id")
        .innerJoin("person", "sp", "sp.id = st.person_id")
        .addSelect(figures.firstDueDate, "first_due_date")
        .addSelect(figures.missed, "missed")
        .addSelect(figures.nextDueDate, "next_due_date")
        .where(overdueGivenFirstDuePassedSql("o.held", "o.required", "o.period_end", ":today"));
    },
  );

  return rows
    .map((raw) => {
      const row = raw as Record<string, unknown>;
      const required = Number(row.required);
      const missed = Number(row.missed);
      const periodEnd = String(row.period_end);
      const frequency: FrequencyStatus = {
        periodStart: String(row.period_start),
        periodEnd,
        required,
        held: Number(row.held),
        dueDates: required === 1 ? [periodEnd] : [String(row.first_due_date), periodEnd],
        missed,
        isOverdue: missed > 0,
        nextDueDate: (row.next_due_date as string | null) ?? null,
      };
      return {
        placement: placement.hydrate(row),
        studentName: String(row.student_name),
        frequency,
      };
    })
    .sort(
      (a, b) =>
        b.frequency.missed - a.frequency.missed ||
        byName(a.studentName, b.studentName) ||
        compare(a.placement.id, b.placement.id),
    );
}

/**
 * Keeps the placements that have not ended (end date today or later, `hasNotEndedSql`) unless
 * `includeEnded`: a POK or an agreement of an ended placement is history, with no next
 * conversation to act on it in.
 */
function unlessEnded<T extends SelectQueryBuilder<Placement>>(query: T, includeEnded: boolean): T {
  return includeEnded ? query : query.andWhere(hasNotEndedSql("p.end_date", ":today"));
}

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
    { today, until: addDays(today, withinDays) },
    () => {
      const recognised = dialectOf(dataSource).isRecognised(
        "p.company_id",
        "st.programme_id",
        ":today",
      );
      const mayHaveIssue = [
        "p.pok_end_date <= :until",
        "p.pok_start_date > :today",
        "p.pok_status = 'terminated'",
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

/** Every conclusion drawn in a held conversation of a visible placement, oldest first. */
export async function conclusionsOverTime(ctx: RequestContext): Promise<ConclusionPoint[]> {
  const placements = await placementsInView(ctx);
  const rows = await reportRows(ctx, "conclusionsOverTime", placements, {}, () =>
    withStudent(placements.innerJoin("conversation", "c", "c.placement_id = p.id"))
      .select("c.id", "conversation_id")
      .addSelect("st.id", "student_id")
      .addSelect("sp.name", "student_name")
      .addSelect("substr(c.scheduled_at, 1, 10)", "date")
      .addSelect("c.conclusion", "conclusion")
      .andWhere(`c.status IN (${sqlList(HELD_STATUSES)})`)
      .andWhere(`c.conclusion IN (${sqlList(CONCLUSIONS)})`)
      .orderBy("c.scheduled_at", "ASC")
      .addOrderBy("c.id", "ASC"),
  );
  return rows.map((raw) => {
    const row = raw as Record<string, string>;
    const conclusion = row.conclusion as Conclusion;
    return {
      conversationId: row.conversation_id,
      studentId: row.student_id,
      studentName: row.student_name,
      date: row.date,
      conclusion,
      score: conclusionScore(conclusion),
    };
  });
}

/** The conclusions of `conclusionsOverTime` counted per programme (crebo), cohort or begeleider. */
export async function conclusionDistribution(
  ctx: RequestContext,
  groupBy: ConclusionGrouping,
): Promise<ConclusionCount[]> {
  const placements = await placementsInView(ctx);
  const rows = await reportRows(ctx, `conclusionDistribution/${groupBy}`, placements, {}, () => {
    let query = placements.innerJoin("conversation", "c", "c.placement_id = p.id");
    let group: string;
    switch (groupBy) {
      case ConclusionGrouping.programme:
        query = query
          .innerJoin("student", "st", "st.id = p.student_id")
          .innerJoin("programme", "pr", "pr.id = st.programme_id");
        group = "pr.crebo";
        break;
      case ConclusionGrouping.cohort:
        query = query.innerJoin("student", "st", "st.id = p.student_id");
        group = "st.cohort";
        break;
      case ConclusionGrouping.begeleider:
        query = query.innerJoin("person", "b", "b.id = p.begeleider_id");
        group = "b.name";
        break;
      default:
        throw badInput("Unknown grouping.");
    }
    const count = (conclusion: Conclusion) =>
      `SUM(CASE WHEN c.conclusion = '${conclusion}' THEN 1 ELSE 0 END)`;
    return query
      .select(group, "grp")
      .addSelect(count("voor"), "voor")
      .addSelect(count("op_schema"), "op_schema")
      .addSelect(count("achter"), "achter")
      .andWhere(`c.status IN (${sqlList(HELD_STATUSES)})`)
      .andWhere(`c.conclusion IN (${sqlList(CONCLUSIONS)})`)
      .groupBy(group);
  });
  return rows
    .map((raw) => {
      const row = raw as Record<string, unknown>;
      return {
        group: String(row.grp ?? ""),
        voor: Number(row.voor),
        opSchema: Number(row.op_schema),
        achter: Number(row.achter),
      };
    })
    .sort((a, b) => byName(a.group, b.group));
}

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
  const rows = await reportRows(ctx, report, placements, { today }, () =>
    selectAll(
      withStudent(
        unlessEnded(placements, includeEnded)
          .innerJoin("conversation", "c", "c.placement_id = p.id")
          .innerJoin("agreement", "a", "a.conversation_id = c.id"),
      ),
      agreement.selects,
    )
      .addSelect("sp.name", "student_name")
      .andWhere(`a.status IN (${sqlList(OPEN_AGREEMENT_STATUSES)})`)
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

/**
 * Each report's SQL per scope (the text of the caller's placement query, parameters aside):
 * built once through the QueryBuilder, then only bound to this call's parameters. A handful of
 * entries: one per report (and grouping) per kind of caller.
 */
const reportSql = new Map<string, string>();

/** Runs a report's query (built by `build` on first use for this scope) with `parameters`. */
async function reportRows(
  ctx: RequestContext,
  report: string,
  scope: SelectQueryBuilder<Placement>,
  parameters: ObjectLiteral,
  build: () => SelectQueryBuilder<ObjectLiteral>,
): Promise<Record<string, unknown>[]> {
  const dataSource = ctx.services.dataSource;
  const scopeParameters = scope.getParameters();
  const key = `${dataSource.options.type}\n${report}\n${scope.getQuery()}`;
  let sql = reportSql.get(key);
  if (sql === undefined) {
    sql = build().getQuery();
    reportSql.set(key, sql);
  }
  const [query, values] = dataSource.driver.escapeQueryWithParameters(
    sql,
    { ...scopeParameters, ...parameters },
    {},
  );
  return dataSource.query(query, values);
}

/** Constant values as an SQL list ('a', 'b'); for the domain's fixed status names only. */
function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", ");
}

/** Replaces a query's selection with the given `[expression, alias]` pairs. */
function selectAll<T extends SelectQueryBuilder<ObjectLiteral>>(
  query: T,
  selects: [string, string][],
): T {
  query.select([]);
  for (const [expression, alias] of selects) query.addSelect(expression, alias);
  return query;
}

/** Plain code-unit order, for ISO dates and ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
