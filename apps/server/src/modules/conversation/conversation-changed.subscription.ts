import { Args, Resolver, Root, Subscription } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import type { ConversationChangeEvent } from "../../events.js";
import { Invite } from "../invite/invite.entity.js";
import { ConversationChange, ConversationIdArgs } from "./conversation.types.js";

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

/** Live pushes of a conversation's changes to the people who may see it. */
@Resolver()
export class ConversationChangedResolver {
  @Subscription(() => ConversationChange, {
    description:
      "Every change of one conversation as it is committed: its place in the guide, status, conclusion, signatures, planned next conversation, record.",
    // Access is decided before anything is delivered: only those who may see the
    // conversation receive its changes. A revoked or expired invite ends the stream.
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const { conversation } = await openConversation(
        ctx,
        (args as ConversationIdArgs).conversationId,
      );
      return whileAllowed(
        ctx.services.events.subscribe("conversationChanged", conversation.id),
        () => isInviteStillOpen(ctx),
      );
    },
  })
  conversationChanged(
    @Root() event: ConversationChangeEvent,
    @Args(() => ConversationIdArgs) _args: ConversationIdArgs,
  ): ConversationChange {
    return event;
  }
}
