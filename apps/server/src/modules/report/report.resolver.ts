import {
  checkPok,
  conclusionScore,
  daysBetween,
  frequencyStatus,
  isConclusion,
  pokExpiresWithin,
  toIsoDate,
} from "@driehoek/domain";
import { Arg, Ctx, Int, Query, Resolver, registerEnumType } from "type-graphql";
import { In } from "typeorm";
import { requireStaff } from "../../access/guards.js";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { Agreement } from "../agreement/agreement.entity.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { Person } from "../people/person.entity.js";
import type { Placement } from "../placement/placement.entity.js";
import { pokFactsOf } from "../placement/pok-facts.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import {
  ConclusionCount,
  ConclusionPoint,
  OverdueAgreement,
  OverduePlacement,
  PokIssue,
} from "./report.types.js";

/** What conclusions are grouped by. */
export enum ConclusionGrouping {
  programme = "programme",
  cohort = "cohort",
  begeleider = "begeleider",
}
registerEnumType(ConclusionGrouping, { name: "ConclusionGrouping" });

const STAFF = ["bpv_begeleider", "trajectbegeleider", "admin"] as const;

/** The placements the caller may see, with their students' names and records. */
async function placementsInView(ctx: RequestContext) {
  requireStaff(ctx, STAFF);
  const placements = await (await visiblePlacements(ctx)).getMany();
  const manager = ctx.services.dataSource.manager;
  const students = await manager.findBy(Student, { id: In(placements.map((p) => p.studentId)) });
  const people = await manager.findBy(Person, { id: In(students.map((s) => s.personId)) });
  const studentOf = (p: Placement) => students.find((s) => s.id === p.studentId) as Student;
  const nameOf = (p: Placement) => people.find((x) => x.id === studentOf(p).personId)?.name ?? "";
  return { placements, studentOf, nameOf };
}

/** Staff reports, each over exactly the placements the caller may see. */
@Resolver()
export class ReportResolver {
  @Query(() => [OverduePlacement], { description: "Placements behind the frequency rule today." })
  async overdueConversations(@Ctx() ctx: RequestContext): Promise<OverduePlacement[]> {
    const { placements, nameOf } = await placementsInView(ctx);
    const today = toIsoDate(ctx.services.now());
    const held = await ctx.services.dataSource.manager.find(Conversation, {
      where: { placementId: In(placements.map((p) => p.id)), status: In(["ended", "signed"]) },
      select: { placementId: true, scheduledAt: true },
    });
    return placements
      .map((placement) => ({
        placement,
        studentName: nameOf(placement),
        frequency: frequencyStatus({
          placementStart: placement.startDate,
          placementEnd: placement.endDate,
          heldDates: held
            .filter((c) => c.placementId === placement.id)
            .map((c) => toIsoDate(c.scheduledAt)),
          today,
        }),
      }))
      .filter((row) => row.frequency.isOverdue)
      .sort(
        (a, b) =>
          b.frequency.missed - a.frequency.missed || a.studentName.localeCompare(b.studentName),
      );
  }

