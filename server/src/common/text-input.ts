/**
 * One guard for every text argument of every GraphQL operation (schema.ts puts it on every field with arguments): control
 * characters and over-long text are refused with BAD_USER_INPUT before any resolver or database sees them
 * (a NUL reaching SQLite/PostgreSQL used to surface as INTERNAL_SERVER_ERROR).
 */
import { TEXT_MAX_LENGTH, textIssue } from '@pantau/shared';
import { badInput } from './errors';

function check(value: unknown, field: string, depth = 0): void {
  if (typeof value === 'string') {
    const issue = textIssue(value);
    if (issue === 'CONTROL_CHARACTER') {
      throw badInput(`Teks pada "${field}" memuat karakter kontrol yang tidak diizinkan`, { field, reason: issue });
    }
    if (issue === 'TOO_LONG') {
      throw badInput(`Teks pada "${field}" terlalu panjang (maksimum ${TEXT_MAX_LENGTH} karakter)`, { field, reason: issue });
    }
    return;
  }
  if (!value || typeof value !== 'object' || depth > 20) return;
  if (Array.isArray(value)) value.forEach((v, i) => check(v, `${field}[${i}]`, depth + 1));
  else for (const [k, v] of Object.entries(value)) check(v, `${field}.${k}`, depth + 1);
}

/** Throws BAD_USER_INPUT for the first text in the field's arguments with a control character or too long. */
export function checkTextArgs(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) check(value, name);
}
