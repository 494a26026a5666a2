import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import type { Config } from "../config.js";

/**
 * A validation rule refusing operations nested deeper than `maxDepth`, counting through
 * fragments, so a cyclic or absurdly deep query is stopped before it runs.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const depthOf = (
      set: SelectionSetNode | undefined,
      depth: number,
      seen: Set<string>,
    ): number => {
      if (!set || depth > maxDepth) return depth;
      let deepest = depth;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const inner = selection.selectionSet
            ? depthOf(selection.selectionSet, depth + 1, seen)
            : depth;
          deepest = Math.max(deepest, inner);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth, seen));
        } else {
          const name = selection.name.value;
          if (seen.has(name)) continue;
          const fragment = fragments.get(name);
          deepest = Math.max(
            deepest,
            depthOf(fragment?.selectionSet, depth, new Set([...seen, name])),
          );
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 0, new Set());
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

/** Refuses documents with more than `maxFields` field selections in all (wide queries and aliases). */
export function fieldCountLimit(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        count += 1;
        if (count === maxFields + 1) {
          context.reportError(
            new GraphQLError(`The query selects too many fields (more than ${maxFields}).`, {
              nodes: [node],
              extensions: { code: "BAD_USER_INPUT", reason: "query_too_large" },
            }),
          );
        }
      },
    };
  };
}

/** The limits every operation is held to, over HTTP and websocket alike. */
export function queryLimits(config: Pick<Config, "maxQueryDepth" | "maxQueryFields">) {
  return [depthLimit(config.maxQueryDepth), fieldCountLimit(config.maxQueryFields)];
}
