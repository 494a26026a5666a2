import type { ApolloClient } from "@apollo/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  ADMIN_COMPANIES,
  ADMIN_PLACEMENTS,
  ADMIN_STUDENTS,
  ADMIN_TRAINERS,
  UPDATE_COMPANY,
  UPDATE_PLACEMENT,
  UPDATE_STUDENT,
  UPDATE_TRAINER,
} from "../../graphql/admin";
import type { CodedProblem } from "../roster/inputProblem";

/** One row of an admin table, as the server answers it. */
export type AdminRow = { id: string } & Record<string, unknown>;

/** A page of rows. */
export interface AdminPage {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  rows: AdminRow[];
}

/** A refused field of an edit: why (a code, with the values it names) and the server's Dutch. */
export interface AdminFieldError extends CodedProblem {
  field: string;
}

/** The tabs of the /beheer page, each one table. */
export type AdminTableKey = "students" | "placements" | "companies" | "trainers";

/** What a table shows and how it reads and saves; labels are `admin.fields.<key>`. */
export interface AdminTable {
  key: AdminTableKey;
  /** The columns of the table, in order; the first names the row. */
  columns: readonly string[];
  /** The fields of the edit form, in order. */
  fields: readonly string[];
  /** Fields that take a date (dd-mm-jjjj or jjjj-mm-dd), shown with that hint. */
  dateFields?: readonly string[];
  load(
    client: ApolloClient,
    variables: { search: string | null; first: number; after: string | null },
  ): Promise<AdminPage>;
  save(
    client: ApolloClient,
    input: { id: string } & Record<string, string>,
  ): Promise<{ row: AdminRow | null; errors: AdminFieldError[] }>;
}

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: AdminRow }[];
};

function table<Q, M>(
  key: AdminTableKey,
  list: TypedDocumentNode<
    Q,
    { search: string | null | undefined; first: number; after: string | null | undefined }
  >,
  update: TypedDocumentNode<M, { input: never }>,
  shape: Pick<AdminTable, "columns" | "fields" | "dateFields">,
): AdminTable {
  return {
    key,
    ...shape,
    async load(client, variables) {
      const { data } = await client.query({ query: list, variables, fetchPolicy: "network-only" });
      const connection = Object.values(data as Record<string, Connection>)[0] as Connection;
      return {
        totalCount: connection.totalCount,
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor ?? null,
        rows: connection.edges.map((edge) => edge.node),
      };
    },
    async save(client, input) {
      const { data } = await client.mutate({
        mutation: update,
        variables: { input: input as never },
      });
      const result = Object.values(data as Record<string, unknown>)[0] as {
        node: AdminRow | null;
        errors: AdminFieldError[];
      };
      return { row: result.node, errors: result.errors };
    },
  };
}

/** The four tables of the /beheer page, in tab order. */
export const ADMIN_TABLES: readonly AdminTable[] = [
  table("students", ADMIN_STUDENTS, UPDATE_STUDENT, {
    columns: ["name", "studentNumber", "email", "programmeName", "cohort", "leerweg"],
    fields: ["studentNumber", "name", "email", "cohort", "leerweg"],
  }),
  table("placements", ADMIN_PLACEMENTS, UPDATE_PLACEMENT, {
    columns: [
      "studentName",
      "studentNumber",
      "companyName",
      "trainerName",
      "begeleiderName",
      "startDate",
      "endDate",
      "hoursPerWeek",
      "pokNumber",
    ],
    fields: [
      "startDate",
      "endDate",
      "hoursPerWeek",
      "begeleiderEmail",
      "pokNumber",
      "pokStudentSignedAt",
      "pokSchoolSignedAt",
      "pokCompanySignedAt",
    ],
    dateFields: [
      "startDate",
      "endDate",
      "pokStudentSignedAt",
      "pokSchoolSignedAt",
      "pokCompanySignedAt",
    ],
  }),
  table("companies", ADMIN_COMPANIES, UPDATE_COMPANY, {
    columns: ["name", "city", "sbbNumber", "placementCount"],
    fields: ["name", "city", "sbbNumber"],
  }),
  table("trainers", ADMIN_TRAINERS, UPDATE_TRAINER, {
    columns: ["name", "email", "companyName"],
    fields: ["name", "email"],
  }),
];
