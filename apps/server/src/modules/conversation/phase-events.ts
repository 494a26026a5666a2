import type { ConversationStatus, PhaseKey } from "@driehoek/domain";
import { createPubSub } from "@graphql-yoga/subscription";

/** A move of the guide (or of the conversation's status), as pushed to participants. */
export interface PhaseChangeEvent {
  conversationId: string;
  phase: PhaseKey | null;
  section: string | null;
  startedAt: Date | null;
  sectionStartedAt: Date | null;
  status: ConversationStatus;
  version: number;
}

/**
 * Delivers phase changes to the subscribers of one conversation. In-process for now; a
 * multi-process deployment swaps in an implementation over Redis behind the same interface.
 */
export interface PhaseEvents {
  publish(event: PhaseChangeEvent): void;
  subscribe(conversationId: string): AsyncIterable<PhaseChangeEvent>;
}

/** Phase events within one server process. */
export function createLocalPhaseEvents(): PhaseEvents {
  const pubSub = createPubSub<{ phaseChanged: [string, PhaseChangeEvent] }>();
  return {
    publish: (event) => pubSub.publish("phaseChanged", event.conversationId, event),
    subscribe: (conversationId) => pubSub.subscribe("phaseChanged", conversationId),
  };
}
