/**
 * The data behind the report page in its tests, and the resolvers that answer the page's
 * operations from it (through `schemaServer`, so against the real schema). Used by the tests
 * beside this file only.
 */
import { GraphQLError } from "graphql";
import type {
  ConclusionCountRow,
  ConclusionPointRow,
  NotEnteredRow,
  OverdueAgreementRow,
  OverdueConversationRow,
  ParticularRow,
  PokIssueRow,
  ReportPlacement,
} from "../../graphql/report";
import type { Resolvers } from "../../test/schemaServer";
import { filterOptions, matchesFilter, type ReportFilter } from "./reportFilter";
import { placementDirectory } from "./reportRows";

/** What the server knows; a test changes it before mounting. */
export interface FakeSchool {
  placements: ReportPlacement[];
  overdue: OverdueConversationRow[];
  pokIssues: PokIssueRow[];
  conclusions: ConclusionPointRow[];
  distribution: ConclusionCountRow[];
  agreements: OverdueAgreementRow[];
  particulars: ParticularRow[];
  notEntered: NotEnteredRow[];
}

/** An empty school. */
export function fakeSchool(data: Partial<FakeSchool> = {}): FakeSchool {
  return {
    placements: [],
    overdue: [],
    pokIssues: [],
    conclusions: [],
    distribution: [],
    agreements: [],
    particulars: [],
    notEntered: [],
    ...data,
  };
}

/** The arguments of a report query: a page and the filters. */
interface PageFilterArgs {
  first?: number;
  after?: string | null;
  programme?: string | null;
  cohort?: string | null;
  begeleiderId?: string | null;
  student?: string | null;
  placementIds?: string[] | null;
}

/** The rows that pass the filters (as the server narrows them), a page of them as a connection. */
function pageOf<T>(
  school: FakeSchool,
  rows: readonly T[],
  placementOf: (row: T) => string,
  studentNameOf: (row: T) => string,
  args: PageFilterArgs,
) {
  const directory = placementDirectory(school.placements);
  const filter: ReportFilter = {
    programme: args.programme ?? "",
    cohort: args.cohort ?? "",
    begeleider: args.begeleiderId ?? "",
    name: args.student ?? "",
  };
  const passing = rows.filter(
    (row) =>
      (!args.placementIds || args.placementIds.includes(placementOf(row))) &&
      matchesFilter(
        { studentName: studentNameOf(row), facets: directory.byPlacement(placementOf(row)) },
        filter,
      ),
  );
  const start = args.after ? Number(args.after) : 0;
  const first = args.first ?? 50;
  const page = passing.slice(start, start + first);
  return {
    totalCount: passing.length,
    pageInfo: {
      hasNextPage: start + first < passing.length,
      endCursor: page.length > 0 ? String(start + page.length) : null,
    },
    edges: page.map((node, i) => ({ node, cursor: String(start + i + 1) })),
  };
}

/** The report queries and the one mutation, answered from `school`. */
export function reportResolvers(school: FakeSchool): Resolvers {
  /** Rows about a placement (`placement.id` or `placementId`), paged and filtered. */
  const byPlacement = <
    T extends { placement?: { id: string }; placementId?: string; studentName: string },
  >(
    rows: readonly T[],
    args: PageFilterArgs,
  ) =>
    pageOf(
      school,
      rows,
      (r) => r.placement?.id ?? r.placementId ?? "",
      (r) => r.studentName,
      args,
    );
  return {
    staffDirectory: (args: PageFilterArgs) =>
      pageOf(
        school,
        school.placements,
        (p) => p.id,
        (p) => p.student.name,
        { ...args, first: 200 },
      ),
    reportFilterOptions: () => {
      const options = filterOptions(placementDirectory(school.placements).all);
      return {
        programmes: options.programmes.map((p) => {
          const found = school.placements.find((pl) => pl.programme.crebo === p.value);
          return found?.programme;
        }),
        cohorts: options.cohorts.map((c) => c.value),
        begeleiders: options.begeleiders.map((b) => ({ id: b.value, name: b.label })),
      };
    },
    overdueConversations: (args: PageFilterArgs) => byPlacement(school.overdue, args),
    pokIssues: (args: PageFilterArgs) => byPlacement(school.pokIssues, args),
    conclusionsOverTime: (args: PageFilterArgs) => {
      const students = [...new Set(school.conclusions.map((p) => p.studentId))].map((id) => {
        const points = school.conclusions.filter((p) => p.studentId === id);
        return { studentId: id, placementId: points[0]?.placementId ?? "", points };
      });
      return pageOf(
        school,
        students,
        (s) => s.placementId,
        (s) => s.points[0]?.studentName ?? "",
        args,
      );
    },
    conclusionDistribution: () => school.distribution,
    overdueAgreements: (args: PageFilterArgs) => byPlacement(school.agreements, args),
    notEnteredConversations: (args: PageFilterArgs) => byPlacement(school.notEntered, args),
    particulars: ({ handled }: { handled?: boolean | null }) =>
      school.particulars.filter((p) =>
        handled === true ? p.handledAt !== null : handled === false ? p.handledAt === null : true,
      ),
    markParticularHandled: ({ particularId }: { particularId: string }) => {
      const found = school.particulars.find((p) => p.id === particularId);
      if (!found) throw new GraphQLError("Not found", { extensions: { code: "NOT_FOUND" } });
      found.handledAt = "2026-03-10T09:00:00.000Z";
      return found;
    },
  };
}
