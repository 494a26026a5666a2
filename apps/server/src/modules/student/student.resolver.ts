import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { requireViewer } from "../../access/guards.js";
import type { RequestContext } from "../../context.js";
import { StudentListConnection, StudentRecord, StudentSearchArgs } from "./student.types.js";
import { studentRecord } from "./student-record.js";
import { openStudent } from "./student-scope.js";
import { searchStudents } from "./student-search.js";

/**
 * Staff's view of a student (the student page) and the searchable student list, both over
 * exactly the placements the staff reports cover (see student-scope.ts).
 */
@Resolver()
export class StudentRecordResolver {
  @Query(() => StudentRecord, {
    description:
      "One student with their placements (POK, frequency windows) and every conversation, newest first; staff responsible for them only.",
  })
  async student(
    @Arg("id", () => ID, { description: "The student's id (Student.id)." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<StudentRecord> {
    const { student, placements } = await openStudent(ctx, id);
    const viewer = requireViewer(ctx);
    const record = await studentRecord(ctx, student, placements);
    await ctx.services.audit.record({
      actorId: viewer.personId,
      action: "student.accessed",
      subjectType: "student",
      subjectId: student.id,
      detail: { role: viewer.role },
    });
    return record;
  }

  @Query(() => StudentListConnection, {
    description:
      "The students the caller is responsible for, searched by name or student number and paged by name.",
  })
  studentSearch(
    @Args(() => StudentSearchArgs) args: StudentSearchArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<StudentListConnection> {
    return searchStudents(ctx, args);
  }
}
