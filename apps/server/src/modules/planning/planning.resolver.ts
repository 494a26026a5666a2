import { Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { InviteLink } from "../conversation/conversation.types.js";
import { inviteUrl } from "../invite/invite-links.js";
import { Placement } from "../placement/placement.entity.js";
import { planOf } from "./conversation-mails.js";
import {
  cancelConversation,
  moveConversation,
  openInvite,
  reissueInvite,
  resendInvite,
} from "./planning.service.js";
import { CancelConversationArgs, InviteIdArgs, MoveConversationArgs } from "./planning.types.js";
import { assertWithinPlacement, openForPlanning } from "./planning-access.js";

/** The planner's part: length and place of a conversation, moving, cancelling, managing links. */
@Resolver(() => Conversation)
export class PlanningResolver {
  @FieldResolver(() => Int, { description: "Planned length in minutes." })
  async durationMinutes(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return (await planOf(ctx.services.dataSource.manager, conversation.id)).durationMinutes;
  }

  @FieldResolver(() => Date, { description: "When it is planned to end." })
  async endsAt(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    const minutes = await this.durationMinutes(conversation, ctx);
    return new Date(conversation.scheduledAt.getTime() + minutes * 60_000);
  }

  @FieldResolver(() => String, { nullable: true, description: "Where the three meet in person." })
  async location(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return (await planOf(ctx.services.dataSource.manager, conversation.id)).location;
  }

  @FieldResolver(() => String, { nullable: true, description: "The video-call link when online." })
  async onlineUrl(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return (await planOf(ctx.services.dataSource.manager, conversation.id)).onlineUrl;
  }

  @Mutation(() => Conversation, {
    description:
      "Moves a planned conversation (the placement's BPV-begeleider or an admin): everyone with an e-mail address gets the update of the same calendar entry. A day after the placement's end date is refused (BAD_USER_INPUT, reason after_placement_end).",
  })
  async moveConversation(
    @Args(() => MoveConversationArgs) args: MoveConversationArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openForPlanning(ctx, args.conversationId, { mustBePlanned: true });
    assertWithinPlacement(access.placement, args.startsAt);
    return moveConversation(ctx.services, access, args);
  }

  @Mutation(() => Placement, {
    description:
      "Calls a planned conversation off: it is deleted with its invites, and everyone with an e-mail address gets a cancellation that removes it from their calendar. Returns the placement.",
  })
  async cancelConversation(
    @Args(() => CancelConversationArgs) args: CancelConversationArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openForPlanning(ctx, args.conversationId, { mustBePlanned: true });
    const ended = await cancelConversation(ctx.services, access, args.reason?.trim() || null);
    for (const inviteId of ended) ctx.services.events.publish("inviteRevoked", inviteId);
    return access.placement;
  }

  @Mutation(() => InviteLink, {
    description: "Sends a participant's invitation again, with the same link.",
  })
  async resendInvite(@Args(() => InviteIdArgs) args: InviteIdArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["bpv_begeleider", "admin"]);
    const invite = await openInvite(ctx.services, args.inviteId);
    const access = await openForPlanning(ctx, invite.conversationId, { mustBePlanned: false });
    await resendInvite(ctx.services, access, invite);
    return {
      invite,
      person: invite.person,
      url: inviteUrl(ctx.services, invite),
      hasEmail: !!invite.person.email,
    };
  }

  @Mutation(() => InviteLink, {
    description:
      "Revokes a participant's link (it stops working at once, its sessions end) and makes a new one, mailed to them when they have an e-mail address.",
  })
  async reissueInvite(@Args(() => InviteIdArgs) args: InviteIdArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["bpv_begeleider", "admin"]);
    const old = await openInvite(ctx.services, args.inviteId);
    const access = await openForPlanning(ctx, old.conversationId, { mustBePlanned: false });
    const fresh = await reissueInvite(ctx.services, access, old);
    ctx.services.events.publish("inviteRevoked", old.id);
    return {
      invite: fresh,
      person: old.person,
      url: inviteUrl(ctx.services, fresh),
      hasEmail: !!old.person.email,
    };
  }
}
