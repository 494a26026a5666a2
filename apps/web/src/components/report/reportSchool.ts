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

/** The report queries and the one mutation, answered from `school`. */
export function reportResolvers(school: FakeSchool): Resolvers {
  return {
    staffDirectory: () => school.placements,
    overdueConversations: () => school.overdue,
    pokIssues: () => school.pokIssues,
    conclusionsOverTime: () => school.conclusions,
    conclusionDistribution: () => school.distribution,
    overdueAgreements: () => school.agreements,
    notEnteredConversations: () => school.notEntered,
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
