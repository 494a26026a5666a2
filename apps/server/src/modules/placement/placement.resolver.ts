import { checkPok, LIMITS, POK_PROBLEM_LABELS, schoolToday } from "@driehoek/domain";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { requireViewer } from "../../access/guards.js";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { badInput, forbidden, notFound } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { ConversationParticipant } from "../conversation/participant.entity.js";
import { Person } from "../people/person.entity.js";
import { Company } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import { ensureFrequencyJudged } from "./frequency-state.js";
import { Placement } from "./placement.entity.js";
import { FrequencyStatusType, PokCheckType, PokType } from "./placement.types.js";
import { PlacementFrequency } from "./placement-frequency.entity.js";
import { pokFactsOf } from "./pok-facts.js";

/** Per request: the placements whose reading was already decided, so each is decided once. */
const readable = new WeakMap<RequestContext, Map<string, Promise<boolean>>>();

/** Whether the caller may list the placement or takes part in one of its conversations. */
async function mayReadPlacement(ctx: RequestContext, placementId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const listed = await (await visiblePlacements(ctx))
    .andWhere("p.id = :placementId", { placementId })
    .getExists();
  if (listed || viewer.conversationId) return listed;
  return ctx.services.dataSource.manager
    .createQueryBuilder(ConversationParticipant, "cp")
    .innerJoin(Conversation, "c", "c.id = cp.conversation_id")
    .where("cp.person_id = :me", { me: viewer.personId })
    .andWhere("c.placement_id = :placementId", { placementId })
    .getExists();
}

/**
 * Refuses a caller who neither may list the placement nor takes part in one of its
 * conversations: the student and praktijkopleider see their own POK check as they prepare.
 */
async function requirePlacementReader(ctx: RequestContext, placement: Placement): Promise<void> {
  const decided = readable.get(ctx) ?? new Map<string, Promise<boolean>>();
  readable.set(ctx, decided);
  const may = decided.get(placement.id) ?? mayReadPlacement(ctx, placement.id);
  decided.set(placement.id, may);
  if (!(await may)) throw forbidden("You do not take part in a conversation of this placement.");
}

/** Placements (BPV-periodes) with their POK check and the frequency rule. */
@Resolver(() => Placement)
export class PlacementResolver {
  @Query(() => [Placement], { description: "The placements the caller may see." })
  async placements(@Ctx() ctx: RequestContext) {
    return (await visiblePlacements(ctx)).orderBy("p.start_date", "DESC").limit(1000).getMany();
  }

  @Query(() => Placement)
  async placement(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    if (id.length > LIMITS.id) throw badInput("That is not a placement id.");
    const found = await (await visiblePlacements(ctx)).andWhere("p.id = :id", { id }).getOne();
    if (found) return found;
    const exists = await ctx.services.dataSource.manager.existsBy(Placement, { id });
    if (!exists) throw notFound("Placement");
    throw forbidden("You are not responsible for this placement.");
  }

  @FieldResolver(() => Person, { description: "The student, as a person." })
  async student(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    const manager = ctx.services.dataSource.manager;
    const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
    return manager.findOneByOrFail(Person, { id: student.personId });
  }

  @FieldResolver(() => Student, { description: "The student's enrolment: number, cohort." })
  enrolment(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Student, { id: placement.studentId });
  }

  @FieldResolver(() => Programme)
  async programme(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    const manager = ctx.services.dataSource.manager;
    const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
    return manager.findOneByOrFail(Programme, { id: student.programmeId });
  }

  @FieldResolver(() => Company)
  company(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Company, { id: placement.companyId });
  }

  @FieldResolver(() => String)
  async companyName(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return (await this.company(placement, ctx)).name;
  }

  @FieldResolver(() => Person)
  praktijkopleider(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Person, {
      id: placement.praktijkopleiderId,
    });
  }

  @FieldResolver(() => Person, { description: "The BPV-begeleider." })
  begeleider(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Person, { id: placement.begeleiderId });
  }

  @FieldResolver(() => PokType)
  pok(@Root() p: Placement): PokType {
    return {
      number: p.pokNumber,
      status: p.pokStatus,
      startDate: p.pokStartDate,
      endDate: p.pokEndDate,
      hours: p.pokHours,
      studentSignedAt: p.pokStudentSignedAt,
      schoolSignedAt: p.pokSchoolSignedAt,
      companySignedAt: p.pokCompanySignedAt,
      parentSignedAt: p.pokParentSignedAt,
    };
  }

  @FieldResolver(() => PokCheckType, {
    description:
      "Is the POK valid today, and if not, why. For the placement's conversation's three participants and the staff responsible.",
  })
  async pokCheck(@Root() placement: Placement, @Ctx() ctx: RequestContext): Promise<PokCheckType> {
    await requirePlacementReader(ctx, placement);
    const today = schoolToday(ctx.services.now());
    const facts = await pokFactsOf(ctx.services.dataSource.manager, placement, today);
    const { isValid, problems } = checkPok(facts, today);
    return { isValid, problems, messages: problems.map((p) => POK_PROBLEM_LABELS[p].nl) };
  }

  @FieldResolver(() => Boolean)
  async pokValid(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return (await this.pokCheck(placement, ctx)).isValid;
  }

  @FieldResolver(() => [String])
  async pokProblems(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    return (await this.pokCheck(placement, ctx)).problems;
  }

  @FieldResolver(() => [Conversation])
  conversations(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    // An invite opens one conversation, not the placement's others (earlier ones included).
    const only = ctx.viewer?.conversationId;
    return ctx.services.dataSource.manager.find(Conversation, {
      where: only ? { placementId: placement.id, id: only } : { placementId: placement.id },
      order: { scheduledAt: "ASC" },
    });
  }

  @FieldResolver(() => FrequencyStatusType, {
    description: "The frequency rule: is a conversation overdue?",
  })
  async frequency(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    const { dataSource } = ctx.services;
    await ensureFrequencyJudged(dataSource, schoolToday(ctx.services.now()));
    return dataSource.manager.findOneByOrFail(PlacementFrequency, { placementId: placement.id });
  }
}
