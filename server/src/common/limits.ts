/** Query depth and complexity limits (validation rule + Apollo plugin). */
import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { badInput } from './errors';

export const MAX_DEPTH = 12;
export const MAX_COMPLEXITY = 5000;

/** Refuses operations nested deeper than `max` fields (fragments followed; introspection counted too). */
export function depthLimit(max = MAX_DEPTH) {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let deepest = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          deepest = Math.max(deepest, sel.selectionSet ? depthOf(sel.selectionSet, depth + 1, seen) : depth + 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, seen));
        } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
          const name = sel.name.value;
          const f = fragments.get(name);
          if (f && !seen.has(name)) deepest = Math.max(deepest, depthOf(f.selectionSet, depth, new Set([...seen, name])));
        }
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`Kueri terlalu dalam (kedalaman ${depth}, maksimum ${max})`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }),
          );
        }
      },
    };
  };
}

/** Refuses operations whose estimated complexity exceeds `max` (needs the variables, hence a plugin). */
export function complexityPlugin(schema: GraphQLSchema, max = MAX_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // invalid variable values: execution reports them (BAD_USER_INPUT) instead of an internal error here
            return;
          }
          if (complexity > max) throw badInput(`Kueri terlalu rumit (kompleksitas ${complexity}, maksimum ${max})`);
        },
      };
    },
  };
}
