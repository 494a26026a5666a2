import {
  type ConversationRecord,
  isHeld,
  isLocked,
  isRecordOpen,
  schoolToday,
} from "@driehoek/domain";
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { badInput, conflict, forbidden } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { Person } from "../people/person.entity.js";
import { judgePlacement } from "../placement/frequency-state.js";
import { Placement } from "../placement/placement.entity.js";
import { changesSince } from "./record-changes.js";
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

/** Conclusions are written while the conversation is live or awaits signatures. */
function assertRecordOpen(conversation: Conversation): void {
  if (isRecordOpen(conversation.status)) return;
  throw conflict(
    isLocked(conversation.status)
      ? "The record is signed and locked."
      : "The conversation has not started yet.",
    isLocked(conversation.status) ? "already_signed" : "not_live",
  );
}

/** A begeleider's judgement that differs from the student's statement must say why. */
function needsMotivation(
  student: string | null,
  judgement: string,
  motivation: string | null,
): boolean {
  return Boolean(student && student !== judgement && !motivation?.trim());
}

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
    const current =
      conversation.recordHash && conversation.recordJson
        ? {
            hash: conversation.recordHash,
            record: JSON.parse(conversation.recordJson) as ConversationRecord,
          }
        : await currentRecord(ctx.services, conversation.id);
    return Promise.all(
      rows.map(async (signature) => {
        const isValid = !signature.voidedAt && signature.contentHash === current.hash;
        return {
          signature,
          person: people.find((p) => p.id === signature.personId) as Person,
          isValid,
          changes: isValid ? [] : await changesSince(manager, signature, current.record),
        };
      }),
    );
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
      "The BPV-begeleider confirms the student's conclusion, or records a different judgement with a motivation (required when it differs). The student states theirs first.",
  })
  async setConclusion(
    @Args(() => ConclusionArgs) args: ConclusionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId, "lead");
    const { conversation } = access;
    const motivation = args.motivation?.trim() || null;
    assertRecordOpen(conversation);
    if (!conversation.studentConclusion)
      throw conflict("The student states their conclusion first.", "student_first");
    if (needsMotivation(conversation.studentConclusion, args.conclusion, motivation))
      throw badInput("A judgement that differs from the student's needs a motivation.");
    // Judged against exactly the statement read: a change of it meanwhile makes this stale.
    return this.writeConclusion(
      ctx,
      conversation,
      { conclusion: args.conclusion, conclusionMotivation: motivation },
      { studentConclusion: conversation.studentConclusion },
    );
  }

  @Mutation(() => Conversation, {
    description:
      "The student states their conclusion in the guide's words (Ik loop voor / op schema / achter). A judgement of the begeleider that no longer matches it and has no motivation is cleared: they confirm again.",
  })
  async setStudentConclusion(
    @Args(() => ConclusionArgs) args: ConclusionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId);
    if (access.myRole !== "student") throw forbidden("Only the student gives their own view.");
    const { conversation } = access;
    assertRecordOpen(conversation);
    const { services } = ctx;
    // Decided on the judgement as it stands when the statement is written, in turn with the
    // begeleider's (a judgement given meanwhile is seen here).
    const updated = await inTransaction(services.dataSource, async (tx) => {
      await lockConversation(tx, conversation.id);
      const current = await tx.findOneByOrFail(Conversation, { id: conversation.id });
      assertRecordOpen(current);
      const change: Partial<Conversation> = {
        studentConclusion: args.conclusion,
        studentMotivation: args.motivation?.trim() || null,
      };
      if (
        current.conclusion &&
        needsMotivation(args.conclusion, current.conclusion, current.conclusionMotivation)
      ) {
        change.conclusion = null;
        change.conclusionMotivation = null;
      }
      await tx.update(Conversation, { id: conversation.id }, change);
      return tx.findOneByOrFail(Conversation, { id: conversation.id });
    });
    await recordChanged(services, conversation.id, ["CONCLUSION"], [access.viewer.personId]);
    return updated;
  }

  private async writeConclusion(
    ctx: RequestContext,
    conversation: Conversation,
    change: Partial<Conversation>,
    guard: Partial<Conversation> = {},
  ) {
    assertRecordOpen(conversation);
    const { services } = ctx;
    const updated = await inTransaction(services.dataSource, async (tx) => {
      const result = await tx.update(
        Conversation,
        { ...guard, id: conversation.id, status: conversation.status },
        change,
      );
      if (!result.affected)
        throw conflict("The conversation changed meanwhile; look again.", "stale");
      return tx.findOneByOrFail(Conversation, { id: conversation.id });
    });
    await recordChanged(
      services,
      conversation.id,
      ["CONCLUSION"],
      ctx.viewer ? [ctx.viewer.personId] : [],
    );
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
