import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { visiblePlacements } from "../../access/scope.js";
import type { RequestContext } from "../../context.js";
import { Person } from "../people/person.entity.js";
import { Placement } from "../placement/placement.entity.js";
import { Programme } from "./programme.entity.js";
import { Student } from "./student.entity.js";
import { Werkproces } from "./werkproces.entity.js";

/** Students, as far as the caller may see them (through the placements they may see). */
@Resolver(() => Student)
export class StudentResolver {
  @Query(() => [Student], { description: "The students of the placements the caller may see." })
  async students(@Ctx() ctx: RequestContext) {
    const placements = await (await visiblePlacements(ctx))
      .select(["p.id", "p.studentId"])
      .getMany();
    const ids = [...new Set(placements.map((p) => p.studentId))];
    if (ids.length === 0) return [];
    return ctx.services.dataSource.manager.find(Student, {
      where: { id: In(ids) },
      order: { studentNumber: "ASC" },
    });
  }

  @FieldResolver(() => Person)
  person(@Root() student: Student, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Person, { id: student.personId });
  }

  @FieldResolver(() => Programme)
  programme(@Root() student: Student, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.findOneByOrFail(Programme, { id: student.programmeId });
  }

  @FieldResolver(() => [Placement], {
    description: "This student's placements the caller may see.",
  })
  async placements(@Root() student: Student, @Ctx() ctx: RequestContext) {
    return (await visiblePlacements(ctx))
      .andWhere("p.student_id = :studentId", { studentId: student.id })
      .getMany();
  }
}

/** The werkprocessen of a programme, for linking agreements. */
@Resolver(() => Programme)
export class ProgrammeResolver {
  @FieldResolver(() => [Werkproces], { description: "The programme's werkprocessen, by code." })
  werkprocessen(@Root() programme: Programme, @Ctx() ctx: RequestContext) {
    return ctx.services.dataSource.manager.find(Werkproces, {
      where: { programmeId: programme.id },
      order: { code: "ASC" },
    });
  }
}
