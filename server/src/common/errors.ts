/**
 * The only error vocabulary clients see (DESIGN "Contracts"): GraphQLError with extensions.code from a fixed set
 * and an Indonesian message. Anything else becomes INTERNAL_SERVER_ERROR without details (logged server-side).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AnswerValidationError, ERROR_CODES, type ErrorCode } from '@pantau/shared';
import { TOO_MANY_TOKENS, tooManyTokensMessage } from './limits';

export { ERROR_CODES, type ErrorCode };

export const INTERNAL_MESSAGE = 'Terjadi kesalahan pada server';

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Silakan masuk terlebih dahulu') => appError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini') => appError('FORBIDDEN', message);
export const badInput = (message: string, extensions: Record<string, unknown> = {}) => appError('BAD_USER_INPUT', message, extensions);
export const notFound = (what: string, id?: unknown) =>
  appError('NOT_FOUND', id === undefined ? `${what} tidak ditemukan` : `${what} ${String(id)} tidak ditemukan`);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => appError('CONFLICT', message, extensions);
export const invalidState = (message: string, extensions: Record<string, unknown> = {}) => appError('INVALID_STATE', message, extensions);
export const deadlinePassed = (message: string, extensions: Record<string, unknown> = {}) => appError('DEADLINE_PASSED', message, extensions);

/** BAD_USER_INPUT listing every bad answer (`extensions.issues`). */
export function fromAnswerValidation(err: AnswerValidationError): GraphQLError {
  return badInput(err.message, {
    issues: err.issues.map((i) => ({ soalId: i.soalId, value: i.value ?? null, message: i.message })),
  });
}

/** Codes Apollo/graphql-js produce before execution, mapped to ours. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Apollo `formatError`: known codes pass through (without stack traces), request errors become BAD_USER_INPUT,
 * everything else INTERNAL_SERVER_ERROR with a fixed message, logged server-side.
 */
export const BUSY_MESSAGE = 'Basis data sedang sibuk; coba lagi sebentar lagi.';

/**
 * The database stayed locked past its busy timeout: SQLite's SQLITE_BUSY ("database is locked", MikroORM's
 * LockWaitTimeoutException) or PostgreSQL's lock_not_available. Retryable; never an internal error.
 */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err as { name?: string; message?: string; code?: string; cause?: unknown; originalError?: unknown } | null, i = 0; e && i < 5; i++) {
    if (e.name === 'LockWaitTimeoutException' || e.code === 'SQLITE_BUSY' || e.code === '55P03') return true;
    if (typeof e.message === 'string' && /SQLITE_BUSY|database is locked/.test(e.message)) return true;
    e = (e.originalError ?? e.cause ?? null) as typeof e;
  }
  return false;
}

export function makeFormatError(log: (err: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // duck-typed, not instanceof: Apollo's GraphQLErrors may come from another graphql build (CJS vs ESM under vitest)
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    if (original instanceof AnswerValidationError) {
      const e = fromAnswerValidation(original);
      return { message: e.message, path: formatted.path, extensions: e.extensions };
    }
    // type-graphql argument validation (class-validator)
    if (Array.isArray((original as { extensions?: { validationErrors?: unknown } } | null)?.extensions?.validationErrors)) {
      const ve =
        (original as { extensions?: { validationErrors?: { property: string; constraints?: Record<string, string> }[] } }).extensions?.validationErrors ?? [];
      return {
        message: 'Masukan tidak valid',
        path: formatted.path,
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: ve.map((v) => ({ field: v.property, message: Object.values(v.constraints ?? {}).join('; ') })),
        },
      };
    }
    const inner = original as { message?: string; extensions?: Record<string, unknown> } | null;
    if (original !== error && inner && isKnownCode(inner.extensions?.code)) {
      return { message: String(inner.message), path: formatted.path, extensions: stripStack(inner.extensions) };
    }
    if (isDatabaseBusy(original)) {
      return { message: BUSY_MESSAGE, path: formatted.path, extensions: { code: 'CONFLICT', reason: 'BUSY', retryable: true } };
    }
    const name = (original as { name?: string } | null)?.name;
    // two users changed the same record: MikroORM's version check or a unique key
    if (name === 'OptimisticLockError' || name === 'UniqueConstraintViolationException') {
      return {
        message: 'Data telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.',
        path: formatted.path,
        extensions: { code: 'CONFLICT' },
      };
    }
    const code = formatted.extensions?.code;
    if (isKnownCode(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: stripStack(formatted.extensions) };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      if (TOO_MANY_TOKENS.test(formatted.message)) {
        return { message: tooManyTokensMessage(), extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } };
      }
      return {
        message: /Cross-Site Request Forgery/.test(formatted.message)
          ? 'Permintaan ditolak sebagai kemungkinan CSRF: kirim sebagai JSON (content-type: application/json)'
          : `Permintaan tidak valid: ${formatted.message}`,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT', reason: code },
      };
    }
    log(original ?? error);
    return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function stripStack(ext: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _s, exception: _e, ...rest } = (ext ?? {}) as Record<string, unknown>;
  return rest;
}
