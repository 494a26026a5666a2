import { Arg, Args, Ctx, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { type Page, PageArgs } from "../../graphql/pagination.js";
import { conclusionDistribution, conclusionsOverTime } from "./conclusions.report.js";
import {
  type NotEnteredConversation,
  NotEnteredConversationConnection,
  notEnteredConversations,
} from "./not-entered-conversations.report.js";
import { overdueAgreements } from "./overdue-agreements.report.js";
import { overdueConversations } from "./overdue-conversations.report.js";
import { pokIssues } from "./pok-issues.report.js";
import {
  ConclusionCount,
  ConclusionGrouping,
  type ConclusionStudent,
  ConclusionStudentConnection,
  type OverdueAgreement,
  OverdueAgreementConnection,
  type OverduePlacement,
  OverduePlacementConnection,
  type PokIssue,
  PokIssueConnection,
} from "./report.types.js";
import { ReportFilterArgs } from "./report-page.js";
import {
  type DirectoryPlacement,
  DirectoryPlacementConnection,
  ReportFilterOptions,
  reportFilterOptions,
  staffDirectory,
} from "./staff-directory.report.js";

const INCLUDE_ENDED = "Also cover placements that have ended (end date before today): the history.";

/**
 * Staff reports, each over exactly the placements the caller may see (see report-scope.ts), a
 * page at a time (`first`/`after`) and narrowed by the staff page's filters in SQL.
 */
@Resolver()
export class ReportResolver {
  @Query(() => DirectoryPlacementConnection, {
    description:
      "The placements the caller may see with programme, cohort, begeleider and conversations, by student name.",
  })
  staffDirectory(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<DirectoryPlacement>> {
    return staffDirectory(ctx, page, filters);
  }

  @Query(() => ReportFilterOptions, {
    description: "The programmes, cohorts and begeleiders the staff page's filters offer.",
  })
  reportFilterOptions(@Ctx() ctx: RequestContext): Promise<ReportFilterOptions> {
    return reportFilterOptions(ctx);
  }

  @Query(() => OverduePlacementConnection, {
    description: "Placements behind the frequency rule today, most missed first.",
  })
  overdueConversations(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<OverduePlacement>> {
    return overdueConversations(ctx, page, filters);
  }

  @Query(() => PokIssueConnection, {
    description:
      "Placements that have not ended (end date today or later) whose POK is invalid today or ends within `withinDays`: invalid first, then by end date.",
  })
  pokIssues(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Arg("withinDays", () => Int, { defaultValue: 30 }) withinDays: number,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: INCLUDE_ENDED })
    includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<PokIssue>> {
    return pokIssues(ctx, page, filters, withinDays, includeEnded);
  }

  @Query(() => ConclusionStudentConnection, {
    description:
      "The students with drawn conclusions, by name, each with their conclusions over time.",
  })
  conclusionsOverTime(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<ConclusionStudent>> {
    return conclusionsOverTime(ctx, page, filters);
  }

  @Query(() => [ConclusionCount], {
    description:
      "How conclusions are distributed per programme, cohort or begeleider (counted in the database).",
  })
  conclusionDistribution(
    @Arg("groupBy", () => ConclusionGrouping) groupBy: ConclusionGrouping,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConclusionCount[]> {
    return conclusionDistribution(ctx, groupBy, filters);
  }

  @Query(() => OverdueAgreementConnection, {
    description:
      "Open agreements past their due date, of placements that have not ended (end date today or later), oldest first.",
  })
  overdueAgreements(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: INCLUDE_ENDED })
    includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<OverdueAgreement>> {
    return overdueAgreements(ctx, page, filters, includeEnded);
  }

  @Query(() => NotEnteredConversationConnection, {
    description:
      "Signed conversations whose report is not yet marked as entered into the student system, longest waiting first.",
  })
  notEnteredConversations(
    @Args(() => PageArgs) page: PageArgs,
    @Args(() => ReportFilterArgs) filters: ReportFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<NotEnteredConversation>> {
    return notEnteredConversations(ctx, page, filters);
  }
}
