import {
  CONCLUSIONS,
  type Conclusion,
  conclusionScore,
  HELD_STATUSES,
  schoolDate,
} from "@driehoek/domain";
import DataLoader from "dataloader";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../context.js";
import { PLACEMENT_CONCLUSIONS } from "../../db/migrations/1732800000105-placement-conclusions.js";
import { badInput } from "../../graphql/errors.js";
import type { Page, PageArgs } from "../../graphql/pagination.js";
import type { Placement } from "../placement/placement.entity.js";
import { dialectOf } from "./report.sql.js";
import {
  type ConclusionCount,
  ConclusionGrouping,
  type ConclusionPoint,
  ConclusionStudent,
} from "./report.types.js";
import {
  filterParameters,
  filtersPlacement,
  filtersStudent,
  type ReportFilterArgs,
  reportPage,
  whereFilters,
} from "./report-page.js";
import {
  byName,
  isWholeSchool,
  placementsInView,
  reportRows,
  withStudent,
} from "./report-scope.js";

/**
 * Parameters of both conclusion reports: conclusions drawn in held conversations, and each
 * conclusion by its own name (for counting them).
 */
const DRAWN = {
  held: HELD_STATUSES,
  conclusions: CONCLUSIONS,
  ...Object.fromEntries(CONCLUSIONS.map((c) => [c, c])),
};

/** The drawn conclusions of visible placements (alias `c`), the student joined, narrowed. */
function drawn(placements: SelectQueryBuilder<Placement>, student = true) {
  const query = placements.innerJoin("conversation", "c", conversationsOfPlacements(placements));
  return (student ? withStudent(query) : query)
    .andWhere("c.status IN (:...held)")
    .andWhere("c.conclusion IN (:...conclusions)");
}

/**
 * The join of a placement query to its conversations, from the placements (a school's
 * conclusions grouped: 20,000 placements looked up once each instead of once per conversation).
 */
function conversationsOfPlacements(placements: SelectQueryBuilder<Placement>): string {
  return `c.placement_id = ${dialectOf(placements.connection).unindexed("p.id")}`;
}

/** The date range of the conclusion reports is on the conversation's date. */
const ON_CONVERSATION_DATE = { column: "c.scheduled_at" };

/**
 * The placements of the student `student` (SQL) with a drawn conclusion, from the counts per
 * placement the database keeps (migration 1732800000105), for a subquery.
 */
const COUNTED_OF = (student: string) =>
  `FROM placement dp INNER JOIN ${PLACEMENT_CONCLUSIONS.table} dpc ON dpc.placement_id = dp.id WHERE dp.student_id = ${student}`;

/**
 * The school's students with a drawn conclusion (`st`, `sp`), for an admin whose filters read
 * only the student: read student by student (in name order, a page stops after its rows) from
 * the counts per placement, instead of grouping every conclusion of the school.
 */
function schoolStudents(dataSource: DataSource, names: boolean) {
  const query = dataSource.createQueryBuilder().from("student", "st");
  if (names) query.innerJoin("person", "sp", "sp.id = st.person_id");
  return query.where(`EXISTS (SELECT 1 ${COUNTED_OF("st.id")})`);
}

/**
 * A page of the students with a conclusion drawn in a held conversation of a visible placement,
 * by name; each student's points (`ConclusionStudent.points`) are read for the whole page at once.
 */
export async function conclusionsOverTime(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
): Promise<Page<ConclusionStudent>> {
  const placements = await placementsInView(ctx);
  const scope = placements.clone();
  const points = new DataLoader((ids: readonly string[]) => pointsOf(scope.clone(), filters, ids));
  const pointsOfStudent = (id: string) => points.load(id);
  const counted = placements.clone();
  const schoolWide =
    isWholeSchool(placements) &&
    !filtersPlacement(filters, ON_CONVERSATION_DATE) &&
    !filters.from &&
    !filters.to;
  const { dataSource } = ctx.services;
  return reportPage(ctx, {
    report: "conclusionsOverTime",
    scope: placements,
    parameters: DRAWN,
    page,
    filters,
    dates: ON_CONVERSATION_DATE,
    order: [{ alias: "student_name" }, { alias: "student_id" }],
    build: () =>
      schoolWide
        ? schoolStudents(dataSource, true)
            .select("st.id", "student_id")
            .addSelect("sp.name", "student_name")
            .addSelect(
              `(SELECT SUM(dpc.voor + dpc.op_schema + dpc.achter) ${COUNTED_OF("st.id")})`,
              "point_count",
            )
        : drawn(placements)
            .select("st.id", "student_id")
            .addSelect("sp.name", "student_name")
            .addSelect("COUNT(*)", "point_count")
            .groupBy("st.id")
            .addGroupBy("sp.name"),
    count: () =>
      schoolWide
        ? schoolStudents(dataSource, Boolean(filters.student?.trim())).select("st.id", "id")
        : drawn(counted, filtersStudent(filters))
            .select("p.student_id", "student_id")
            .distinct(true),
    toNode: (row) =>
      Object.assign(new ConclusionStudent(), {
        studentId: String(row.student_id),
        studentName: String(row.student_name),
        pointCount: Number(row.point_count),
        pointsOf: pointsOfStudent,
      }),
  });
}

