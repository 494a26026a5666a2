import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { openConversation } from "../../access/conversation-access.js";
import { visibleConversations } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { RoleEnum } from "../../graphql/enums.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { agreementsToReview } from "../agreement/previous-agreements.js";
import { Invite } from "../invite/invite.entity.js";
import { inviteUrl } from "../invite/invite-links.js";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Conversation } from "./conversation.entity.js";
import { InviteLink, ParticipantType } from "./conversation.types.js";
import { ConversationParticipant } from "./participant.entity.js";
import { PhasePeriod } from "./phase-period.entity.js";

/** Reading conversations, with what belongs to them. */
@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => Conversation, {
    description: "One conversation the caller takes part in or is responsible for.",
  })
  async conversation(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return (await openConversation(ctx, id)).conversation;
  }

  @Query(() => [Conversation], { description: "The caller's conversations, soonest first." })
  async conversations(@Ctx() ctx: RequestContext) {
    const list = await (await visibleConversations(ctx))
      .orderBy("c.scheduled_at", "ASC")
      .limit(500)
      .getMany();
    await auditNonParticipantListing(ctx, list);
    return list;
  }

  @FieldResolver(() => [ParticipantType])
  async participants(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    const manager = ctx.services.dataSource.manager;
    const rows = await manager.findBy(ConversationParticipant, { conversationId: conversation.id });
    const people = await manager.findBy(Person, { id: In(rows.map((r) => r.personId)) });
    const order = ["student", "praktijkopleider", "bpv_begeleider"];
    return rows
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((r) => ({ role: r.role, person: people.find((p) => p.id === r.personId) }));
  }

  @FieldResolver(() => RoleEnum, { nullable: true, description: "The caller's role in it." })
  async myRole(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    if (!ctx.viewer) return null;
    const row = await ctx.services.dataSource.manager.findOneBy(ConversationParticipant, {
      conversationId: conversation.id,
      personId: ctx.viewer.personId,
    });
    return row?.role ?? null;
  }

  @FieldResolver(() => Placement)
  placement(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Placement, {
      id: conversation.placementId,
    });
  }

  @FieldResolver(() => [PhasePeriod], { description: "When each phase started and ended." })
  phasePeriods(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(PhasePeriod, {
      where: { conversationId: conversation.id },
      order: { startedAt: "ASC" },
    });
  }

  @FieldResolver(() => [Agreement], { description: "Agreements made in this conversation." })
  agreements(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(Agreement, {
      where: { conversationId: conversation.id },
      order: { position: "ASC" },
    });
  }

  @FieldResolver(() => [Agreement], {
    description:
      "The agreements to review now: all of the previous conversation's, and older ones not done yet. For the three participants, who prepare from them, and the staff responsible.",
  })
  async previousAgreements(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    // Reached through any path (lists included), the conversation's own access rule decides.
    await openConversation(ctx, conversation.id);
    return agreementsToReview(ctx.services.dataSource.manager, conversation);
  }

  @FieldResolver(() => [InviteLink], {
    nullable: true,
    description: "The invite links; only for the BPV-begeleider who leads, null for others.",
  })
  async invites(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    const access = await openConversation(ctx, conversation.id).catch(() => null);
    const leads =
      access?.viewer.role === "bpv_begeleider" &&
      !access.viewer.inviteId &&
      access.placement.begeleiderId === access.viewer.personId;
    if (!leads) return null;
    const manager = ctx.services.dataSource.manager;
    const invites = await manager.find(Invite, {
      where: { conversationId: conversation.id },
      order: { createdAt: "ASC" },
    });
    const people = await manager.findBy(Person, { id: In(invites.map((i) => i.personId)) });
    return invites.map((invite) => {
      const person = people.find((p) => p.id === invite.personId);
      return { invite, person, url: inviteUrl(ctx.services, invite), hasEmail: !!person?.email };
    });
  }
}

/** Records every listed conversation the caller does not take part in (AVG: access is logged). */
async function auditNonParticipantListing(
  ctx: RequestContext,
  list: Conversation[],
): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.inviteId || list.length === 0) return;
  const joined = await ctx.services.dataSource.manager.findBy(ConversationParticipant, {
    personId: viewer.personId,
    conversationId: In(list.map((c) => c.id)),
  });
  const mine = new Set(joined.map((p) => p.conversationId));
  await ctx.services.audit.recordMany(
    list
      .filter((c) => !mine.has(c.id))
      .map((c) => ({
        actorId: viewer.personId,
        action: "conversation.listed",
        subjectType: "conversation",
        subjectId: c.id,
        detail: { role: viewer.role },
      })),
  );
}
