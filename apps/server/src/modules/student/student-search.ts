import { HELD_STATUSES } from "@driehoek/domain";
import { type EntityManager, In, Not } from "typeorm";
import type { RequestContext } from "../../context.js";
import { badInput } from "../../graphql/errors.js";
import { whereSearch } from "../admin/admin-page.js";
import { Conversation } from "../conversation/conversation.entity.js";
import { Person } from "../people/person.entity.js";
import { ensureFrequencyJudged } from "../placement/frequency-state.js";
import type { Placement } from "../placement/placement.entity.js";
import { PlacementFrequency } from "../placement/placement-frequency.entity.js";
import { placementsInView, todayOf } from "../report/report-scope.js";
import { Company } from "../school/company.entity.js";
import { Programme } from "../school/programme.entity.js";
import { Student } from "../school/student.entity.js";
import type {
  StudentCurrentPlacement,
  StudentListConnection,
  StudentListItem,
  StudentNextConversation,
  StudentSearchArgs,
} from "./student.types.js";
import { placementsOfStudents } from "./student-scope.js";

/*
 * The student list: the students of the placements in the caller's view, searched (every word
 * in the name or student number, any case) and ordered by name in SQL, paged by keyset: the
 * cursor is the last row's (name, id), so a student added or removed between two pages moves
 * no other row. Each page then reads its students' placements, verdicts and next conversations
 * in one query each, whatever the page size.
 */

interface Position {
  name: string;
  id: string;
}

const cursorOf = (p: Position) =>
  Buffer.from(JSON.stringify(["student", p.name, p.id])).toString("base64url");

function positionOf(cursor: string | null | undefined): Position | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value[0] === "student" &&
      typeof value[1] === "string" &&
      typeof value[2] === "string"
    ) {
      return { name: value[1], id: value[2] };
    }
  } catch {
    // Not JSON: refused below.
  }
  throw badInput("after is not a cursor of the student list.");
}

/** The placement to show for a student: running today, else the next to start, else the last. */
export function currentOf(placements: readonly Placement[], today: string): Placement | null {
  const running = placements.filter((p) => p.startDate <= today && today <= p.endDate);
  const later = placements.filter((p) => p.startDate > today);
  const pick = <T>(list: T[], better: (a: T, b: T) => boolean) =>
    list.reduce<T | null>((best, p) => (best === null || better(p, best) ? p : best), null);
  return (
    pick(running, (a, b) => a.startDate > b.startDate) ??
    pick(later, (a, b) => a.startDate < b.startDate) ??
    pick([...placements], (a, b) => a.endDate > b.endDate)
  );
}

/** Per student of the page: the placement to show and the next conversation not yet held. */
async function pageFacts(
  ctx: RequestContext,
  manager: EntityManager,
  studentIds: readonly string[],
  today: string,
) {
  const placements =
    studentIds.length === 0 ? [] : await (await placementsOfStudents(ctx, studentIds)).getMany();
  const placementIds = placements.map((p) => p.id);
  const [companies, verdicts, upcoming] =
    placementIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          manager.find(Company, {
            where: { id: In([...new Set(placements.map((p) => p.companyId))]) },
            select: { id: true, name: true },
          }),
          manager.find(PlacementFrequency, { where: { placementId: In(placementIds) } }),
          manager.find(Conversation, {
            where: { placementId: In(placementIds), status: Not(In([...HELD_STATUSES])) },
            select: { id: true, placementId: true, scheduledAt: true, status: true },
            order: { scheduledAt: "ASC", id: "ASC" },
          }),
        ]);
  const companyNames = new Map(companies.map((c) => [c.id, c.name]));
  const verdictOf = new Map(verdicts.map((v) => [v.placementId, v]));
  const studentOf = new Map(placements.map((p) => [p.id, p.studentId]));

  const current = new Map<string, StudentCurrentPlacement>();
  for (const id of studentIds) {
    const p = currentOf(
      placements.filter((placement) => placement.studentId === id),
      today,
    );
    if (!p) continue;
    current.set(id, {
      id: p.id,
      companyName: companyNames.get(p.companyId) ?? "",
      startDate: p.startDate,
      endDate: p.endDate,
      frequency: verdictOf.get(p.id) ?? null,
    });
  }
  const next = new Map<string, StudentNextConversation>();
  for (const c of upcoming) {
    const studentId = studentOf.get(c.placementId) as string;
    if (!next.has(studentId)) {
      next.set(studentId, { id: c.id, scheduledAt: c.scheduledAt, status: c.status });
    }
  }
  return { current, next };
}

/** One page of the students in the caller's view, searched by name or student number. */
export async function searchStudents(
  ctx: RequestContext,
  args: StudentSearchArgs,
): Promise<StudentListConnection> {
  const visible = (await placementsInView(ctx)).select("p.student_id");
  const after = positionOf(args.after);
  const { dataSource } = ctx.services;
  const manager = dataSource.manager;
  const today = todayOf(ctx);
  await ensureFrequencyJudged(dataSource, today);

  const query = whereSearch(
    manager
      .createQueryBuilder(Student, "s")
      .innerJoin(Person, "sp", "sp.id = s.person_id")
      .leftJoin(Programme, "pr", "pr.id = s.programme_id")
      .where(`s.id IN (${visible.getQuery()})`, visible.getParameters()),
    args.search,
    ["sp.name", "s.student_number"],
  );
  const totalCount = await query.getCount();
  if (after) {
    query.andWhere("(sp.name > :afterName OR (sp.name = :afterName AND s.id > :afterId))", {
      afterName: after.name,
      afterId: after.id,
    });
  }
  const rows: Record<string, string | null>[] = await query
    .select("s.id", "id")
    .addSelect("sp.name", "name")
    .addSelect("s.student_number", "student_number")
    .addSelect("pr.name", "programme_name")
    .addSelect("s.cohort", "cohort")
    .orderBy("sp.name", "ASC")
    .addOrderBy("s.id", "ASC")
    .limit(args.first + 1)
    .getRawMany();
  const page = rows.slice(0, args.first);
  const ids = page.map((row) => String(row.id));
  const { current, next } = await pageFacts(ctx, manager, ids, today);

  const edges = page.map((row) => {
    const node: StudentListItem = {
      id: String(row.id),
      name: String(row.name),
      studentNumber: String(row.student_number),
      programmeName: row.programme_name ?? null,
      cohort: row.cohort || null,
      currentPlacement: current.get(String(row.id)) ?? null,
      nextConversation: next.get(String(row.id)) ?? null,
    };
    return { node, cursor: cursorOf(node) };
  });
  return {
    totalCount,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
