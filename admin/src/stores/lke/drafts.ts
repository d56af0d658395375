import type { AnswerValue } from '@pantau/shared';
import type { LkeAnswer } from '@/api/lke';

/** What the user typed for one item: its value and note, before (or while) it is saved. */
export interface Draft {
  value: AnswerValue;
  note: string | null;
}

export const sameDraft = (a: Draft | undefined, b: Draft | undefined) => !!a && !!b && a.value === b.value && (a.note ?? null) === (b.note ?? null);

/** The stored answer as a draft (blank when the item was never answered). */
export const draftOfAnswer = (a: LkeAnswer | undefined): Draft => ({ value: a ? (a.value as AnswerValue) : null, note: a?.note ?? null });

/** A user's edit laid over the value shown: a blank text reads as no answer. */
export function applyEdit(base: Draft, patch: Partial<Draft>): Draft {
  const next: Draft = { value: patch.value !== undefined ? patch.value : base.value, note: patch.note !== undefined ? patch.note : base.note };
  if (typeof next.value === 'string' && next.value.trim() === '') next.value = null;
  return next;
}

/** The map without one key (a new object: the stores replace their maps, never mutate them). */
export function without<T>(map: Record<number, T>, key: number): Record<number, T> {
  const { [key]: _drop, ...rest } = map;
  return rest;
}
