import DataLoader from "dataloader";
import { Field, ID, ObjectType } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { RequestContext } from "../../context.js";
import { connectionOf, type Page, type PageArgs } from "../../graphql/pagination.js";
import { type ReportFilterArgs, reportPage } from "./report-page.js";
import { byName, placementsInView, withStudent, withStudentFiltered } from "./report-scope.js";

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
  /** Reads a placement's conversations, batched over the page (not a field). */
  conversationsOf: (placementId: string) => Promise<DirectoryConversation[]>;

  @Field(() => [DirectoryConversation], { description: "Oldest first." })
  conversations(): Promise<DirectoryConversation[]> {
    return this.conversationsOf(this.id);
  }
}

export const DirectoryPlacementConnection = connectionOf("DirectoryPlacement", DirectoryPlacement);

/**
 * A page of the placements the caller may see with their programme, cohort and begeleider, by
 * student name; their conversations are read for the whole page at once. The date range keeps
 * the placements running in it.
 */
export async function staffDirectory(
  ctx: RequestContext,
  page: PageArgs,
  filters: ReportFilterArgs = {},
): Promise<Page<DirectoryPlacement>> {
  const scope = await placementsInView(ctx);
  const { manager } = ctx.services.dataSource;
  const conversations = new DataLoader((ids: readonly string[]) => conversationsOf(manager, ids));
  const conversationsOfPlacement = (id: string) => conversations.load(id);
  const counted = scope.clone();
  return reportPage(ctx, {
    report: "staffDirectory",
    scope,
    parameters: {},
    page,
    filters,
    dates: "placement",
    order: [{ alias: "student_name" }, { alias: "id" }],
    build: () =>
      withStudent(scope)
        .innerJoin("programme", "pr", "pr.id = st.programme_id")
        .innerJoin("company", "co", "co.id = p.company_id")
        .innerJoin("person", "bg", "bg.id = p.begeleider_id")
        .select("p.id", "id")
        .addSelect("co.name", "company_name")
        .addSelect("sp.id", "student_person_id")
        .addSelect("sp.name", "student_name")
        .addSelect("st.id", "student_id")
        .addSelect("st.cohort", "cohort")
        .addSelect("pr.id", "programme_id")
        .addSelect("pr.crebo", "crebo")
        .addSelect("pr.name", "programme_name")
        .addSelect("bg.id", "begeleider_id")
        .addSelect("bg.name", "begeleider_name"),
    // Programme, company and begeleider are one each per placement (required references).
    count: () => withStudentFiltered(counted, filters).select("p.id", "id"),
    toNode: (row) => {
      const r = row as Record<string, string>;
      return Object.assign(new DirectoryPlacement(), {
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
        conversationsOf: conversationsOfPlacement,
      });
    },
  });
}

/** The conversations of the placements `ids` (visible ones: a page's), oldest first, in one query. */
async function conversationsOf(
  manager: EntityManager,
  ids: readonly string[],
): Promise<DirectoryConversation[][]> {
  const rows = await manager
    .createQueryBuilder()
    .select(["c.id AS id", "c.placement_id AS placement_id", "c.scheduled_at AS scheduled_at"])
    .addSelect("c.status", "status")
    .from("conversation", "c")
    .where("c.placement_id IN (:...ids)", { ids })
    .orderBy("c.scheduled_at", "ASC")
    .addOrderBy("c.id", "ASC")
    .getRawMany<Record<string, string>>();
  const byPlacement = new Map<string, DirectoryConversation[]>(ids.map((id) => [id, []]));
  for (const c of rows) {
    byPlacement.get(c.placement_id as string)?.push({
      id: c.id as string,
      scheduledAt: c.scheduled_at as string,
      status: c.status as string,
    });
  }
  return ids.map((id) => byPlacement.get(id) ?? []);
}

@ObjectType("ReportFilterOptions", {
  description: "The choices of the staff page's filters, among the placements the caller may see.",
})
export class ReportFilterOptions {
  @Field(() => [DirectoryProgramme], { description: "By name." }) programmes: DirectoryProgramme[];
  @Field(() => [String], { description: "Newest first." }) cohorts: string[];
  @Field(() => [DirectoryRef], { description: "By name." }) begeleiders: DirectoryRef[];
}

/** The programmes, cohorts and begeleiders of the placements the caller may see (three queries). */
export async function reportFilterOptions(ctx: RequestContext): Promise<ReportFilterOptions> {
  const scope = await placementsInView(ctx);
  const distinct = (build: (q: typeof scope) => typeof scope) =>
    build(scope.clone().innerJoin("student", "st", "st.id = p.student_id"))
      .distinct(true)
      .getRawMany<Record<string, string>>();
  const [programmes, cohorts, begeleiders] = await Promise.all([
    distinct((q) =>
      q
        .innerJoin("programme", "pr", "pr.id = st.programme_id")
        .select(["pr.id AS id", "pr.crebo AS crebo", "pr.name AS name"]),
    ),
    distinct((q) => q.select("st.cohort", "cohort")),
    distinct((q) =>
      q
        .innerJoin("person", "bg", "bg.id = p.begeleider_id")
        .select(["bg.id AS id", "bg.name AS name"]),
    ),
  ]);
  return {
    programmes: programmes
      .map((r) => ({ id: r.id as string, crebo: r.crebo as string, name: r.name as string }))
      .sort((a, b) => byName(a.name, b.name) || byName(a.crebo, b.crebo)),
    cohorts: cohorts.map((r) => r.cohort as string).sort((a, b) => byName(b, a)),
    begeleiders: begeleiders
      .map((r) => ({ id: r.id as string, name: r.name as string }))
      .sort((a, b) => byName(a.name, b.name)),
  };
}
