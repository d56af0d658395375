import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RESOLVERS } from './resolvers';
import { checkTextArgs } from './common/text-input';
import './common/enums';

let built: Promise<GraphQLSchema> | null = null;

/**
 * The text-input guard on every field that takes arguments, and only there. (As a type-graphql global middleware it
 * wrapped every field of every object in a chain of promises: ~500 answers × 8 fields per LKE open.)
 */
function guardTextArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || !('isTypeOf' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!('args' in field) || !field.args.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx, info) => {
        checkTextArgs(args);
        return resolve(root, args, ctx, info);
      };
    }
  }
  return schema;
}

/** The GraphQL schema of the code (built once per process). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  }).then(guardTextArguments);
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
