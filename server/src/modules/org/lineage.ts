/**
 * Unit lineage on the database: the predecessor chains of units, and what follows a unit through them (predicate
 * history, pencanangan). A constant number of queries per lineage depth, whatever the number of units.
 * The rules themselves are in shared (shared/src/lineage.ts).
 */
import type { EntityManager } from '@mikro-orm/knex';
import { lineageChain, type LineageNode } from '@pantau/shared';
import { Submission } from '../submission/entities';
import { PredicateHistory, Satker } from './entities';

/** For each unit: itself and its predecessors, newest first. `known`: nodes the caller already read (not read again). */
export async function lineagesOf(em: EntityManager, satkerIds: readonly number[], known: readonly LineageNode[] = []): Promise<Map<number, number[]>> {
  const nodes = new Map<number, LineageNode>(known.map((n) => [n.id, n]));
  let todo = [...new Set([...satkerIds, ...known.flatMap((n) => (n.predecessorId != null ? [n.predecessorId] : []))])].filter((id) => !nodes.has(id));
  while (todo.length) {
    const rows = await em.find(Satker, { id: { $in: todo } }, { fields: ['id', 'predecessor'] });
    for (const r of rows) nodes.set(r.id, { id: r.id, predecessorId: r.predecessor?.id ?? null });
    for (const id of todo) if (!nodes.has(id)) nodes.set(id, { id, predecessorId: null });
    todo = [...new Set(rows.map((r) => r.predecessor?.id).filter((id): id is number => id != null && !nodes.has(id)))];
  }
  return new Map(satkerIds.map((id) => [id, lineageChain(id, nodes)]));
}

/** Each unit's predicate history including its predecessors' (oldest year first). */
export async function lineagePredicates(
  em: EntityManager,
  satkerIds: readonly number[],
  known: readonly LineageNode[] = [],
): Promise<Map<number, PredicateHistory[]>> {
  const lineages = await lineagesOf(em, satkerIds, known);
  const all = [...new Set([...lineages.values()].flat())];
  const rows = all.length ? await em.find(PredicateHistory, { satker: { $in: all } }, { orderBy: { year: 'asc', id: 'asc' } }) : [];
  const bySatker = new Map<number, PredicateHistory[]>();
  for (const p of rows) {
    const l = bySatker.get(p.satker.id);
    if (l) l.push(p);
    else bySatker.set(p.satker.id, [p]);
  }
  return new Map(satkerIds.map((id) => [id, (lineages.get(id) ?? [id]).flatMap((u) => bySatker.get(u) ?? []).sort((a, b) => a.year - b.year || a.id - b.id)]));
}

/** The pencanangan dates recorded on the predecessors' submissions (for the ≥ 1-year rule). */
export async function predecessorPencanangan(em: EntityManager, satkerId: number): Promise<string[]> {
  const chain = (await lineagesOf(em, [satkerId])).get(satkerId) ?? [satkerId];
  const before = chain.slice(1);
  if (!before.length) return [];
  const subs = await em.find(Submission, { satker: { $in: before }, pencananganDate: { $ne: null } }, { fields: ['id', 'pencananganDate'] });
  return subs.map((s) => s.pencananganDate).filter((d): d is string => !!d);
}
