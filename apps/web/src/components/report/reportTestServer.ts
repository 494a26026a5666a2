/**
 * A stand-in for the Driehoek server in component tests: executes the page's real operations
 * against the server's committed schema, answering from plain data the test controls. Used by
 * the tests beside this file only.
 */
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { buildSchema, execute, GraphQLError } from "graphql";
import { from } from "rxjs";
import schemaSource from "../../../../server/schema.graphql?raw";
import type { AppGraphQL } from "../../graphql/client";
import type {
  ConclusionCountRow,
  ConclusionPointRow,
  OverdueAgreementRow,
  OverdueConversationRow,
  ParticularRow,
  PokIssueRow,
  ReportPlacement,
} from "../../graphql/report";

const schema = buildSchema(schemaSource);

/** What the fake server knows; a test changes it before mounting. */
export interface FakeSchool {
  placements: ReportPlacement[];
  overdue: OverdueConversationRow[];
  pokIssues: PokIssueRow[];
  conclusions: ConclusionPointRow[];
  distribution: ConclusionCountRow[];
  agreements: OverdueAgreementRow[];
  particulars: ParticularRow[];
  /** Reports (by query field) that fail with this error code. */
  failing: Partial<Record<string, string>>;
  /** Every operation asked, by name, with its variables. */
  requests: { name: string; variables: Record<string, unknown> }[];
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
    failing: {},
    requests: [],
    ...data,
  };
}

/** The GraphQL client the page injects, answering from `school`. */
export function fakeGraphQL(school: FakeSchool): AppGraphQL {
  const answer = <T>(field: string, value: () => T) => {
    const code = school.failing[field];
    if (code) throw new GraphQLError(`${field} failed`, { extensions: { code } });
    return value();
  };
  const rootValue = {
    staffDirectory: () => answer("placements", () => school.placements),
    overdueConversations: () => answer("overdueConversations", () => school.overdue),
    pokIssues: () => answer("pokIssues", () => school.pokIssues),
    conclusionsOverTime: () => answer("conclusionsOverTime", () => school.conclusions),
    conclusionDistribution: () => answer("conclusionDistribution", () => school.distribution),
    overdueAgreements: () => answer("overdueAgreements", () => school.agreements),
    particulars: ({ handled }: { handled?: boolean | null }) =>
      answer("particulars", () =>
        school.particulars.filter((p) =>
          handled === true ? p.handledAt !== null : handled === false ? p.handledAt === null : true,
        ),
      ),
    markParticularHandled: ({ particularId }: { particularId: string }) =>
      answer("markParticularHandled", () => {
        const found = school.particulars.find((p) => p.id === particularId);
        if (!found) throw new GraphQLError("Not found", { extensions: { code: "NOT_FOUND" } });
        found.handledAt = "2026-03-10T09:00:00.000Z";
        return found;
      }),
  };
  const link = new ApolloLink((operation) => {
    school.requests.push({ name: operation.operationName ?? "", variables: operation.variables });
    return from(
      Promise.resolve(
        execute({
          schema,
          document: operation.query,
          variableValues: operation.variables,
          rootValue,
        }),
      ),
    ) as ReturnType<ApolloLink.RequestHandler>;
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client } as unknown as AppGraphQL;
}
