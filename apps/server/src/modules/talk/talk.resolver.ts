import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { submitTalk } from "./talk.service.js";
import { SubmitTalkArgs, TalkReportArgs, TalkReportConnection, TalkShare } from "./talk.types.js";
import { talkReport } from "./talk-report.js";
import { talkShareOf } from "./talk-share.js";

/** The 70 % meter: speaking intervals in, shares out (docs/TALK-METER.md). */
@Resolver(() => Conversation)
export class TalkResolver {
  @Mutation(() => TalkShare, {
    description:
      "Reports when someone was speaking (moments only, never sound) in a live conversation; returns the shares after it. A refused batch stores nothing.",
  })
  async submitTalk(@Args(() => SubmitTalkArgs) args: SubmitTalkArgs, @Ctx() ctx: RequestContext) {
    const access = await openConversation(ctx, args.conversationId);
    return submitTalk(ctx.services, access, args.intervals);
  }

  @FieldResolver(() => TalkShare, {
    description: "Who talked how much: per role, and the student's share overall and per phase.",
  })
  talkShare(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return talkShareOf(ctx.services.dataSource.manager, conversation.id);
  }

  @Query(() => TalkReportConnection, {
    description:
      "The average student share per group (begeleider, programme, cohort or student) and month, over the conversations the caller may see.",
  })
  talkShareReport(@Args(() => TalkReportArgs) args: TalkReportArgs, @Ctx() ctx: RequestContext) {
    return talkReport(ctx, args);
  }
}
