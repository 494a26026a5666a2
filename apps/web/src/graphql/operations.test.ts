import { buildSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
// The server commits its generated schema; checking against it catches API drift in CI.
import schemaSource from "../../../server/schema.graphql?raw";
import * as operations from "./operations";

describe("GraphQL operations", () => {
  const schema = buildSchema(schemaSource);

  it.each(Object.entries(operations))("%s is valid against the server's schema", (_name, doc) => {
    expect(validate(schema, doc).map((error) => error.message)).toEqual([]);
  });
});
