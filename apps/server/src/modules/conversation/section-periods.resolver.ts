import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { Conversation } from "./conversation.entity.js";
import { SectionPeriod } from "./section-period.entity.js";

/** When each section of the guide started and ended: time as it was spent (decision 0009). */
@Resolver(() => Conversation)
export class SectionPeriodsResolver {
  @FieldResolver(() => [SectionPeriod], {
    description:
      "When each section started and ended, in order; a section revisited has several periods.",
  })
  sectionPeriods(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(SectionPeriod, {
      where: { conversationId: conversation.id },
      order: { startedAt: "ASC" },
    });
  }
}