  @Query(() => [PokIssue], {
    description: "Placements whose POK is invalid today or ends within `withinDays`.",
  })
  async pokIssues(
    @Arg("withinDays", () => Int, { defaultValue: 30 }) withinDays: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PokIssue[]> {
    if (withinDays < 0 || withinDays > 3650)
      throw badInput("withinDays must be between 0 and 3650.");
    const { placements, nameOf } = await placementsInView(ctx);
    const today = toIsoDate(ctx.services.now());
    const issues: PokIssue[] = [];
    for (const placement of placements) {
      const facts = await pokFactsOf(ctx.services.dataSource.manager, placement, today);
      const check = checkPok(facts, today);
      const expiresSoon = check.isValid && pokExpiresWithin(facts, today, withinDays);
      if (!check.isValid || expiresSoon) {
        issues.push({
          placement,
          studentName: nameOf(placement),
          isValid: check.isValid,
          problems: check.problems,
          expiresSoon,
          pokEndDate: placement.pokEndDate,
        });
      }
    }
    return issues.sort(
      (a, b) => Number(a.isValid) - Number(b.isValid) || a.pokEndDate.localeCompare(b.pokEndDate),
    );
  }

  @Query(() => [ConclusionPoint], {
    description: "Every drawn conclusion over time, per student (oldest first).",
  })
  async conclusionsOverTime(@Ctx() ctx: RequestContext): Promise<ConclusionPoint[]> {
    const { placements, studentOf, nameOf } = await placementsInView(ctx);
    const conversations = await ctx.services.dataSource.manager.find(Conversation, {
      where: { placementId: In(placements.map((p) => p.id)), status: In(["ended", "signed"]) },
      order: { scheduledAt: "ASC" },
    });
    return conversations.flatMap((c) => {
      const placement = placements.find((p) => p.id === c.placementId) as Placement;
      if (!c.conclusion || !isConclusion(c.conclusion)) return [];
      return [
        {
          conversationId: c.id,
          studentId: studentOf(placement).id,
          studentName: nameOf(placement),
          date: toIsoDate(c.scheduledAt),
          conclusion: c.conclusion,
          score: conclusionScore(c.conclusion),
        },
      ];
    });
  }

  @Query(() => [ConclusionCount], {
    description: "How conclusions are distributed per programme, cohort or begeleider.",
  })
  async conclusionDistribution(
    @Arg("groupBy", () => ConclusionGrouping) groupBy: ConclusionGrouping,
    @Ctx() ctx: RequestContext,
  ): Promise<ConclusionCount[]> {
    const points = await this.conclusionsOverTime(ctx);
    const manager = ctx.services.dataSource.manager;
    const conversations = await manager.findBy(Conversation, {
      id: In(points.map((p) => p.conversationId)),
    });
    const students = await manager.findBy(Student, { id: In(points.map((p) => p.studentId)) });
    const programmes = await manager.findBy(Programme, {
      id: In(students.map((s) => s.programmeId)),
    });
    const placementIds = conversations.map((c) => c.placementId);
    const { placements } = await placementsInView(ctx);
    const begeleiders = await manager.findBy(Person, {
      id: In(placements.filter((p) => placementIds.includes(p.id)).map((p) => p.begeleiderId)),
    });
    const groups = new Map<string, ConclusionCount>();
    for (const point of points) {
      const student = students.find((s) => s.id === point.studentId) as Student;
      const conversation = conversations.find((c) => c.id === point.conversationId) as Conversation;
      const placement = placements.find((p) => p.id === conversation.placementId) as Placement;
      const group =
        groupBy === ConclusionGrouping.programme
          ? (programmes.find((p) => p.id === student.programmeId)?.crebo ?? "")
          : groupBy === ConclusionGrouping.cohort
            ? student.cohort
            : (begeleiders.find((b) => b.id === placement.begeleiderId)?.name ?? "");
      const count = groups.get(group) ?? { group, voor: 0, opSchema: 0, achter: 0 };
      if (point.conclusion === "voor") count.voor += 1;
      else if (point.conclusion === "op_schema") count.opSchema += 1;
      else count.achter += 1;
      groups.set(group, count);
    }
    return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
  }

  @Query(() => [OverdueAgreement], { description: "Open agreements past their due date." })
  async overdueAgreements(@Ctx() ctx: RequestContext): Promise<OverdueAgreement[]> {
    const { placements, nameOf } = await placementsInView(ctx);
    const today = toIsoDate(ctx.services.now());
    const manager = ctx.services.dataSource.manager;
    const conversations = await manager.find(Conversation, {
      where: { placementId: In(placements.map((p) => p.id)) },
      select: { id: true, placementId: true },
    });
    const agreements = await manager
      .createQueryBuilder(Agreement, "a")
      .where("a.conversation_id IN (:...ids)", {
        ids: conversations.length ? conversations.map((c) => c.id) : [""],
      })
      .andWhere("a.status IN (:...open)", { open: ["open", "partly"] })
      .andWhere("a.due_date IS NOT NULL AND a.due_date < :today", { today })
      .orderBy("a.due_date", "ASC")
      .getMany();
    return agreements.map((agreement) => {
      const conversation = conversations.find(
        (c) => c.id === agreement.conversationId,
      ) as Conversation;
      const placement = placements.find((p) => p.id === conversation.placementId) as Placement;
      return {
        agreement,
        studentName: nameOf(placement),
        daysOverdue: daysBetween(agreement.dueDate as string, today),
      };
    });
  }
}
