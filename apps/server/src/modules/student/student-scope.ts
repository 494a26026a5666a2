import { LIMITS } from "@driehoek/domain";
import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../context.js";
import { badInput, forbidden, notFound } from "../../graphql/errors.js";
import type { Placement } from "../placement/placement.entity.js";
import { placementsInView } from "../report/report-scope.js";
import { Student } from "../school/student.entity.js";

/*
 * Who sees which student: exactly the staff reports' scope (`placementsInView`: staff only; an
 * admin every placement, a BPV-begeleider their own, a trajectbegeleider their students'). A
 * student is in view through a placement in view, and of that student only those placements
 * (and their conversations) are shown.
 */

/** The placements in view (alias `p`) of the students with these ids. */
export async function placementsOfStudents(
  ctx: RequestContext,
  studentIds: readonly string[],
): Promise<SelectQueryBuilder<Placement>> {
  const placements = await placementsInView(ctx);
  return placements.andWhere("p.student_id IN (:...studentIds)", {
    studentIds: studentIds.length > 0 ? [...studentIds] : [""],
  });
}

/**
 * The student with `id` and their placements in the caller's view; NOT_FOUND when there is no
 * such student, FORBIDDEN when none of their placements is the caller's to see.
 */
export async function openStudent(
  ctx: RequestContext,
  id: string,
): Promise<{ student: Student; placements: Placement[] }> {
  const query = await placementsOfStudents(ctx, [id]);
  if (id.length > LIMITS.id) throw badInput("That is not a student id.");
  const placements = await query.orderBy("p.start_date", "DESC").addOrderBy("p.id").getMany();
  const student = await ctx.services.dataSource.manager.findOneBy(Student, { id });
  if (!student) throw notFound("Student");
  if (placements.length === 0) {
    throw forbidden(
      "This student is not one of yours: you see only the students you are responsible for.",
    );
  }
  return { student, placements };
}
