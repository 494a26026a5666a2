import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../context.js";
import * as reports from "./report.service.js";
import {
  ConclusionCount,
  ConclusionGrouping,
  ConclusionPoint,
  OverdueAgreement,
  OverduePlacement,
  PokIssue,
} from "./report.types.js";

/** Staff reports, each over exactly the placements the caller may see (see report.service.ts). */
@Resolver()
export class ReportResolver {
  @Query(() => [OverduePlacement], { description: "Placements behind the frequency rule today." })
  overdueConversations(@Ctx() ctx: RequestContext): Promise<OverduePlacement[]> {
    return reports.overdueConversations(ctx);
  }

  @Query(() => [PokIssue], {
    description: "Placements whose POK is invalid today or ends within `withinDays`.",
  })
  pokIssues(
    @Arg("withinDays", () => Int, { defaultValue: 30 }) withinDays: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PokIssue[]> {
    return reports.pokIssues(ctx, withinDays);
  }

  @Query(() => [ConclusionPoint], {
    description: "Every drawn conclusion over time, per student (oldest first).",
  })
  conclusionsOverTime(@Ctx() ctx: RequestContext): Promise<ConclusionPoint[]> {
    return reports.conclusionsOverTime(ctx);
  }

  @Query(() => [ConclusionCount], {
    description: "How conclusions are distributed per programme, cohort or begeleider.",
  })
  conclusionDistribution(
    @Arg("groupBy", () => ConclusionGrouping) groupBy: ConclusionGrouping,
    @Ctx() ctx: RequestContext,
  ): Promise<ConclusionCount[]> {
    return reports.conclusionDistribution(ctx, groupBy);
  }

  @Query(() => [OverdueAgreement], { description: "Open agreements past their due date." })
  overdueAgreements(@Ctx() ctx: RequestContext): Promise<OverdueAgreement[]> {
    return reports.overdueAgreements(ctx);
  }
}
