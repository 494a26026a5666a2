import { buildSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
import schemaSource from "../../../../server/schema.graphql?raw";
import * as operations from "../../graphql/signoff";

describe("Afronden's GraphQL operations", () => {
  const schema = buildSchema(schemaSource);
  const documents = Object.entries(operations).filter(
    ([, value]) => typeof value === "object" && value !== null && "kind" in value,
  );

  it("has operations to check", () => {
    expect(documents.map(([name]) => name)).toContain("SIGN_CONVERSATION");
  });

  it.each(documents)("%s is valid against the server's schema", (_name, doc) => {
    expect(validate(schema, doc as never).map((error) => error.message)).toEqual([]);
  });
});
