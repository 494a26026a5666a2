import { type FrequencyStatus, HELD_STATUSES, schoolYearOf } from "@driehoek/domain";
import type { RequestContext } from "../../context.js";
import { Placement } from "../placement/placement.entity.js";
import {
  dialectOf,
  entityColumns,
  firstDuePassedSql,
  frequencyFiguresSql,
  judgedPeriodSql,
  overdueGivenFirstDuePassedSql,
  requiredSql,
} from "./report.sql.js";
import type { OverduePlacement } from "./report.types.js";
import {
  byName,
  compare,
  placementsInView,
  reportRows,
  selectAll,
  sqlList,
  todayOf,
} from "./report-scope.js";

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
