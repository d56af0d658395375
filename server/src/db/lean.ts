/**
 * Lean reads: one hand-written SELECT over several tables, its rows split per table alias and (where the caller
 * needs managed entities, e.g. to flush an optimistic-lock update) merged into the EntityManager with em.map.
 * Columns come from the entity metadata, so a new column never needs a change here.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { EntityName } from '@mikro-orm/core';

const STORED = new Set(['scalar', 'm:1']);

/** `alias.column as alias__column` for every stored column of the entity. */
export function columnsOf(em: EntityManager, entity: EntityName<object>, alias: string): string[] {
  const meta = em.getMetadata().get(entity as never);
  const out: string[] = [];
  for (const p of meta.props) {
    if (p.persist === false || !STORED.has(p.kind) || !p.fieldNames?.length) continue;
    for (const f of p.fieldNames) out.push(`${alias}.${f} as ${alias}__${f}`);
  }
  return out;
}

/** The columns of one alias out of a joined row (null when the left join found nothing). */
export function pick(row: Record<string, unknown>, alias: string, key = 'id'): Record<string, unknown> | null {
  const prefix = `${alias}__`;
  if (row[prefix + key] === null || row[prefix + key] === undefined) return null;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = row[k];
  return out;
}

/**
 * A stored timestamp as a Date: SQLite holds what the ORM wrote (epoch milliseconds) or, for rows written by hand,
 * an ISO/SQL text (UTC); PostgreSQL (MikroORM leaves its date types as text) "2026-12-02 06:20:00.123+00".
 */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  const s = String(v).replace(' ', 'T');
  if (/^\d+$/.test(s)) return new Date(Number(s));
  // PostgreSQL prints timestamptz offsets as +00 / +0530 / +05:30; Date wants ±HH:MM (no offset: UTC)
  const m = /([+-])(\d\d):?(\d\d)?$/.exec(s.slice(10));
  if (m) return new Date(`${s.slice(0, s.length - m[0].length)}${m[1]}${m[2]}:${m[3] ?? '00'}`);
  return new Date(/[zZ]$/.test(s) ? s : `${s}Z`);
}
