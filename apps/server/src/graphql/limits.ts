import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Config } from "../config.js";

/** How deep a selection nests and how many fields it selects once every fragment is expanded. */
interface Shape {
  depth: number;
  fields: number;
}

/**
 * Measures every operation of the document as it will execute: fragments expanded. Each
 * fragment is measured once and reused, so a document of fragments spreading fragments many
 * times costs no more to measure than to read; cycles count as empty (another rule refuses them).
 */
function measureOperations(context: ValidationContext): (set: SelectionSetNode) => Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, Shape>();
  const measuring = new Set<string>();
  const shapeOf = (set: SelectionSetNode | undefined): Shape => {
    const shape: Shape = { depth: 0, fields: 0 };
    for (const selection of set?.selections ?? []) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        const below = shapeOf(selection.selectionSet);
        inner = {
          depth: selection.selectionSet ? below.depth + 1 : 0,
          fields: below.fields + 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = shapeOf(selection.selectionSet);
      } else {
        inner = fragmentShape(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.fields += inner.fields;
    }
    return shape;
  };
  const fragmentShape = (name: string): Shape => {
    const known = measured.get(name);
    if (known) return known;
    if (measuring.has(name)) return { depth: 0, fields: 0 };
    measuring.add(name);
    const shape = shapeOf(fragments.get(name)?.selectionSet);
    measuring.delete(name);
    measured.set(name, shape);
    return shape;
  };
  return shapeOf;
}

/**
 * A validation rule refusing operations nested deeper than `maxDepth`, counting through
 * fragments, so a cyclic or absurdly deep query is stopped before it runs.
 */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const shapeOf = measureOperations(context);
    return {
      OperationDefinition(operation) {
        const depth = shapeOf(operation.selectionSet).depth;
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested too deeply (more than ${maxDepth} levels).`, {
              nodes: [operation],
              extensions: { code: "BAD_USER_INPUT", reason: "query_too_deep" },
            }),
          );
        }
      },
    };
  };
}

/**
 * Refuses operations selecting more than `maxFields` fields once fragments are expanded:
 * wide queries, aliases, and one fragment spread hundreds of times alike.
 */
export function fieldCountLimit(maxFields: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const shapeOf = measureOperations(context);
    return {
      OperationDefinition(operation) {
        const fields = shapeOf(operation.selectionSet).fields;
        if (fields > maxFields) {
          context.reportError(
            new GraphQLError(
              `The query selects too many fields (${fields}, more than ${maxFields}).`,
              {
                nodes: [operation],
                extensions: { code: "BAD_USER_INPUT", reason: "query_too_large" },
              },
            ),
          );
        }
      },
    };
  };
}

/** Refuses `__schema` and `__type` (introspection off); `__typename` stays allowed. */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(
        new GraphQLError(
          "Introspectie staat uit op deze server. (Introspection is disabled on this server.)",
          {
            nodes: [node],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason: "introspection_disabled" },
          },
        ),
      );
    }
  },
});

/**
 * The limits every operation is held to, over HTTP and websocket alike; without introspection
 * also the rule refusing `__schema` and `__type`. (The cost limit needs the variables: cost.ts.)
 */
export function queryLimits(
  config: Pick<Config, "maxQueryDepth" | "maxQueryFields"> & Partial<Pick<Config, "introspection">>,
): ValidationRule[] {
  const rules = [depthLimit(config.maxQueryDepth), fieldCountLimit(config.maxQueryFields)];
  if (config.introspection === false) rules.push(noIntrospection);
  return rules;
}

/** Deepest nesting of `{`, `[` and `(` in a document's text, strings and comments skipped. */
export function textNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end < 0 ? text.length : end + 2;
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) {
          if (text[i] === "\\") i++;
        }
      }
    } else if (c === "{" || c === "[" || c === "(") {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === "}" || c === "]" || c === ")") {
      depth = Math.max(depth - 1, 0);
    }
  }
  return deepest;
}

/**
 * Refuses a document nested so deeply that parsing it would exhaust the stack (graphql-js
 * parses recursively), before it is parsed; far above anything the depth limit lets run.
 */
export function nestingRefusal(
  query: unknown,
  config: Pick<Config, "maxQueryDepth">,
): GraphQLError | undefined {
  if (typeof query !== "string") return undefined;
  const limit = Math.max(100, 2 * config.maxQueryDepth);
  if (textNesting(query) <= limit) return undefined;
  return new GraphQLError(`The query is nested too deeply (more than ${limit} brackets).`, {
    extensions: { code: "BAD_USER_INPUT", reason: "query_too_deep" },
  });
}
