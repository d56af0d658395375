import { describe, expect, it } from 'vitest';
import { AnswerValidationError, checkAnswer, hasAtMostTwoDecimals, overlayAnswers, validateAnswers } from './answers';
import { bundledInstrument } from './instruments/index';

const inst = bundledInstrument(2026);

function refused(input: Record<string | number, unknown>): AnswerValidationError {
  try {
    validateAnswers(inst, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AnswerValidationError);
    return e as AnswerValidationError;
  }
  throw new Error('expected the answers to be refused');
}

describe('validateAnswers', () => {
  it('accepts valid answers and returns canonical option keys', () => {
    expect(validateAnswers(inst, { 1: 'ya', 2: ' b ', 6: 'B', 88: 0, 89: 12, 125: 3.62, 127: 4, 126: 'E', 3: null, 4: '' })).toEqual({
      1: 'Ya',
      2: 'B',
      6: 'B',
      88: 0,
      89: 12,
      125: 3.62,
      127: 4,
      126: 'E',
      3: null,
      4: null,
    });
  });

  it('refuses the whole batch with one error listing every bad answer', () => {
    const e = refused({ 999: 'A', 1: 'A', 2: 'D', 88: -1, 89: 2.5, 90: '3', 125: 4.5, 127: 3.555, 126: 'B', 5: 'A' });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.issues.map((i) => String(i.soalId)).sort()).toEqual(['1', '125', '127', '2', '88', '89', '90', '999']);
    const msg = (id: number | string) => e.issues.find((i) => String(i.soalId) === String(id))!.message;
    expect(msg(999)).toBe('soal_id 999 tidak dikenal dalam instrumen 2026');
    expect(msg(1)).toBe('"A" bukan pilihan soal ini (pilihan: Ya/Tidak)');
    expect(msg(2)).toBe('"D" bukan pilihan soal ini (pilihan: A/B/C)');
    expect(msg(88)).toBe('jumlah tidak boleh negatif (-1)');
    expect(msg(89)).toBe('jumlah harus bilangan bulat, bukan 2.5');
    expect(msg(90)).toBe('jumlah harus berupa angka');
    expect(msg(125)).toBe('indeks survei harus di antara 0 dan 4, bukan 4.5');
    expect(msg(127)).toBe('indeks survei paling banyak dua desimal (3.555)');
    expect(e.message).toMatch(/^8 jawaban tidak valid: /);
  });

  it('refuses a letter given as a number and an index given as text', () => {
    const e = refused({ 6: 1, 125: '3.6' });
    expect(e.issues).toHaveLength(2);
  });

  it('survey indices: 0 to 4, at most two decimals', () => {
    const index = inst.itemById[125];
    for (const ok of [0, 4, 3.6, 3.62, 0.01, 2.99, 1.1]) expect(checkAnswer(index, ok).ok, String(ok)).toBe(true);
    for (const bad of [4.01, -0.01, 3.555, 3.601, Number.NaN, Number.POSITIVE_INFINITY]) expect(checkAnswer(index, bad).ok, String(bad)).toBe(false);
    expect(hasAtMostTwoDecimals(3.62)).toBe(true);
    expect(hasAtMostTwoDecimals(3.625)).toBe(false);
  });

  it('counts: non-negative integers', () => {
    const c = inst.itemById[88];
    expect(checkAnswer(c, 0)).toEqual({ ok: true, value: 0 });
    expect(checkAnswer(c, 1e6)).toEqual({ ok: true, value: 1e6 });
    for (const bad of [-1, 0.5, Number.NaN, '5', true]) expect(checkAnswer(c, bad).ok, String(bad)).toBe(false);
  });
});

describe('overlayAnswers', () => {
  it("lays the top level's non-blank answers over the base", () => {
    expect(overlayAnswers({ 1: 'Ya', 2: 'A', 3: 'B' }, { 2: 'C', 3: null, 4: 'A', 5: '' })).toEqual({ 1: 'Ya', 2: 'C', 3: 'B', 4: 'A' });
  });
});
