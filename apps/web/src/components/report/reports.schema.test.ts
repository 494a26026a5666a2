import { buildSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
// The server commits its generated schema; checking against it catches API drift in CI.
import schemaSource from "../../../../server/schema.graphql?raw";
import * as reports from "../../graphql/report";

describe("the staff page's GraphQL operations", () => {
  const schema = buildSchema(schemaSource);
  const documents = Object.entries(reports).filter(
    ([, value]) => typeof value === "object" && value !== null && "kind" in value,
  );

  it("has operations to check", () => {
    expect(documents.map(([name]) => name)).toContain("MARK_PARTICULAR_HANDLED");
  });

  it.each(documents)("%s is valid against the server's schema", (_name, doc) => {
    expect(validate(schema, doc as Parameters<typeof validate>[1]).map((e) => e.message)).toEqual(
      [],
    );
  });
});
