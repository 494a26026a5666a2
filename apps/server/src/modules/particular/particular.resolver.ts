import { randomUUID } from "node:crypto";
import { isLocked, LIMITS } from "@driehoek/domain";
import { IsOptional, IsString, MaxLength, MinLength } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import { requireStaff } from "../../access/guards.js";
import { visibleConversations } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { lockConversation } from "../../db/row-lock.js";
import { inTransaction } from "../../db/transaction.js";
import { forbidden, notFound } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationIdArgs } from "../conversation/conversation.types.js";
import { announceChange } from "../conversation/conversation-changes.js";
import { Person } from "../people/person.entity.js";
import { recordChanged } from "../signoff/signoff.service.js";
import { Particular } from "./particular.entity.js";

@ArgsType()
class FlagArgs extends ConversationIdArgs {
  @Field(() => String, { description: "What the trajectbegeleider / onderwijsteam must know." })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.particular)
  text: string;
}

@ArgsType()
class ListArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: "Only handled (true) or open (false) ones.",
  })
  @IsOptional()
  handled?: boolean | null;
}

/** Bijzonderheden: flagged in a conversation, received and handled by the trajectbegeleider. */
@Resolver(() => Particular)
export class ParticularResolver {
  @Mutation(() => Particular, {
    description:
      "Flags a particular in a conversation (participants), at any time: before the akkoorden it is part of the record; after them it still reaches the trajectbegeleider.",
  })
  async flagParticular(@Args(() => FlagArgs) args: FlagArgs, @Ctx() ctx: RequestContext) {
    const access = await openConversation(ctx, args.conversationId);
    if (!access.myRole)
      throw forbidden("Only the participants flag particulars in a conversation.");
    const particular: Particular = {
      id: randomUUID(),
      conversationId: access.conversation.id,
      text: args.text.trim(),
      createdById: access.viewer.personId,
      createdAt: ctx.services.now(),
      handledAt: null,
      handledById: null,
    };
    await inTransaction(ctx.services.dataSource, async (tx) => {
      // In turn with "geen bijzonderheden" being ticked (archive.resolver.ts).
      await lockConversation(tx, access.conversation.id);
      await tx.insert(Particular, particular);
      // A flagged particular undoes "geen bijzonderheden", also when it was ticked just now.
      await tx.update(Conversation, { id: access.conversation.id }, { noParticularsAt: null });
    });
    // Flagged after the akkoorden it reaches the trajectbegeleider; the signed record stays as signed.
    if (isLocked(access.conversation.status))
      await announceChange(ctx.services, access.conversation.id, ["ARCHIVE"]);
    else await recordChanged(ctx.services, access.conversation.id, ["RECORD"]);
    return particular;
  }

  @Query(() => [Particular], {
    description:
      "Particulars of the conversations the caller may see (the trajectbegeleider's inbox).",
  })
  async particulars(@Args(() => ListArgs) args: ListArgs, @Ctx() ctx: RequestContext) {
    requireStaff(ctx, ["bpv_begeleider", "trajectbegeleider", "admin"]);
    const conversations = (await visibleConversations(ctx)).select("c.id");
    const query = ctx.services.dataSource.manager
      .createQueryBuilder(Particular, "b")
      .where(`b.conversation_id IN (${conversations.getQuery()})`)
      .setParameters(conversations.getParameters())
      .orderBy("b.created_at", "DESC")
      .limit(1000);
    if (args.handled === true) query.andWhere("b.handled_at IS NOT NULL");
    if (args.handled === false) query.andWhere("b.handled_at IS NULL");
    return query.getMany();
  }

  @Mutation(() => Particular, {
    description: "The trajectbegeleider (or an admin) marks a particular handled.",
  })
  async markParticularHandled(
    @Arg("particularId", () => ID) particularId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const viewer = requireStaff(ctx, ["trajectbegeleider", "admin"]);
    if (particularId.length > LIMITS.id) throw notFound("Particular");
    const particular = await ctx.services.dataSource.manager.findOneBy(Particular, {
      id: particularId,
    });
    if (!particular) throw notFound("Particular");
    await openConversation(ctx, particular.conversationId);
    if (particular.handledAt) return particular;
    return inTransaction(ctx.services.dataSource, async (tx) => {
      // Two staff marking it at once: it is handled once, by whoever came first.
      await lockConversation(tx, particular.conversationId);
      const current = await tx.findOneByOrFail(Particular, { id: particular.id });
      if (current.handledAt) return current;
      const handled = { handledAt: ctx.services.now(), handledById: viewer.personId };
      await tx.update(Particular, { id: particular.id }, handled);
      await ctx.services.audit.record(
        {
          actorId: viewer.personId,
          action: "particular.handled",
          subjectType: "particular",
          subjectId: particular.id,
        },
        tx,
      );
      return Object.assign(current, handled);
    });
  }

  @FieldResolver(() => Conversation)
  conversation(@Root() particular: Particular, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Conversation, {
      id: particular.conversationId,
    });
  }

  @FieldResolver(() => Person, { description: "Who flagged it." })
  createdBy(@Root() particular: Particular, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Person, { id: particular.createdById });
  }
}

/** A conversation's particulars. */
@Resolver(() => Conversation)
export class ConversationParticularsResolver {
  @FieldResolver(() => [Particular])
  particulars(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(Particular, {
      where: { conversationId: conversation.id },
      order: { createdAt: "ASC" },
    });
  }
}
