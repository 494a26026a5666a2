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
    .andWhere("c.status IN (:...held)", { held: ["ended", "signed"] })
    .orderBy("c.scheduled_at", "DESC")
    .getOne();
}

/** The agreements of the previous conversation, in order: the ones to review now. */
export async function previousAgreements(
  manager: EntityManager,
  conversation: Conversation,
): Promise<Agreement[]> {
  const previous = await previousConversation(manager, conversation);
  if (!previous) return [];
  return manager.find(Agreement, {
    where: { conversationId: previous.id },
    order: { position: "ASC" },
  });
}
