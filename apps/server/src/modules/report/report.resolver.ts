import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { conclusionDistribution, conclusionsOverTime } from "./conclusions.report.js";
import {
  NotEnteredConversation,
  notEnteredConversations,
} from "./not-entered-conversations.report.js";
import { overdueAgreements } from "./overdue-agreements.report.js";
import { overdueConversations } from "./overdue-conversations.report.js";
import { pokIssues } from "./pok-issues.report.js";
import {
  ConclusionCount,
  ConclusionGrouping,
  ConclusionPoint,
  OverdueAgreement,
  OverduePlacement,
  PokIssue,
} from "./report.types.js";
import { DirectoryPlacement, staffDirectory } from "./staff-directory.report.js";

const INCLUDE_ENDED = "Also cover placements that have ended (end date before today): the history.";

/** Staff reports, each over exactly the placements the caller may see (see report-scope.ts). */
@Resolver()
export class ReportResolver {
  @Query(() => [DirectoryPlacement], {
    description:
      "Every placement the caller may see with programme, cohort, begeleider and conversations: what report rows are filtered on.",
  })
  staffDirectory(@Ctx() ctx: RequestContext): Promise<DirectoryPlacement[]> {
    return staffDirectory(ctx);
  }

  @Query(() => [OverduePlacement], { description: "Placements behind the frequency rule today." })
  overdueConversations(@Ctx() ctx: RequestContext): Promise<OverduePlacement[]> {
    return overdueConversations(ctx);
  }

  @Query(() => [PokIssue], {
    description:
      "Placements that have not ended (end date today or later) whose POK is invalid today or ends within `withinDays`.",
  })
  pokIssues(
    @Arg("withinDays", () => Int, { defaultValue: 30 }) withinDays: number,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: INCLUDE_ENDED })
    includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<PokIssue[]> {
    return pokIssues(ctx, withinDays, includeEnded);
  }

  @Query(() => [ConclusionPoint], {
    description: "Every drawn conclusion over time, per student (oldest first).",
  })
  conclusionsOverTime(@Ctx() ctx: RequestContext): Promise<ConclusionPoint[]> {
    return conclusionsOverTime(ctx);
  }

  @Query(() => [ConclusionCount], {
    description: "How conclusions are distributed per programme, cohort or begeleider.",
  })
  conclusionDistribution(
    @Arg("groupBy", () => ConclusionGrouping) groupBy: ConclusionGrouping,
    @Ctx() ctx: RequestContext,
  ): Promise<ConclusionCount[]> {
    return conclusionDistribution(ctx, groupBy);
  }

  @Query(() => [OverdueAgreement], {
    description:
      "Open agreements past their due date, of placements that have not ended (end date today or later).",
  })
  overdueAgreements(
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: INCLUDE_ENDED })
    includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<OverdueAgreement[]> {
    return overdueAgreements(ctx, includeEnded);
  }

  @Query(() => [NotEnteredConversation], {
    description:
      "Signed conversations whose report is not yet marked as entered into the student system.",
  })
  notEnteredConversations(@Ctx() ctx: RequestContext): Promise<NotEnteredConversation[]> {
    return notEnteredConversations(ctx);
  }
}
