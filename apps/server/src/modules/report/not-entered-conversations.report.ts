import { Field, ID, ObjectType } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { byName, compare, placementsInView, reportRows, withStudent } from "./report-scope.js";

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
 * Locked (signed) conversations of visible placements whose report nobody has marked as
 * entered into the student system (Archivering, step 3), longest waiting first.
 */
export async function notEnteredConversations(
  ctx: RequestContext,
): Promise<NotEnteredConversation[]> {
  const placements = await placementsInView(ctx);
  const rows = await reportRows(
    ctx,
    "notEnteredConversations",
    placements,
    { signed: "signed" },
    () =>
      withStudent(placements.innerJoin("conversation", "c", "c.placement_id = p.id"))
        .innerJoin("person", "bg", "bg.id = p.begeleider_id")
        .select("c.id", "conversation_id")
        .addSelect("p.id", "placement_id")
        .addSelect("sp.name", "student_name")
        .addSelect("bg.name", "begeleider_name")
        .addSelect("c.scheduled_at", "scheduled_at")
        .addSelect("c.signed_at", "signed_at")
        .andWhere("c.status = :signed")
        .andWhere("c.student_system_entered_at IS NULL")
        .orderBy("c.signed_at", "ASC")
        .addOrderBy("c.id", "ASC"),
  );
  return rows
    .map((raw) => {
      const row = raw as Record<string, string>;
      return {
        conversationId: row.conversation_id as string,
        placementId: row.placement_id as string,
        studentName: row.student_name as string,
        begeleiderName: row.begeleider_name as string,
        scheduledAt: new Date(row.scheduled_at as string),
        signedAt: new Date(row.signed_at as string),
      };
    })
    .sort(
      (a, b) =>
        a.signedAt.getTime() - b.signedAt.getTime() ||
        byName(a.studentName, b.studentName) ||
        compare(a.conversationId, b.conversationId),
    );
}
