import { isLive, isPlanned } from "@driehoek/domain";
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
} from "type-graphql";
import { In } from "typeorm";
import { openConversation } from "../../access/conversation-access.js";
import type { RequestContext } from "../../context.js";
import { inTransaction } from "../../db/transaction.js";
import { conflict, forbidden, notFound } from "../../graphql/errors.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { announceChange } from "../conversation/conversation-changes.js";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Student } from "../school/student.entity.js";
import { Werkproces } from "../school/werkproces.entity.js";
import {
  PlacementWerkproces,
  WERKPROCES_STATES,
  type WerkprocesState,
} from "./placement-werkproces.entity.js";
import { MARKED, type MarkDetail } from "./werkproces-states.js";

const WerkprocesStateEnum = Object.fromEntries(WERKPROCES_STATES.map((s) => [s, s])) as Record<
  WerkprocesState,
  WerkprocesState
>;
registerEnumType(WerkprocesStateEnum, {
  name: "WerkprocesState",
  description: "kan_hier (kan ik hier uitvoeren), nog_niet, kan_hier_niet (kan hier niet).",
});

/** One werkproces of the programme with its state at a placement. */
@ObjectType("PlacementWerkproces")
export class PlacementWerkprocesView {
  @Field(() => Werkproces) werkproces: Werkproces;
  @Field(() => WerkprocesStateEnum, { nullable: true, description: "Null: not marked yet." })
  state: WerkprocesState | null;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => Person, { nullable: true }) updatedBy: Person | null;
}

/** The statuses a conversation has while its participants may mark werkprocessen. */
const OPEN = (status: Conversation["status"]) => isLive(status) || isPlanned(status);

/** The werkprocessen per placement ("kan ik hier uitvoeren / nog niet / kan hier niet"). */
@Resolver(() => Placement)
export class WerkprocesResolver {
  @FieldResolver(() => [PlacementWerkprocesView], {
    description: "The programme's werkprocessen with their state at this placement.",
  })
  async werkprocessen(@Root() placement: Placement, @Ctx() ctx: RequestContext) {
    const manager = ctx.services.dataSource.manager;
    const student = await manager.findOneByOrFail(Student, { id: placement.studentId });
    const werkprocessen = await manager.find(Werkproces, {
      where: { programmeId: student.programmeId },
      order: { code: "ASC" },
    });
    const marks = await manager.findBy(PlacementWerkproces, { placementId: placement.id });
    const people = await manager.findBy(Person, { id: In(marks.map((m) => m.updatedById)) });
    return werkprocessen.map((werkproces): PlacementWerkprocesView => {
      const mark = marks.find((m) => m.werkprocesId === werkproces.id);
      return {
        werkproces,
        state: mark?.state ?? null,
        updatedAt: mark?.updatedAt ?? null,
        updatedBy: people.find((p) => p.id === mark?.updatedById) ?? null,
      };
    });
  }

  @Mutation(() => Placement, {
    description:
      "Marks a werkproces for the conversation's placement (a participant of a live or planned " +
      "conversation); null clears the mark. Kept for the placement across its conversations.",
  })
  async markWerkproces(
    @Arg("conversationId", () => ID) conversationId: string,
    @Arg("werkprocesId", () => ID) werkprocesId: string,
    @Arg("state", () => WerkprocesStateEnum, { nullable: true }) state: WerkprocesState | null,
    @Ctx() ctx: RequestContext,
  ) {
    const { services } = ctx;
    const access = await openConversation(ctx, conversationId);
    if (!access.myRole) throw forbidden("Only the three participants mark werkprocessen.");
    if (!OPEN(access.conversation.status))
      throw conflict("Mark werkprocessen in a planned or live conversation.", "not_open");
    const { placement, viewer } = access;
    const student = await services.dataSource.manager.findOneByOrFail(Student, {
      id: placement.studentId,
    });
    const werkproces = await services.dataSource.manager.findOneBy(Werkproces, {
      id: werkprocesId.slice(0, 64),
      programmeId: student.programmeId,
    });
    if (!werkproces) throw notFound("Werkproces");
    const detail: MarkDetail = { werkprocesId: werkproces.id, state };
    await inTransaction(services.dataSource, async (tx) => {
      // One statement either way: two people marking one werkproces at the same moment each
      // write the mark (the later one wins), where a delete and an insert would collide.
      if (state) {
        await tx.upsert(
          PlacementWerkproces,
          {
            placementId: placement.id,
            werkprocesId: werkproces.id,
            state,
            updatedById: viewer.personId,
            updatedAt: services.now(),
          },
          ["placementId", "werkprocesId"],
        );
      } else {
        await tx.delete(PlacementWerkproces, {
          placementId: placement.id,
          werkprocesId: werkproces.id,
        });
      }
      await services.audit.record(
        {
          actorId: viewer.personId,
          action: MARKED,
          subjectType: "placement",
          subjectId: placement.id,
          detail: { ...detail, conversationId: access.conversation.id },
        },
        tx,
      );
    });
    // Everyone with a planned or live conversation of this placement sees the change.
    const open = await services.dataSource.manager.findBy(Conversation, {
      placementId: placement.id,
    });
    for (const c of open.filter((c) => OPEN(c.status))) {
      await announceChange(services, c.id, ["WERKPROCESSEN"]);
    }
    return placement;
  }
}
