import { Args, Resolver, Root, Subscription } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { Invite } from "../invite/invite.entity.js";
import { ConversationIdArgs, PhaseChange } from "./conversation.types.js";
import type { PhaseChangeEvent } from "./phase-events.js";

/** Whether the invite the caller came in with (if any) still opens its conversation. */
async function isInviteStillOpen(ctx: RequestContext): Promise<boolean> {
  const inviteId = ctx.viewer?.inviteId;
  if (!inviteId) return true;
  const invite = await ctx.services.dataSource.manager.findOneBy(Invite, { id: inviteId });
  return Boolean(invite && !invite.revokedAt && invite.expiresAt > ctx.services.now());
}

/**
 * Passes `source` on while `isAllowed()` holds before each item, and ends it when not.
 * A plain iterator rather than an async generator: `return()` must reach the source at once,
 * even while a `next()` is still waiting for the next event.
 */
function whileAllowed<T>(
  source: AsyncIterable<T>,
  isAllowed: () => Promise<boolean>,
): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<T>> => {
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  const wrapped: AsyncIterableIterator<T> = {
    next: async () => {
      const result = await iterator.next();
      if (result.done) return result;
      return (await isAllowed()) ? result : end();
    },
    return: end,
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/** Live pushes of the guide's progress to the people in a conversation. */
@Resolver()
export class PhaseSubscriptionResolver {
  @Subscription(() => PhaseChange, {
    description: "Every phase, section or status change of one conversation, as it happens.",
    // Access is decided before anything is delivered: only those who may see the
    // conversation receive its changes. A revoked or expired invite ends the stream.
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const { conversation } = await openConversation(
        ctx,
        (args as ConversationIdArgs).conversationId,
      );
      return whileAllowed(ctx.services.phaseEvents.subscribe(conversation.id), () =>
        isInviteStillOpen(ctx),
      );
    },
  })
  phaseChanged(
    @Root() event: PhaseChangeEvent,
    @Args(() => ConversationIdArgs) _args: ConversationIdArgs,
  ): PhaseChange {
    return event;
  }
}
