import { requireStaff } from "../../access/guards.js";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { TalkGrouping, type TalkReportArgs, type TalkReportConnection } from "./talk.types.js";
import { TalkInterval } from "./talk-interval.entity.js";

/** The group each grouping reports by, as SQL over placement `p`, student `st` and their joins. */
const GROUP_SQL: Record<TalkGrouping, string> = {
  [TalkGrouping.begeleider]: "bp.name",
  [TalkGrouping.programme]: "pr.crebo",
  [TalkGrouping.cohort]: "st.cohort",
  [TalkGrouping.student]: "sp.name",
};

const cursorOf = (position: number) => Buffer.from(`talk:${position}`).toString("base64url");

function positionOf(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^talk:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw badInput("after is not a cursor of this report.");
  return Number(match[1]);
}

/**
 * The average student share per group and month, over the conversations with measured speech
 * of the placements the caller may see. Each conversation counts once (the average of
 * conversation shares, not of seconds), so one long conversation does not outweigh the rest.
 * Paged by position in a stable order (group, month), like the admin tables.
 */
export async function talkReport(
  ctx: RequestContext,
  args: TalkReportArgs,
): Promise<TalkReportConnection> {
  requireStaff(ctx, ["bpv_begeleider", "trajectbegeleider", "admin"]);
  const manager = ctx.services.dataSource.manager;
  const scope = (await visiblePlacements(ctx)).select("p.id");
  const perConversation = manager
    .createQueryBuilder(TalkInterval, "t")
    .select("t.conversation_id", "conversation_id")
    .addSelect("SUM(CASE WHEN t.role = 'student' THEN t.duration_ms ELSE 0 END)", "student_ms")
    .addSelect("SUM(t.duration_ms)", "all_ms")
    .groupBy("t.conversation_id");
  const group = GROUP_SQL[args.groupBy];
  const month = "SUBSTR(c.scheduled_at, 1, 7)";
  const query = manager
    .createQueryBuilder()
    .select(group, "grp")
    .addSelect(month, "month")
    .addSelect("COUNT(*)", "conversations")
    .addSelect("AVG(CAST(ts.student_ms AS FLOAT) / ts.all_ms)", "share")
    .from(`(${perConversation.getQuery()})`, "ts")
    .innerJoin("conversation", "c", "c.id = ts.conversation_id")
    .innerJoin("placement", "p", "p.id = c.placement_id")
    .innerJoin("student", "st", "st.id = p.student_id")
    .innerJoin("person", "sp", "sp.id = st.person_id")
    .innerJoin("programme", "pr", "pr.id = st.programme_id")
    .innerJoin("person", "bp", "bp.id = p.begeleider_id")
    .where(`p.id IN (${scope.getQuery()})`)
    .andWhere("ts.all_ms > 0")
    .setParameters(scope.getParameters())
    .groupBy(group)
    .addGroupBy(month)
    .orderBy(group, "ASC")
    .addOrderBy(month, "ASC");
  const rows: {
    grp: string;
    month: string;
    conversations: string | number;
    share: string | number;
  }[] = await query.getRawMany();
  const start = positionOf(args.after);
  const page = rows.slice(start, start + args.first);
  const edges = page.map((r, i) => ({
    node: {
      group: r.grp ?? "",
      month: r.month,
      conversations: Number(r.conversations),
      averageStudentShare: Number(r.share),
    },
    cursor: cursorOf(start + i + 1),
  }));
  return {
    totalCount: rows.length,
    pageInfo: {
      hasNextPage: start + args.first < rows.length,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  };
}
