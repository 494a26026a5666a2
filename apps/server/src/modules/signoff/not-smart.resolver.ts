import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { Conversation } from "../conversation/conversation.entity.js";
import {
  NotSmartAcceptanceView,
  NotSmartAgreement,
  notSmartAcceptanceOf,
  notSmartAgreements,
} from "./not-smart.js";

/** Afronden's SMART check: the agreements not yet SMART, and the choice to end with them. */
@Resolver(() => Conversation)
export class NotSmartResolver {
  @FieldResolver(() => [NotSmartAgreement], {
    description:
      "The conversation's new agreements that do not yet meet every SMART criterion (as stored; the live document reaches the tables within seconds).",
  })
  notSmartAgreements(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return notSmartAgreements(ctx.services, conversation.id);
  }

  @FieldResolver(() => NotSmartAcceptanceView, {
    nullable: true,
    description:
      "Set when the BPV-begeleider ended the conversation with agreements that were not yet SMART: who, when, and which.",
  })
  notSmartAcceptance(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return notSmartAcceptanceOf(ctx.services.dataSource.manager, conversation.id);
  }
}
