import { describe, expect, it } from 'vitest';
import { applyEdit, draftOfAnswer, sameDraft, without } from './drafts';

describe('LKE drafts', () => {
  it('an edit changes only what it names; a blank text is no answer', () => {
    const base = { value: 'A', note: 'n' };
    expect(applyEdit(base, { value: 'B' })).toEqual({ value: 'B', note: 'n' });
    expect(applyEdit(base, { note: null })).toEqual({ value: 'A', note: null });
    expect(applyEdit(base, { value: '   ' })).toEqual({ value: null, note: 'n' });
    expect(applyEdit(base, { value: 0 })).toEqual({ value: 0, note: 'n' });
  });

  it('compares drafts by value and note, reads a stored answer as a draft, and drops a key into a new map', () => {
    expect(sameDraft({ value: 3, note: null }, { value: 3, note: null })).toBe(true);
    expect(sameDraft({ value: 3, note: null }, { value: 3, note: 'x' })).toBe(false);
    expect(sameDraft(undefined, { value: 3, note: null })).toBe(false);
    expect(draftOfAnswer(undefined)).toEqual({ value: null, note: null });
    const map = { 1: 'a', 2: 'b' };
    const next = without(map, 1);
    expect(next).toEqual({ 2: 'b' });
    expect(map).toEqual({ 1: 'a', 2: 'b' });
  });
});
