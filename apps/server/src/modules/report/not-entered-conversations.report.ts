import { Field, ID, ObjectType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../context.js";
import { connectionOf, type Page, type PageArgs } from "../../graphql/pagination.js";
import type { Placement } from "../placement/placement.entity.js";
import { dialectOf } from "./report.sql.js";
import {
  filtersPlacement,
  filtersStudent,
  type ReportFilterArgs,
  reportPage,
} from "./report-page.js";
import {
  isWholeSchool,
  placementsInView,
  withStudent,
  withStudentFiltered,
} from "./report-scope.js";

/** A signed conversation whose report is not yet entered into the student system. */
@ObjectType("NotEnteredConversation")
export class NotEnteredConversation {
  @Field(() => ID) conversationId: string;
  @Field(() => ID) placementId: string;
  @Field(() => String) studentName: string;
  @Field(() => String) begeleiderName: string;
  @Field(() => Date) scheduledAt: Date;
  @Field(() => Date, { description: "When the third akkoord locked the record." })
  signedAt: Date;
}

/**
 * A page of the locked (signed) conversations of visible placements whose report nobody has
 * marked as entered into the student system (Archivering, step 3), longest waiting first. The
 * date range is on the conversation's date.
 */
export async function notEnteredConversations(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
): Promise<Page<NotEnteredConversation>> {
  const placements = await placementsInView(ctx);
  /** The signed conversations not entered, of visible placements. */
  const wholeSchool = isWholeSchool(placements);
  // Fewer placements than the school's are read placement by placement: the index of the
  // school's waiting conversations is kept out of their plan (SQLite, with or without statistics,
  // might otherwise read the whole school's through it).
  const status = wholeSchool
    ? "c.status"
    : dialectOf(ctx.services.dataSource).unindexed("c.status");
  const waiting = <T extends SelectQueryBuilder<Placement>>(query: T) =>
    query
      .innerJoin("conversation", "c", "c.placement_id = p.id")
      .andWhere(`${status} = :signed`)
      .andWhere("c.student_system_entered_at IS NULL");
  const counted = placements.clone();
  const dates = { column: "c.scheduled_at" };
  // The school's waiting conversations are counted alone.
  const countsAlone = wholeSchool && !filtersStudent(filters) && !filtersPlacement(filters, dates);
  return reportPage(ctx, {
    report: "notEnteredConversations",
    scope: placements,
    parameters: { signed: "signed" },
    page,
    filters,
    dates,
    // A signed conversation without its moment (none in practice) waits longest.
    order: [{ alias: "waiting_since" }, { alias: "conversation_id" }],
    build: () =>
      withStudent(waiting(placements))
        .innerJoin("person", "bg", "bg.id = p.begeleider_id")
        .select("c.id", "conversation_id")
        .addSelect("p.id", "placement_id")
        .addSelect("sp.name", "student_name")
        .addSelect("bg.name", "begeleider_name")
        .addSelect("c.scheduled_at", "scheduled_at")
        .addSelect("c.signed_at", "signed_at")
        .addSelect("COALESCE(c.signed_at, '')", "waiting_since"),
    count: () => {
      if (countsAlone) {
        return ctx.services.dataSource
          .createQueryBuilder()
          .select("c.id", "id")
          .from("conversation", "c")
          .where("c.status = :signed")
          .andWhere("c.student_system_entered_at IS NULL");
      }
      const query = waiting(counted);
      return withStudentFiltered(query, filters).select("c.id", "id");
    },
    toNode: (row) => ({
      conversationId: row.conversation_id as string,
      placementId: row.placement_id as string,
      studentName: row.student_name as string,
      begeleiderName: row.begeleider_name as string,
      scheduledAt: new Date(row.scheduled_at as string),
      signedAt: new Date(row.signed_at as string),
    }),
  });
}

export const NotEnteredConversationConnection = connectionOf(
  "NotEnteredConversation",
  NotEnteredConversation,
);
