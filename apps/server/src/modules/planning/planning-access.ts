import { isPlanned, LIMITS, schoolDate } from "@driehoek/domain";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext, Viewer } from "../../context.js";
import { appError, badInput, conflict, forbidden, notFound } from "../../graphql/errors.js";
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

/**
 * Refuses a conversation on a day (on the school's clock) after the placement's last day: it
 * would not be part of the placement, and the frequency rule would not count it. BAD_USER_INPUT
 * with reason `after_placement_end` and the end date in `params`.
 */
export function assertWithinPlacement(placement: Pick<Placement, "endDate">, at: Date): void {
  if (Number.isNaN(at.getTime())) return; // refused as not a usable date where it is read
  if (schoolDate(at) <= placement.endDate) return;
  throw appError(
    "BAD_USER_INPUT",
    `The placement ended on ${placement.endDate}; a conversation after that is not part of it.`,
    "after_placement_end",
    { endDate: placement.endDate },
  );
}
