import type { Services } from "../../context.js";
import type { ConversationChangeEvent, ConversationChangeKind } from "../../events.js";
import { Conversation } from "./conversation.entity.js";

/** Where a conversation stands: what every change event carries besides what changed. */
export type ConversationStanding = Pick<
  Conversation,
  "id" | "phase" | "section" | "phaseStartedAt" | "sectionStartedAt" | "status" | "version"
>;

/** The event that reports `kinds` as changed in `c`, with where `c` stands now. */
export function changeOf(
  c: ConversationStanding,
  kinds: ConversationChangeKind[],
): ConversationChangeEvent {
  return {
    conversationId: c.id,
    kinds,
    phase: c.phase,
    section: c.section,
    startedAt: c.phaseStartedAt,
    sectionStartedAt: c.sectionStartedAt,
    status: c.status,
    version: c.version,
  };
}

/** Tells the conversation's subscribers what changed. Call it after the change is committed. */
export function publishChange(
  services: Services,
  c: ConversationStanding,
  kinds: ConversationChangeKind[],
): void {
  services.events.publish("conversationChanged", c.id, changeOf(c, kinds));
}

/** Reads the conversation as committed now and tells its subscribers that `kinds` changed. */
export async function announceChange(
  services: Services,
  conversationId: string,
  kinds: ConversationChangeKind[],
): Promise<void> {
  const c = await services.dataSource.manager.findOneBy(Conversation, { id: conversationId });
  if (c) publishChange(services, c, kinds);
}
