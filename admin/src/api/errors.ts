import { ERROR_CODES } from '@pantau/shared';
/** The server's fixed error vocabulary (DESIGN "Contracts") plus what can go wrong before the server answers. */
export const SERVER_ERROR_CODES = ERROR_CODES;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ErrorCode = ServerErrorCode | 'NETWORK' | 'INTERNAL';

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown> & { code?: string };
}

/** One failed request: a code from the fixed set, the server's (Indonesian) message, and its extensions. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly errors: GraphQLErrorShape[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function normaliseCode(code: unknown): ErrorCode {
  if (typeof code === 'string' && (SERVER_ERROR_CODES as readonly string[]).includes(code)) return code as ServerErrorCode;
  // Apollo's own request-level codes are the client's fault, i.e. bad input.
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') return 'BAD_USER_INPUT';
  return 'INTERNAL';
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof Error) return new ApiError('NETWORK', err.message);
  return new ApiError('INTERNAL', String(err));
}

/** i18n key of the human title for an error code. */
export function errorKey(code: ErrorCode): string {
  return `errors.${code}`;
}
