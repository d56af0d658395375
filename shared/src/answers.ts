import { listIssues } from './errors';
import type { Instrument, Item } from './instrument/types';

/** A raw answer: an option key ("Ya", "A" …), a count, a survey index, or blank. */
export type AnswerValue = string | number | null;

/** Answers of one level by soal_id. Missing, null or "" = unanswered. */
export type Answers = Record<number, AnswerValue | undefined>;

export interface AnswerIssue {
  soalId: number | string;
  value: unknown;
  message: string;
}

/** Every bad answer of a batch; a batch with any bad answer is refused whole. */
export class AnswerValidationError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: AnswerIssue[]) {
    super(`${issues.length} jawaban tidak valid: ` + listIssues(issues, (i) => `[${i.soalId}] ${i.message}`));
    this.name = 'AnswerValidationError';
  }
}

export function isBlank(v: unknown): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** True when a number has at most two decimals (survey indices). */
export function hasAtMostTwoDecimals(x: number): boolean {
  return Math.abs(x * 100 - Math.round(x * 100)) < 1e-7;
}

/**
 * Check one answer against its item; returns the canonical value (option key as the instrument spells it)
 * or an Indonesian message saying what is wrong.
 */
export function checkAnswer(item: Item, value: unknown): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  if (isBlank(value)) return { ok: true, value: null };
  switch (item.type) {
    case 'COUNT':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'jumlah harus berupa angka' };
      if (!Number.isInteger(value)) return { ok: false, message: `jumlah harus bilangan bulat, bukan ${value}` };
      if (value < 0) return { ok: false, message: `jumlah tidak boleh negatif (${value})` };
      return { ok: true, value };
    case 'INDEX':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'indeks survei harus berupa angka 0–4' };
      if (value < 0 || value > 4) return { ok: false, message: `indeks survei harus di antara 0 dan 4, bukan ${value}` };
      if (!hasAtMostTwoDecimals(value)) return { ok: false, message: `indeks survei paling banyak dua desimal (${value})` };
      return { ok: true, value };
    default: {
      if (typeof value !== 'string') {
        return { ok: false, message: `jawaban harus salah satu dari ${item.options.map((o) => o.key).join('/')}` };
      }
      const v = value.trim().toLowerCase();
      const opt = item.options.find((o) => o.key.toLowerCase() === v);
      if (!opt) {
        return {
          ok: false,
          message: `"${value}" bukan pilihan soal ini (pilihan: ${item.options.map((o) => o.key).join('/')})`,
        };
      }
      return { ok: true, value: opt.key };
    }
  }
}

/**
 * Validate a batch of answers (by soal_id) as a whole: returns canonical answers or throws one
 * AnswerValidationError listing every bad answer (unknown soal_id, option outside the scheme, bad count, bad index).
 */
export function validateAnswers(instrument: Instrument, input: Record<string | number, unknown>): Answers {
  const issues: AnswerIssue[] = [];
  const out: Answers = {};
  for (const [key, value] of Object.entries(input)) {
    const soalId = Number(key);
    const item = Number.isInteger(soalId) ? instrument.itemById[soalId] : undefined;
    if (!item) {
      issues.push({ soalId: key, value, message: `soal_id ${key} tidak dikenal dalam instrumen ${instrument.year}` });
      continue;
    }
    const r = checkAnswer(item, value);
    if (r.ok) out[soalId] = r.value;
    else issues.push({ soalId, value, message: r.message });
  }
  if (issues.length) throw new AnswerValidationError(issues);
  return out;
}

/** A level laid over another (TPN over TPI): the top's non-blank answers win. */
export function overlayAnswers(base: Answers, top: Answers): Answers {
  const out: Answers = { ...base };
  for (const [k, v] of Object.entries(top)) if (!isBlank(v)) out[Number(k)] = v;
  return out;
}
