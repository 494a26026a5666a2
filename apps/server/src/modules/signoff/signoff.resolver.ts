import { isHeld, isLocked, isRecordOpen, schoolToday } from "@driehoek/domain";
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { conflict, forbidden } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { Person } from "../people/person.entity.js";
import { judgePlacement } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import { Signature } from "./signature.entity.js";
import {
  currentRecord,
  recordChanged,
  recordPaperSignatures,
  signConversation,
  verifyRecord,
} from "./signoff.service.js";
import {
  ConclusionArgs,
  RecordVerification,
  RecordView,
  SignArgs,
  SignatureView,
} from "./signoff.types.js";

/** Afronden and after: the conclusion, the three signatures, the locked record. */
@Resolver(() => Conversation)
export class SignOffResolver {
  @FieldResolver(() => RecordView, {
    description: "The record to read before signing (or as locked).",
  })
  async record(
    @Root() conversation: Conversation,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordView> {
    if (isLocked(conversation.status) && conversation.recordJson && conversation.recordHash) {
      return { hash: conversation.recordHash, json: conversation.recordJson, isLocked: true };
    }
    const { text, hash } = await currentRecord(ctx.services, conversation.id);
    return { hash, json: text, isLocked: false };
  }

  @FieldResolver(() => [SignatureView], {
    description: "Every signature given, voided ones included.",
  })
  async signatures(
    @Root() conversation: Conversation,
    @Ctx() ctx: RequestContext,
  ): Promise<SignatureView[]> {
    const manager = ctx.services.dataSource.manager;
    const rows = await manager.find(Signature, {
      where: { conversationId: conversation.id },
      order: { signedAt: "ASC" },
    });
    if (rows.length === 0) return [];
    const people = await manager.findBy(Person, { id: In(rows.map((r) => r.personId)) });
    const hash =
      conversation.recordHash ?? (await currentRecord(ctx.services, conversation.id)).hash;
    return rows.map((signature) => ({
      signature,
      person: people.find((p) => p.id === signature.personId) as Person,
      isValid: !signature.voidedAt && signature.contentHash === hash,
    }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The date the frequency rule proposes for the next conversation (after this one).",
  })
  async nextConversationProposal(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    if (!isHeld(conversation.status)) return null;
    const manager = ctx.services.dataSource.manager;
    const placement = await manager.findOneByOrFail(Placement, { id: conversation.placementId });
    return (await judgePlacement(manager, placement, schoolToday(ctx.services.now()))).proposedDate;
  }

  @Mutation(() => Conversation, {
    description:
      "The BPV-begeleider records the conclusion against the nominal line (voor / op schema / achter).",
  })
  async setConclusion(
    @Args(() => ConclusionArgs) args: ConclusionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    return this.writeConclusion(ctx, access.conversation, {
      conclusion: args.conclusion,
      conclusionMotivation: args.motivation?.trim() || null,
    });
  }

  @Mutation(() => Conversation, {
    description: "The student records their own view of the conclusion.",
  })
  async setStudentConclusion(
    @Args(() => ConclusionArgs) args: ConclusionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId);
    if (access.myRole !== "student") throw forbidden("Only the student gives their own view.");
    return this.writeConclusion(ctx, access.conversation, {
      studentConclusion: args.conclusion,
      studentMotivation: args.motivation?.trim() || null,
    });
  }

  private async writeConclusion(
    ctx: RequestContext,
    conversation: Conversation,
    change: Partial<Conversation>,
  ) {
    if (!isRecordOpen(conversation.status)) {
      throw conflict(
        isLocked(conversation.status)
          ? "The record is signed and locked."
          : "The conversation has not started yet.",
        isLocked(conversation.status) ? "already_signed" : "not_live",
      );
    }
    const { services } = ctx;
    const updated = await inTransaction(services.dataSource, async (tx) => {
      const result = await tx.update(
        Conversation,
        { id: conversation.id, status: conversation.status },
        change,
      );
      if (!result.affected)
        throw conflict("The conversation changed meanwhile; look again.", "stale");
      return tx.findOneByOrFail(Conversation, { id: conversation.id });
    });
    await recordChanged(services, conversation.id, ["CONCLUSION"]);
    return updated;
  }

  @Mutation(() => Conversation, {
    description:
      "Gives the caller's akkoord on the record with this hash; the third valid signature locks it.",
  })
  async signConversation(@Args(() => SignArgs) args: SignArgs, @Ctx() ctx: RequestContext) {
    const access = await openConversation(ctx, args.conversationId);
    await signConversation(ctx.services, access, args.contentHash);
    return ctx.services.dataSource.manager.findOneByOrFail(Conversation, {
      id: access.conversation.id,
    });
  }

  @Mutation(() => Conversation, {
    description:
      "Paper fallback: the BPV-begeleider records that all three signed the printed form.",
  })
  async recordPaperSignatures(
    @Args(() => ConversationIdArgs) args: ConversationIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    await recordPaperSignatures(ctx.services, access);
    return ctx.services.dataSource.manager.findOneByOrFail(Conversation, {
      id: access.conversation.id,
    });
  }

  @Query(() => RecordVerification, {
    description: "Checks that the stored record matches what was signed.",
  })
  async verifyRecord(
    @Args(() => ConversationIdArgs) args: ConversationIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId);
    return verifyRecord(ctx.services, access.conversation.id);
  }
}
