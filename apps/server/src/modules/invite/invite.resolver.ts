import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { notFound } from "../../graphql/errors.js";
import { Invite } from "./invite.entity.js";

/** Managing invite links (the BPV-begeleider who leads the conversation). */
@Resolver()
export class InviteResolver {
  @Mutation(() => Invite, {
    description:
      "Revokes an invite link: it no longer opens the conversation, and sessions from it end.",
  })
  async revokeInvite(@Arg("inviteId", () => ID) inviteId: string, @Ctx() ctx: RequestContext) {
    const manager = ctx.services.dataSource.manager;
    const invite = await manager.findOneBy(Invite, { id: inviteId });
    if (!invite) throw notFound("Invite");
    const access = await openConversation(ctx, invite.conversationId, "lead");
    if (!invite.revokedAt) {
      const revokedAt = ctx.services.now();
      invite.revokedAt = revokedAt;
      await inTransaction(ctx.services.dataSource, async (tx) => {
        await tx.update(Invite, { id: invite.id }, { revokedAt });
        await ctx.services.audit.record(
          {
            actorId: access.viewer.personId,
            action: "invite.revoked",
            subjectType: "invite",
            subjectId: invite.id,
            detail: { conversationId: invite.conversationId, role: invite.role },
          },
          tx,
        );
      });
      ctx.services.events.publish("inviteRevoked", invite.id);
    }
    return invite;
  }
}
