import { CLOSED_AGREEMENT_STATUSES, HELD_STATUSES } from "@driehoek/domain";
import type { EntityManager } from "typeorm";
import { Conversation } from "../conversation/conversation.entity.js";
import { Agreement } from "./agreement.entity.js";

/** The placement's conversation held before this one (ended or signed), if any. */
export function previousConversation(
  manager: EntityManager,
  conversation: Conversation,
): Promise<Conversation | null> {
  return manager
    .createQueryBuilder(Conversation, "c")
    .where("c.placement_id = :placementId", { placementId: conversation.placementId })
    .andWhere("c.id <> :id", { id: conversation.id })
    .andWhere("c.scheduled_at < :at", { at: conversation.scheduledAt.toISOString() })
    .andWhere("c.status IN (:...held)", { held: HELD_STATUSES })
    .orderBy("c.scheduled_at", "DESC")
    .getOne();
}

/**
 * The agreements this conversation reviews, oldest conversation first and in their order there:
 * every agreement of the previous conversation, and every older agreement of the placement that
 * is not done yet, so an agreement left open, partly done or not done keeps coming back until it
 * is. An agreement this conversation reviewed stays in its list whatever the outcome, so the set
 * does not shift under the people reviewing it.
 */
export async function agreementsToReview(
  manager: EntityManager,
  conversation: Conversation,
): Promise<Agreement[]> {
  const previous = await previousConversation(manager, conversation);
  if (!previous) return [];
  return manager
    .createQueryBuilder(Agreement, "a")
    .innerJoin(Conversation, "m", "m.id = a.conversation_id")
    .where("m.placement_id = :placementId", { placementId: conversation.placementId })
    .andWhere("m.id <> :id", { id: conversation.id })
    .andWhere("m.scheduled_at <= :at", { at: previous.scheduledAt.toISOString() })
    .andWhere("m.status IN (:...held)", { held: HELD_STATUSES })
    .andWhere("(m.id = :previousId OR a.reviewed_in_id = :id OR a.status NOT IN (:...closed))", {
      previousId: previous.id,
      closed: CLOSED_AGREEMENT_STATUSES,
    })
    .orderBy("m.scheduled_at", "ASC")
    .addOrderBy("a.position", "ASC")
    .getMany();
}
