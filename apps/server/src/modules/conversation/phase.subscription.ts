import { Args, Resolver, Root, Subscription } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { ConversationIdArgs, PhaseChange } from "./conversation.types.js";
import type { PhaseChangeEvent } from "./phase-events.js";

/** Live pushes of the guide's progress to the people in a conversation. */
@Resolver()
export class PhaseSubscriptionResolver {
  @Subscription(() => PhaseChange, {
    description: "Every phase, section or status change of one conversation, as it happens.",
    // Access is decided once, before anything is delivered: only those who may see the
    // conversation receive its changes.
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const { conversation } = await openConversation(
        ctx,
        (args as ConversationIdArgs).conversationId,
      );
      return ctx.services.phaseEvents.subscribe(conversation.id);
    },
  })
  phaseChanged(
    @Root() event: PhaseChangeEvent,
    @Args(() => ConversationIdArgs) _args: ConversationIdArgs,
  ): PhaseChange {
    return event;
  }
}
