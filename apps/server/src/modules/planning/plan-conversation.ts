import type { EntityManager } from "typeorm";
import type { Services } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import type { Conversation } from "../conversation/conversation.entity.js";
import { queueConversationMails, queueReminders } from "./conversation-mails.js";
import { ConversationPlan } from "./conversation-plan.entity.js";
import { DURATION_RANGE, type PlanDetails, type PlanDetailsInput } from "./planning.types.js";

/** Trims and checks the plan's details; an empty field is none. */
export function planDetails(input: Partial<PlanDetailsInput>): PlanDetails {
  const location = input.location?.trim() || null;
  const onlineUrl = input.onlineUrl?.trim() || null;
  if (onlineUrl && !/^https?:\/\/[^\s]+$/i.test(onlineUrl)) {
    throw badInput("onlineUrl must be an http(s) link.");
  }
  return {
    durationMinutes: input.durationMinutes ?? DURATION_RANGE.default,
    location,
    onlineUrl,
  };
}

/**
 * What follows planning a conversation, in the same transaction: its calendar plan, and for
 * each participant with an e-mail address the invitation (with link and calendar invite) and
 * the reminder for the day before, in the outbox.
 */
export async function afterConversationPlanned(
  services: Services,
  manager: EntityManager,
  conversation: Conversation,
  details: Partial<PlanDetailsInput>,
): Promise<void> {
  await manager.insert(ConversationPlan, {
    conversationId: conversation.id,
    ...planDetails(details),
    sequence: 0,
  });
  await queueConversationMails(services, manager, conversation.id, "invitation");
  await queueReminders(services, manager, conversation.id);
}
