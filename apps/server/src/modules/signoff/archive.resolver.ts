import { isLocked } from "@driehoek/domain";
import { IsBoolean } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { type ConversationAccess, openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { conflict, forbidden } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { announceChange } from "../conversation/conversation-changes.js";
import { Particular } from "../particular/particular.entity.js";
import { Person } from "../people/person.entity.js";

@ArgsType()
class NoParticularsArgs extends ConversationIdArgs {
  @Field(() => Boolean, { description: 'True ticks "geen bijzonderheden", false clears it.' })
  @IsBoolean()
  noParticulars: boolean;
}

/**
 * Who archives: the conversation's BPV-begeleider (as participant or as the placement's
 * begeleider), or an admin acting for them.
 */
function mayArchive(access: ConversationAccess): boolean {
  const { viewer, myRole, placement } = access;
  if (myRole === "bpv_begeleider") return true;
  if (viewer.inviteId) return false;
  return (
    viewer.role === "admin" ||
    (viewer.role === "bpv_begeleider" && placement.begeleiderId === viewer.personId)
  );
}

/**
 * Archivering, the guide's last steps after the akkoorden: the report entered into the student
 * system, and the bijzonderheden fed back (or "geen bijzonderheden" ticked).
 */
@Resolver(() => Conversation)
export class ArchiveResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: "Who entered the report into the student system.",
  })
  studentSystemEnteredBy(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    if (!conversation.studentSystemEnteredById) return null;
    return ctx.services.dataSource.manager.findOneBy(Person, {
      id: conversation.studentSystemEnteredById,
    });
  }

  @Mutation(() => Conversation, {
    description:
      "The BPV-begeleider records that the signed report was entered into the school's student system (once; again changes nothing).",
  })
  async markEnteredInStudentSystem(
    @Args(() => ConversationIdArgs) args: ConversationIdArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId);
    if (!mayArchive(access))
      throw forbidden("Only the BPV-begeleider enters the report into the student system.");
    const { conversation, viewer } = access;
    if (!isLocked(conversation.status))
      throw conflict("Enter the report after all three have signed.", "not_signed");
    if (conversation.studentSystemEnteredAt) return conversation;
    const { services } = ctx;
    const at = services.now();
    await inTransaction(services.dataSource, async (tx) => {
      // Two staff marking it at once: it is entered once, by whoever came first.
      await lockConversation(tx, conversation.id);
      const current = await tx.findOneByOrFail(Conversation, { id: conversation.id });
      if (current.studentSystemEnteredAt) return;
      await tx.update(
        Conversation,
        { id: conversation.id },
        { studentSystemEnteredAt: at, studentSystemEnteredById: viewer.personId },
      );
      await services.audit.record(
        {
          actorId: viewer.personId,
          action: "conversation.entered_in_student_system",
          subjectType: "conversation",
          subjectId: conversation.id,
          detail: { hash: conversation.recordHash },
        },
        tx,
      );
    });
    await announceChange(services, conversation.id, ["ARCHIVE"]);
    return services.dataSource.manager.findOneByOrFail(Conversation, { id: conversation.id });
  }

  @Mutation(() => Conversation, {
    description:
      'The BPV-begeleider ticks (or clears) "geen bijzonderheden": nothing to feed back to the trajectbegeleider. Refused while particulars are flagged.',
  })
  async setNoParticulars(
    @Args(() => NoParticularsArgs) args: NoParticularsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const access = await openConversation(ctx, args.conversationId);
    if (!mayArchive(access)) throw forbidden("Only the BPV-begeleider ticks this.");
    const { conversation, viewer } = access;
    const { services } = ctx;
    const changed = await inTransaction(services.dataSource, async (tx) => {
      // In turn with a particular being flagged (particular.resolver.ts): never both.
      await lockConversation(tx, conversation.id);
      if (args.noParticulars && (await tx.countBy(Particular, { conversationId: conversation.id })))
        throw conflict("Particulars are flagged in this conversation.", "has_particulars");
      const current = await tx.findOneByOrFail(Conversation, { id: conversation.id });
      if (Boolean(current.noParticularsAt) === args.noParticulars) return false;
      await tx.update(
        Conversation,
        { id: conversation.id },
        { noParticularsAt: args.noParticulars ? services.now() : null },
      );
      await services.audit.record(
        {
          actorId: viewer.personId,
          action: args.noParticulars
            ? "conversation.no_particulars"
            : "conversation.no_particulars_cleared",
          subjectType: "conversation",
          subjectId: conversation.id,
        },
        tx,
      );
      return true;
    });
    if (changed) await announceChange(services, conversation.id, ["ARCHIVE"]);
    return services.dataSource.manager.findOneByOrFail(Conversation, { id: conversation.id });
  }
}
