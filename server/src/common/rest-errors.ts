/**
 * THE REST error helper: every REST route (evidence, exports, reports, LKE workbook, PortalRB, surveys, health, the
 * CSRF check, unknown /api addresses) answers errors as `{ error, code, message }` (+ `issues` when the error lists
 * them), with the codes of GraphQL's fixed set plus a few HTTP-only ones. Messages are Indonesian; for a signed-in
 * user who chose English they are translated like GraphQL's (error-language.ts), the Indonesian text kept in
 * `messageId`. Anything unknown is logged and answered 500 without details.
 */
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '@pantau/shared';
import type { AuthUser } from './context';
import { BUSY_MESSAGE, INTERNAL_MESSAGE, isDatabaseBusy } from './errors';
import { toEnglish } from './error-language';

/** Codes only REST has (files, framing, rate limits) besides GraphQL's fixed set. */
export const REST_ONLY_CODES = ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL_SERVER_ERROR'] as const;
export type RestErrorCode = ErrorCode | (typeof REST_ONLY_CODES)[number];

/** The HTTP status of each code (one table for every route). */
export const REST_STATUS: Record<RestErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  DEADLINE_PASSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  BAD_USER_INPUT: 422,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** An error a REST route throws (or a service throws for REST callers). `status` overrides the table (e.g. 410). */
export class RestError extends Error {
  constructor(
    readonly code: RestErrorCode,
    message: string,
    readonly opts: { status?: number; retryAfter?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

/** Remembers the signed-in user's language for this response (the REST context builder calls it). */
export function rememberLocale(res: Response, user: Pick<AuthUser, 'locale'> | null): void {
  if (res?.locals) res.locals.pantauLocale = user?.locale ?? 'id';
}

/** Writes `{ error, code, message }` (localised) with the code's status (or `opts.status`). */
export function sendError(
  res: Response,
  code: RestErrorCode,
  message: string,
  opts: { status?: number; retryAfter?: number; issues?: unknown[]; extra?: Record<string, unknown> } = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (opts.retryAfter) res.set('Retry-After', String(Math.max(1, Math.ceil(opts.retryAfter))));
  const body: Record<string, unknown> = { ...opts.extra, error: code, code, message };
  if (res.locals?.pantauLocale === 'en') Object.assign(body, { message: toEnglish(message, code), messageId: message });
  if (opts.issues) body.issues = opts.issues;
  res.status(opts.status ?? REST_STATUS[code]).json(body);
}

/**
 * Answers any error a REST handler caught: RestError, the GraphQLErrors of the fixed set that services throw,
 * body-parser's framing errors; anything else is logged and answered 500 without details.
 */
export function sendRestError(res: Response, err: unknown, log: (e: unknown) => void): void {
  if (err instanceof RestError) return sendError(res, err.code, err.message, err.opts);
  if (err instanceof GraphQLError && (ERROR_CODES as readonly unknown[]).includes(err.extensions?.code)) {
    const issues = Array.isArray(err.extensions.issues) ? err.extensions.issues : undefined;
    const status = (err.extensions.http as { status?: number } | undefined)?.status;
    return sendError(res, err.extensions.code as ErrorCode, err.message, { issues, status, retryAfter: status === 503 ? 2 : undefined });
  }
  // the database stayed locked past the busy timeout (a backup or another tool holds it): retry later
  if (isDatabaseBusy(err)) return sendError(res, 'CONFLICT', BUSY_MESSAGE, { status: 503, retryAfter: 2, extra: { reason: 'BUSY', retryable: true } });
  const e = err as { type?: string; status?: number; statusCode?: number } | null;
  if (e?.type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE', 'Isi permintaan melebihi batas ukuran');
  if (e?.type === 'entity.parse.failed') return sendError(res, 'BAD_USER_INPUT', 'Isi permintaan bukan JSON yang valid');
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, 'BAD_REQUEST', 'Permintaan tidak valid', { status });
  log(err);
  sendError(res, 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE);
}
