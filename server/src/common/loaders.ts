/** Per-request batch loaders (one SQL statement per batch, not per object). */
import DataLoader from 'dataloader';
import type { Ctx } from './context';
import { memo } from './context';
import { answerRows, type AnswerRow } from '../modules/answer/rows';
import { SurveyResult } from '../modules/survey/entities';
import { Kanwil, type PredicateHistory } from '../modules/org/entities';
import { lineagePredicates } from '../modules/org/lineage';

function group<T>(ids: readonly number[], rows: T[], key: (r: T) => number): T[][] {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(r);
  }
  return ids.map((id) => m.get(id) ?? []);
}

/** Stored answers (all levels) per submission, as plain rows with their authors (no entity hydration). */
export function answersLoader(ctx: Ctx): DataLoader<number, AnswerRow[]> {
  return memo(
    ctx,
    'loader:answers',
    () =>
      new DataLoader<number, AnswerRow[]>(async (ids) => {
        const rows = await answerRows(ctx.em, ids);
        return group(ids, rows, (r) => r.submissionId);
      }),
  );
}

export function surveysLoader(ctx: Ctx): DataLoader<number, SurveyResult[]> {
  return memo(
    ctx,
    'loader:surveys',
    () =>
      new DataLoader<number, SurveyResult[]>(async (ids) => {
        const rows = await ctx.em.find(SurveyResult, { submission: { $in: [...ids] } }, { orderBy: { recordedAt: 'desc', id: 'desc' } });
        return group(ids, rows, (r) => r.submission.id);
      }),
  );
}

/** A unit's predicate history including its predecessors' (lineage, issue 15). */
export function predicatesLoader(ctx: Ctx): DataLoader<number, PredicateHistory[]> {
  return memo(
    ctx,
    'loader:predicates',
    () =>
      new DataLoader<number, PredicateHistory[]>(async (ids) => {
        const byUnit = await lineagePredicates(ctx.em, ids);
        return ids.map((id) => byUnit.get(id) ?? []);
      }),
  );
}

/** Kanwil by id (a unit's Kanwil for every unit of a list in one statement). */
export function kanwilsLoader(ctx: Ctx): DataLoader<number, Kanwil> {
  return memo(
    ctx,
    'loader:kanwils',
    () =>
      new DataLoader<number, Kanwil>(async (ids) => {
        const rows = await ctx.em.find(Kanwil, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((k) => [k.id, k]));
        return ids.map((id) => byId.get(id) ?? new Error(`Kanwil ${id} not found`));
      }),
  );
}

/** Forget loaded data after a write in this request. */
export function clearLoaders(ctx: Ctx) {
  for (const k of [...ctx.cache.keys()]) if (k.startsWith('loader:') || k.startsWith('scores:')) ctx.cache.delete(k);
}
