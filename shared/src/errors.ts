/** The fixed set of error codes clients see in `extensions.code` (DESIGN "Contracts"); server and SPA share it. */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'DEADLINE_PASSED'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
