import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RESOLVERS } from './resolvers';
import { textInputGuard } from './common/text-input';
import './common/enums';

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema of the code (built once per process). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    globalMiddlewares: [textInputGuard],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return built;
}

/**
 * graphql as type-graphql loads it (CommonJS). Under vitest a plain `import 'graphql'` may resolve to graphql's
 * .mjs build, a second "realm" whose printSchema refuses the schema type-graphql built.
 */
const graphqlCjs: typeof import('graphql') = createRequire(require.resolve('type-graphql'))('graphql');

/** The SDL as committed in server/schema.graphql (sorted, so it does not depend on import order). */
export async function printAppSchema(): Promise<string> {
  return graphqlCjs.printSchema(graphqlCjs.lexicographicSortSchema(await buildAppSchema())) + '\n';
}

export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.graphql');
