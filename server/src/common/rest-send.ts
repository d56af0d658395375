/**
 * REST error responses `{ error, code, message }` (+ `issues` when the error lists them) from the GraphQLErrors of the
 * fixed set that the services throw; anything else is logged and answered 500 without details.
 * (A seam until the project's one REST error helper is on main.)
 */
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { INTERNAL_MESSAGE } from './errors';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 422, INVALID_STATE: 409, CONFLICT: 409, DEADLINE_PASSED: 403 };

/** `{ error, code, message }` (+ `issues`) from a GraphQLError of the fixed set; anything else is logged, 500. */
export function sendRestError(res: Response, err: unknown, log: (e: unknown) => void) {
  if (err instanceof GraphQLError && typeof err.extensions?.code === 'string' && STATUS[err.extensions.code]) {
    const code = err.extensions.code;
    const body: Record<string, unknown> = { error: code, code, message: err.message };
    if (Array.isArray(err.extensions.issues)) body.issues = err.extensions.issues;
    res.status(STATUS[code]).json(body);
    return;
  }
  const e = err as { type?: string };
  if (e?.type === 'entity.too.large') {
    res.status(413).json({ error: 'PAYLOAD_TOO_LARGE', code: 'PAYLOAD_TOO_LARGE', message: 'Berkas melebihi batas ukuran' });
    return;
  }
  log(err);
  res.status(500).json({ error: 'INTERNAL_SERVER_ERROR', code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE });
}

