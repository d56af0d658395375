/**
 * Boundary scalars. `LocalDate`: a calendar date written YYYY-MM-DD (no time, no zone) that really exists
 * (2026-02-31 is refused before any resolver runs, BAD_USER_INPUT with an Indonesian message). The rule is shared
 * isIsoDate; the SPA's generated types map the scalar to string.
 */
import { Kind, print } from 'graphql';
// The CommonJS build of graphql's classes, the one type-graphql and graphql-js's executor use (under vitest a plain
// 'graphql' import resolves to the .mjs build: another "realm", whose scalar type-graphql would not recognise).
import { GraphQLScalarType } from 'graphql/type/definition.js';
import { GraphQLError } from 'graphql/error/GraphQLError.js';
import { isIsoDate } from '@pantau/shared';

/** The message of a refused LocalDate (error-language.ts has its English pattern). */
export const localDateMessage = (value: unknown) =>
  `Tanggal harus berupa tanggal kalender yang sah berformat YYYY-MM-DD, bukan ${JSON.stringify(value) ?? String(value)}`;

function parse(value: unknown): string {
  if (!isIsoDate(value)) throw new GraphQLError(localDateMessage(value), { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date YYYY-MM-DD (a real date: 2026-02-31 is refused)',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parse(value);
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : print(ast)),
});
