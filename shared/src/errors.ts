/** The fixed set of error codes clients see in `extensions.code` (DESIGN "Contracts"); server and SPA share it. */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'DEADLINE_PASSED'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The first ten issues of a refused batch, joined for an error message ("a; b; …"); the error keeps them all. */
export function listIssues<T>(issues: readonly T[], describe: (issue: T) => string): string {
  return issues.slice(0, 10).map(describe).join('; ') + (issues.length > 10 ? '; …' : '');
}
