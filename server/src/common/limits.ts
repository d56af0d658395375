/**
 * GraphQL request limits, checked before anything executes (graphql-armor rules + graphql-js's own token limit).
 *
 * The token limit stops oversized documents in the parser, before graphql-js's validation (whose overlapping-fields
 * check is quadratic in the number of same-named fields) can be made to spin; aliases, depth, directives and cost are
 * validation rules. Every refusal is a validation/parse error, so Apollo answers HTTP 400 with BAD_USER_INPUT and an
 * Indonesian message. Sized with ample room over the SPA's real operations (admin/src/graphql/*.graphql, checked by
 * limits.test.ts): at most ~220 tokens, depth 7, cost ~1,450, no aliases today.
 */
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';

export const GRAPHQL_LIMITS = {
  /** Lexer tokens in one document (graphql-js `parse({ maxTokens })`). */
  maxTokens: 2000,
  maxAliases: 20,
  maxDepth: 12,
  maxDirectives: 20,
  /** graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level). */
  maxCost: 8000,
} as const;

type Limits = { [K in keyof typeof GRAPHQL_LIMITS]: number };

/** Armor rules report through this instead of throwing: one BAD_USER_INPUT validation error with our message. */
function reporter(message: (found: string) => string) {
  return (ctx: ValidationContext | null, err: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(err.message)?.[1] ?? '?';
    ctx?.reportError(new GraphQLError(message(found), { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } }));
  };
}

/** The validation rules (aliases, depth, directives, cost), in addition to graphql's specified rules. */
export function limitRules(limits: Limits = GRAPHQL_LIMITS): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [reporter((f) => `Kueri memakai terlalu banyak alias (${f}, maksimum ${limits.maxAliases})`)],
    }),
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [reporter((f) => `Kueri terlalu dalam (kedalaman ${f}, maksimum ${limits.maxDepth})`)] }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [reporter((f) => `Kueri memakai terlalu banyak direktif (${f}, maksimum ${limits.maxDirectives})`)],
    }),
    costLimitRule({
      ...common,
      maxCost: limits.maxCost,
      onReject: [reporter((f) => `Kueri terlalu rumit (biaya ${Math.round(Number(f)) || f}, maksimum ${limits.maxCost})`)],
    }),
  ] as ValidationRule[];
}

/** Apollo `parseOptions`: the parser stops counting at the token limit. */
export const parseOptions = { maxTokens: GRAPHQL_LIMITS.maxTokens };

/** graphql-js's token-limit syntax error, recognised to give it our message. */
export const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;
export const tooManyTokensMessage = () => `Kueri terlalu panjang (maksimum ${GRAPHQL_LIMITS.maxTokens} token)`;
