import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../context.js";
import { Conversation } from "../modules/conversation/conversation.entity.js";
import { ConversationParticipant } from "../modules/conversation/participant.entity.js";
import { Person } from "../modules/people/person.entity.js";
import { Placement } from "../modules/placement/placement.entity.js";
import { requireViewer } from "./guards.js";

/**
 * The placements the caller may list: all for an admin, their own for a BPV-begeleider,
 * their students' for a trajectbegeleider, and for an invite only the placement of its
 * conversation (and for a praktijkopleider only while it is at their company).
 */
export async function visiblePlacements(
  ctx: RequestContext,
): Promise<SelectQueryBuilder<Placement>> {
  const viewer = requireViewer(ctx);
  const manager = ctx.services.dataSource.manager;
  const query = manager.createQueryBuilder(Placement, "p");
  if (viewer.conversationId) {
    const conversation = await manager.findOneByOrFail(Conversation, { id: viewer.conversationId });
    query.where("p.id = :placementId", { placementId: conversation.placementId });
    if (viewer.role === "praktijkopleider") {
      const person = await manager.findOneByOrFail(Person, { id: viewer.personId });
      query.andWhere("p.company_id = :companyId", { companyId: person.companyId ?? "" });
    }
    return query;
  }
  switch (viewer.role) {
    case "admin":
      return query;
    case "bpv_begeleider":
      return query.where("p.begeleider_id = :me", { me: viewer.personId });
    case "trajectbegeleider":
      return query
        .innerJoin("student", "s", "s.id = p.student_id")
        .where("s.trajectbegeleider_id = :me", { me: viewer.personId });
    default:
      return query.where("1 = 0");
  }
}

/** The conversations the caller may list: those of visible placements and those they joined. */
export async function visibleConversations(
  ctx: RequestContext,
): Promise<SelectQueryBuilder<Conversation>> {
  const viewer = requireViewer(ctx);
  const manager = ctx.services.dataSource.manager;
  const query = manager.createQueryBuilder(Conversation, "c");
  if (viewer.conversationId) {
    return query.where("c.id = :id", { id: viewer.conversationId });
  }
  const placements = (await visiblePlacements(ctx)).select("p.id");
  const joined = manager
    .createQueryBuilder(ConversationParticipant, "cp")
    .select("cp.conversation_id")
    .where("cp.person_id = :me");
  return query
    .where(`c.placement_id IN (${placements.getQuery()})`)
    .orWhere(`c.id IN (${joined.getQuery()})`)
    .setParameters({ ...placements.getParameters(), me: viewer.personId });
}
