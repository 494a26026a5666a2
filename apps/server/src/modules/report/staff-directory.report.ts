import { Field, ID, ObjectType } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { placementsInView } from "./report-scope.js";

@ObjectType("DirectoryRef", { description: "An id with a display name." })
export class DirectoryRef {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
}

@ObjectType("DirectoryEnrolment")
export class DirectoryEnrolment {
  /** The student's enrolment id (the `studentId` of conclusion points). */
  @Field(() => ID) id: string;
  @Field(() => String) cohort: string;
}

@ObjectType("DirectoryProgramme")
export class DirectoryProgramme {
  @Field(() => ID) id: string;
  @Field(() => String) crebo: string;
  @Field(() => String) name: string;
}

@ObjectType("DirectoryConversation")
export class DirectoryConversation {
  @Field(() => ID) id: string;
  @Field(() => String) scheduledAt: string;
  @Field(() => String) status: string;
}

@ObjectType("DirectoryPlacement", {
  description: "What the staff page filters report rows on: one placement, flat and complete.",
})
export class DirectoryPlacement {
  @Field(() => ID) id: string;
  @Field(() => String) companyName: string;
  /** The student as a person. */
  @Field(() => DirectoryRef) student: DirectoryRef;
  @Field(() => DirectoryEnrolment) enrolment: DirectoryEnrolment;
  @Field(() => DirectoryProgramme) programme: DirectoryProgramme;
  @Field(() => DirectoryRef) begeleider: DirectoryRef;
  /** Oldest first. */
  @Field(() => [DirectoryConversation]) conversations: DirectoryConversation[];
}

/**
 * Every placement the caller may see with its programme, cohort, begeleider and conversations,
 * in two queries whatever the school's size (the staff page joins report rows to it).
 */
export async function staffDirectory(ctx: RequestContext): Promise<DirectoryPlacement[]> {
  const scope = await placementsInView(ctx);
  const visible = scope.clone().select("p.id");
  const rows = await scope
    .innerJoin("student", "st", "st.id = p.student_id")
    .innerJoin("person", "sp", "sp.id = st.person_id")
    .innerJoin("programme", "pr", "pr.id = st.programme_id")
    .innerJoin("company", "co", "co.id = p.company_id")
    .innerJoin("person", "bg", "bg.id = p.begeleider_id")
    .select([
      "p.id AS id",
      "co.name AS company_name",
      "sp.id AS student_person_id",
      "sp.name AS student_name",
      "st.id AS student_id",
      "st.cohort AS cohort",
      "pr.id AS programme_id",
      "pr.crebo AS crebo",
      "pr.name AS programme_name",
      "bg.id AS begeleider_id",
      "bg.name AS begeleider_name",
    ])
    .orderBy("sp.name", "ASC")
    .addOrderBy("p.id", "ASC")
    .getRawMany<Record<string, string>>();

  const conversations = await ctx.services.dataSource.manager
    .createQueryBuilder()
    .select(["c.id AS id", "c.placement_id AS placement_id", "c.scheduled_at AS scheduled_at"])
    .addSelect("c.status", "status")
    .from("conversation", "c")
    .where(`c.placement_id IN (${visible.getQuery()})`)
    .setParameters(visible.getParameters())
    .orderBy("c.scheduled_at", "ASC")
    .addOrderBy("c.id", "ASC")
    .getRawMany<Record<string, string>>();
  const byPlacement = new Map<string, DirectoryConversation[]>();
  for (const c of conversations) {
    const list = byPlacement.get(c.placement_id as string) ?? [];
    list.push({
      id: c.id as string,
      scheduledAt: c.scheduled_at as string,
      status: c.status as string,
    });
    byPlacement.set(c.placement_id as string, list);
  }

  return rows.map((r) => ({
    id: r.id as string,
    companyName: r.company_name as string,
    student: { id: r.student_person_id as string, name: r.student_name as string },
    enrolment: { id: r.student_id as string, cohort: r.cohort as string },
    programme: {
      id: r.programme_id as string,
      crebo: r.crebo as string,
      name: r.programme_name as string,
    },
    begeleider: { id: r.begeleider_id as string, name: r.begeleider_name as string },
    conversations: byPlacement.get(r.id as string) ?? [],
  }));
}
