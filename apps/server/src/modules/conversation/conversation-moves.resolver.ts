import {
  isPlanned,
  nextPhasePosition,
  nextSectionPosition,
  previousPhasePosition,
  sectionPosition,
} from "@driehoek/domain";
import { Arg, Args, Ctx, Mutation, Resolver } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import { requireStaff } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { badInput, conflict, forbidden, notFound } from "../../graphql/errors.js";
import { Placement } from "../placement/placement.entity.js";
import { assertWithinPlacement } from "../planning/planning-access.js";
import {
  EndConversationArgs,
  notSmartAgreements,
  notSmartError,
  recordNotSmartAcceptance,
} from "../signoff/not-smart.js";
import { Conversation } from "./conversation.entity.js";
import { assertLiveIn, ConversationMover } from "./conversation.service.js";
import {
  AdvancePhaseArgs,
  ConversationIdArgs,
  MoveToSectionArgs,
  ScheduleConversationInput,
  ScheduledConversation,
} from "./conversation.types.js";
import { scheduleConversation } from "./schedule-conversation.js";

/** Planning a conversation and leading it through the guide (the BPV-begeleider's part). */
@Resolver()
export class ConversationMovesResolver {
  @Mutation(() => ScheduledConversation, {
    description:
      "Plans a conversation for a placement; creates one invite per participant. A day after the placement's end date is refused (BAD_USER_INPUT, reason after_placement_end): that conversation would not be part of the placement.",
  })
  async scheduleConversation(
    @Arg("input", () => ScheduleConversationInput) input: ScheduleConversationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["bpv_begeleider", "admin"]);
    const placement = await ctx.services.dataSource.manager.findOneBy(Placement, {
      id: input.placementId,
    });
    if (!placement) throw notFound("Placement");
    if (viewer.role !== "admin" && placement.begeleiderId !== viewer.personId) {
      throw forbidden("Only the placement's own BPV-begeleider plans its conversations.");
    }
    assertWithinPlacement(placement, input.scheduledAt);
    return scheduleConversation(ctx.services, viewer, placement, input);
  }

  @Mutation(() => Conversation, { description: "Starts a planned conversation in Inleiding." })
  async startConversation(
    @Args(() => ConversationIdArgs) args: ConversationIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    if (!isPlanned(access.conversation.status)) {
      throw conflict("This conversation has already started.", "already_started");
    }
    return new ConversationMover(ctx.services).start(access);
  }

  @Mutation(() => Conversation, { description: "Moves on to the next phase (its first section)." })
  async advancePhase(
    @Args(() => AdvancePhaseArgs) args: AdvancePhaseArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    const { conversation } = access;
    assertLiveIn(conversation, args.expectedPhase);
    const next = nextPhasePosition(position(conversation));
    if (!next)
      throw conflict("Afronden is the last phase; end the conversation instead.", "last_phase");
    return new ConversationMover(ctx.services).moveTo(access, next, "conversation.phase_advanced");
  }

  @Mutation(() => Conversation, {
    description: "Goes back to the previous phase (its first section).",
  })
  async returnToPreviousPhase(
    @Args(() => AdvancePhaseArgs) args: AdvancePhaseArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    assertLiveIn(access.conversation, args.expectedPhase);
    const previous = previousPhasePosition(position(access.conversation));
    if (!previous) throw conflict("Inleiding is the first phase.", "first_phase");
    return new ConversationMover(ctx.services).moveTo(
      access,
      previous,
      "conversation.phase_returned",
    );
  }

  @Mutation(() => Conversation, {
    description: "Moves to the next section, into the next phase at a phase's end.",
  })
  async advanceSection(
    @Args(() => AdvancePhaseArgs) args: AdvancePhaseArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    assertLiveIn(access.conversation, args.expectedPhase);
    const next = nextSectionPosition(position(access.conversation));
    if (!next) throw conflict("This is the last section of the guide.", "last_section");
    return new ConversationMover(ctx.services).moveTo(access, next, "conversation.section_moved");
  }

  @Mutation(() => Conversation, { description: "Moves to a section of the current phase." })
  async moveToSection(
    @Args(() => MoveToSectionArgs) args: MoveToSectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    assertLiveIn(access.conversation);
    const target = sectionPosition(position(access.conversation), args.section);
    if (!target) {
      throw badInput(`"${args.section}" is not a section of the current phase.`);
    }
    return new ConversationMover(ctx.services).moveTo(access, target, "conversation.section_moved");
  }

  @Mutation(() => Conversation, {
    description:
      "Ends a live conversation; it then awaits signatures. Agreements that are not yet SMART are refused (CONFLICT `not_smart`) unless `acceptNotSmart` records the choice to go on.",
  })
  async endConversation(
    @Args(() => EndConversationArgs) args: EndConversationArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    assertLiveIn(access.conversation);
    // The record's tables are exact at the end: what was typed until now is projected first.
    await ctx.services.liveDocuments.flush(access.conversation.id);
    const notSmart = await notSmartAgreements(ctx.services, access.conversation.id);
    if (notSmart.length > 0 && !args.acceptNotSmart) throw notSmartError(notSmart);
    const ended = await new ConversationMover(ctx.services).end(access);
    if (notSmart.length > 0) {
      await recordNotSmartAcceptance(
        ctx.services,
        access.conversation.id,
        access.viewer.personId,
        notSmart,
      );
    }
    return ended;
  }
}

function position(conversation: Conversation) {
  if (!conversation.phase || !conversation.section) {
    throw conflict("The conversation has no place in the guide yet.", "not_live");
  }
  return { phase: conversation.phase, section: conversation.section };
}
