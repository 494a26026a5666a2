import { isPlanned, LIMITS } from "@driehoek/domain";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext, Viewer } from "../../context.js";
import { badInput, conflict, forbidden, notFound } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { Placement } from "../placement/placement.entity.js";

/** A planned conversation as its planner (its BPV-begeleider, or an admin) sees it. */
export interface PlanningAccess {
  viewer: Viewer;
  conversation: Conversation;
  placement: Placement;
}

/**
 * Loads a conversation for planning: only the placement's own BPV-begeleider and admins move,
 * cancel and manage its invites; an invite never does.
 */
export async function openForPlanning(
  ctx: RequestContext,
  conversationId: string,
  options: { mustBePlanned: boolean },
): Promise<PlanningAccess> {
  const viewer = requireStaff(ctx, ["bpv_begeleider", "admin"]);
  if (conversationId.length > LIMITS.id) throw badInput("That is not a conversation id.");
  const manager = ctx.services.dataSource.manager;
  const conversation = await manager.findOneBy(Conversation, { id: conversationId });
  if (!conversation) throw notFound("Conversation");
  const placement = await manager.findOneByOrFail(Placement, { id: conversation.placementId });
  if (viewer.role !== "admin" && placement.begeleiderId !== viewer.personId) {
    throw forbidden("Only the placement's own BPV-begeleider plans its conversations.");
  }
  if (options.mustBePlanned && !isPlanned(conversation.status)) {
    throw conflict(
      "This conversation has already started; it can no longer be moved or cancelled.",
      "not_planned",
    );
  }
  return { viewer, conversation, placement };
}
