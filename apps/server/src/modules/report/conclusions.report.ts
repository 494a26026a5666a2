import {
  CONCLUSIONS,
  type Conclusion,
  conclusionScore,
  HELD_STATUSES,
  schoolDate,
} from "@driehoek/domain";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { type ConclusionCount, ConclusionGrouping, type ConclusionPoint } from "./report.types.js";
import { byName, placementsInView, reportRows, withStudent } from "./report-scope.js";

/**
 * Parameters of both conclusion reports: conclusions drawn in held conversations, and each
 * conclusion by its own name (for counting them).
 */
const DRAWN = {
  held: HELD_STATUSES,
  conclusions: CONCLUSIONS,
  ...Object.fromEntries(CONCLUSIONS.map((c) => [c, c])),
};

/**
 * Every conclusion drawn in a held conversation of a visible placement, oldest first, with the
 * student's own statement beside the begeleider's judgement.
 */
export async function conclusionsOverTime(ctx: RequestContext): Promise<ConclusionPoint[]> {
  const placements = await placementsInView(ctx);
  const rows = await reportRows(ctx, "conclusionsOverTime", placements, DRAWN, () =>
    withStudent(placements.innerJoin("conversation", "c", "c.placement_id = p.id"))
      .select("c.id", "conversation_id")
      .addSelect("st.id", "student_id")
      .addSelect("sp.name", "student_name")
      .addSelect("c.scheduled_at", "scheduled_at")
      .addSelect("c.conclusion", "conclusion")
      .addSelect("c.student_conclusion", "student_conclusion")
      .andWhere("c.status IN (:...held)")
      .andWhere("c.conclusion IN (:...conclusions)")
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
      date: schoolDate(new Date(row.scheduled_at as string)),
      conclusion,
      score: conclusionScore(conclusion),
      studentConclusion: (row.student_conclusion as Conclusion | undefined) ?? null,
    };
  });
}

/** The conclusions of `conclusionsOverTime` counted per programme (crebo), cohort or begeleider. */
export async function conclusionDistribution(
  ctx: RequestContext,
  groupBy: ConclusionGrouping,
): Promise<ConclusionCount[]> {
  const placements = await placementsInView(ctx);
  const rows = await reportRows(ctx, `conclusionDistribution/${groupBy}`, placements, DRAWN, () => {
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
      `SUM(CASE WHEN c.conclusion = :${conclusion} THEN 1 ELSE 0 END)`;
    return query
      .select(group, "grp")
      .addSelect(count("voor"), "voor")
      .addSelect(count("op_schema"), "op_schema")
      .addSelect(count("achter"), "achter")
      .andWhere("c.status IN (:...held)")
      .andWhere("c.conclusion IN (:...conclusions)")
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
