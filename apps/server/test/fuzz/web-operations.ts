import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  print,
  typeFromAST,
} from "graphql";

/** The web client's generated operations (apps/web/src/graphql/generated/graphql.ts). */
const GENERATED = fileURLToPath(
  new URL("../../../web/src/graphql/generated/graphql.ts", import.meta.url),
);

/** One operation the web app sends, with the fragments it uses. */
export interface WebOperation {
  name: string;
  document: DocumentNode;
  /** The document as text, as it travels. */
  query: string;
}

/**
 * Every operation of the web client, read from the generated documents (each carries the
 * fragments it spreads), so the server's limits are checked against what the app really sends.
 */
export function webOperations(): WebOperation[] {
  const source = readFileSync(GENERATED, "utf8");
  const operations: WebOperation[] = [];
  for (const match of source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as/gm)) {
    const document = JSON.parse(match[2] as string) as DocumentNode;
    if (!document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) continue;
    operations.push({ name: match[1] as string, document, query: print(document) });
  }
  if (operations.length < 20)
    throw new Error(`Only ${operations.length} operations in ${GENERATED}`);
  return operations;
}

/** Values that pass the scalars' parsing; lists hold one item; `first` is the largest page (100). */
function placeholder(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, name);
  if (isListType(type)) return [placeholder(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = placeholder(field.type, field.name);
    }
    return value;
  }
  switch (getNamedType(type).name) {
    case "Int":
      return name === "first" ? 100 : 1;
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "DateTimeISO":
    case "DateTime":
      return "2026-03-02T09:00:00.000Z";
    case "LocalDate":
    case "Date":
      return "2026-03-02";
    default:
      return "x";
  }
}

/** Variables for every variable of the document's operation that has no default. */
export function placeholderVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as never) as GraphQLInputType | undefined;
      if (!type || variable.defaultValue) continue;
      variables[variable.variable.name.value] = placeholder(type, variable.variable.name.value);
    }
  }
  return variables;
}