/** The points of the students `ids`, oldest first, in one query (a DataLoader's batch). */
async function pointsOf(
  placements: SelectQueryBuilder<Placement>,
  filters: ReportFilterArgs,
  ids: readonly string[],
): Promise<ConclusionPoint[][]> {
  const rows = await whereFilters(drawn(placements), filters, ON_CONVERSATION_DATE)
    .select("c.id", "conversation_id")
    .addSelect("c.placement_id", "placement_id")
    .addSelect("st.id", "student_id")
    .addSelect("sp.name", "student_name")
    .addSelect("c.scheduled_at", "scheduled_at")
    .addSelect("c.conclusion", "conclusion")
    .addSelect("c.student_conclusion", "student_conclusion")
    .andWhere("st.id IN (:...ids)")
    .setParameters({ ...placements.getParameters(), ...DRAWN, ...filterParameters(filters), ids })
    .orderBy("c.scheduled_at", "ASC")
    .addOrderBy("c.id", "ASC")
    .getRawMany<Record<string, string>>();
  const byStudent = new Map<string, ConclusionPoint[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const conclusion = row.conclusion as Conclusion;
    byStudent.get(row.student_id as string)?.push({
      conversationId: row.conversation_id as string,
      placementId: row.placement_id as string,
      studentId: row.student_id as string,
      studentName: row.student_name as string,
      date: schoolDate(new Date(row.scheduled_at as string)),
      conclusion,
      score: conclusionScore(conclusion),
      studentConclusion: (row.student_conclusion as Conclusion | undefined) ?? null,
    });
  }
  return ids.map((id) => byStudent.get(id) ?? []);
}

/** The conclusions of `conclusionsOverTime` counted per programme (crebo), cohort or begeleider. */
export async function conclusionDistribution(
  ctx: RequestContext,
  groupBy: ConclusionGrouping,
  filters: ReportFilterArgs = {},
): Promise<ConclusionCount[]> {
  const placements = await placementsInView(ctx);
  // The whole school's conclusions are counted per placement first (kept by the database, or
  // from the conversation index alone for a date range), then per group: 20,000 placements
  // joined instead of 65,000 conclusions. A narrower scope joins its own placements' conversations.
  const perPlacement = isWholeSchool(placements);
  const report = perPlacement
    ? `conclusionDistribution/${groupBy}/school/${filters.from ? "f" : ""}${filters.to ? "t" : ""}`
    : `conclusionDistribution/${groupBy}`;
  const count = (conclusion: Conclusion) =>
    `SUM(CASE WHEN c.conclusion = :${conclusion} THEN 1 ELSE 0 END)`;
  const rows = await reportRows(
    ctx,
    report,
    placements,
    DRAWN,
    build,
    filters,
    perPlacement ? undefined : ON_CONVERSATION_DATE,
  );
  function conversations(query: SelectQueryBuilder<Placement>) {
    if (!perPlacement) {
      return query
        .innerJoin("conversation", "c", conversationsOfPlacements(placements))
        .andWhere("c.status IN (:...held)")
        .andWhere("c.conclusion IN (:...conclusions)");
    }
    // Without a date range the counts per placement are kept by the database
    // (migration 1732800000105); a range counts the conversations in it.
    if (!filters.from && !filters.to) {
      return query.innerJoin(PLACEMENT_CONCLUSIONS.table, "pc", "pc.placement_id = p.id");
    }
    return query.innerJoin(
      (sub) => {
        sub
          .from("conversation", "c")
          .select("c.placement_id", "placement_id")
          .addSelect(count("voor"), "voor")
          .addSelect(count("op_schema"), "op_schema")
          .addSelect(count("achter"), "achter")
          .where("c.status IN (:...held)")
          .andWhere("c.conclusion IN (:...conclusions)");
        if (filters.from) sub.andWhere("c.scheduled_at >= :fFrom");
        if (filters.to) sub.andWhere("c.scheduled_at < :fAfterTo");
        return sub.groupBy("c.placement_id");
      },
      "pc",
      "pc.placement_id = p.id",
    );
  }
  function build() {
    let query = conversations(placements);
    // The student (and the student's name) only where the grouping or the filters read them.
    const grouped = groupBy !== ConclusionGrouping.begeleider;
    if (grouped || filtersStudent(filters)) {
      query = query.innerJoin("student", "st", "st.id = p.student_id");
    }
    if (filters.student?.trim()) query = query.innerJoin("person", "sp", "sp.id = st.person_id");
    let group: string;
    switch (groupBy) {
      case ConclusionGrouping.programme:
        query = query.innerJoin("programme", "pr", "pr.id = st.programme_id");
        group = "pr.crebo";
        break;
      case ConclusionGrouping.cohort:
        group = "st.cohort";
        break;
      case ConclusionGrouping.begeleider:
        query = query.innerJoin("person", "b", "b.id = p.begeleider_id");
        group = "b.name";
        break;
      default:
        throw badInput("Unknown grouping.");
    }
    const sum = (conclusion: Conclusion) =>
      perPlacement ? `SUM(pc.${conclusion})` : count(conclusion);
    return query
      .select(group, "grp")
      .addSelect(sum("voor"), "voor")
      .addSelect(sum("op_schema"), "op_schema")
      .addSelect(sum("achter"), "achter")
      .groupBy(group);
  }
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
