/**
 * The SPKP / SPAK questionnaires (Survei Persepsi Kualitas Pelayanan / Anti Korupsi) as versioned data
 * (DOMAIN.md §8): statements rated on a scale (1–6), and the conversion of the mean statement score to the LKE's
 * 0–4 index, which is part of the version (our default: index = mean ÷ 6 × 4).
 */
import type { SurveyKind } from '../instrument/types';
import v2026 from './questionnaires/2026.json';

export type SurveyName = 'SPKP' | 'SPAK';
export interface LocalText {
  id: string;
  en: string;
}

export interface SurveyStatement {
  /** Stable code within the version, e.g. "SPKP3". */
  code: string;
  text: LocalText;
}

export interface QuestionnaireBlock {
  survey: SurveyName;
  /** The LKE index the block feeds: SPAK → IPAK [125], SPKP → IPKP [127]. */
  index: SurveyKind;
  title: LocalText;
  statements: SurveyStatement[];
}

/**
 * Linear conversion of a mean statement score to the 0..indexMax index: index = (mean − from) ÷ (to − from) ×
 * indexMax, clamped to [0, indexMax]. The default { from: 0, to: 6, indexMax: 4 } is mean ÷ 6 × 4.
 */
export interface SurveyConversion {
  from: number;
  to: number;
  indexMax: number;
}

export interface Questionnaire {
  version: string;
  description: LocalText;
  scale: { min: number; max: number; labels: { id: string[]; en: string[] } };
  conversion: SurveyConversion;
  /** SPKP first, then SPAK (the order of the screens on the response page). */
  blocks: QuestionnaireBlock[];
}

/** Checks a questionnaire's shape; returns the problems (empty = valid). */
export function validateQuestionnaire(q: Questionnaire): string[] {
  const issues: string[] = [];
  if (!q.version) issues.push('version missing');
  const { min, max, labels } = q.scale ?? ({} as Questionnaire['scale']);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) issues.push('scale must be integers min < max');
  else for (const l of ['id', 'en'] as const) if (labels?.[l]?.length !== max - min + 1) issues.push(`scale labels (${l}) must have ${max - min + 1} entries`);
  const c = q.conversion;
  if (!c || !(c.to > c.from) || !(c.indexMax > 0)) issues.push('conversion needs to > from and indexMax > 0');
  const codes = new Set<string>();
  const kinds = new Set<string>();
  for (const b of q.blocks ?? []) {
    if (kinds.has(b.index)) issues.push(`two blocks feed ${b.index}`);
    kinds.add(b.index);
    if (!b.statements?.length) issues.push(`${b.survey} has no statements`);
    for (const s of b.statements ?? []) {
      if (codes.has(s.code)) issues.push(`duplicate statement code ${s.code}`);
      codes.add(s.code);
      if (!s.text?.id || !s.text?.en) issues.push(`${s.code} needs Indonesian and English text`);
    }
  }
  if (!kinds.has('IPAK') || !kinds.has('IPKP')) issues.push('a questionnaire version needs an SPAK (IPAK) and an SPKP (IPKP) block');
  return issues;
}

/** The questionnaire versions shipped with Pantau ZI, by version id. */
export const BUNDLED_QUESTIONNAIRES: Record<string, Questionnaire> = {
  '2026': v2026 as Questionnaire,
};
export const DEFAULT_QUESTIONNAIRE_VERSION = '2026';

/** A bundled questionnaire version (throws on an unknown id). */
export function questionnaire(version: string = DEFAULT_QUESTIONNAIRE_VERSION): Questionnaire {
  const q = BUNDLED_QUESTIONNAIRES[version];
  if (!q) throw new Error(`Versi kuesioner tidak dikenal: ${version}`);
  return q;
}

/** Every statement code of a questionnaire, block by block. */
export function statementCodes(q: Questionnaire): string[] {
  return q.blocks.flatMap((b) => b.statements.map((s) => s.code));
}

/** Converts a mean statement score to the index (unrounded; see roundIndex). */
export function convertToIndex(mean: number, c: SurveyConversion): number {
  const x = ((mean - c.from) / (c.to - c.from)) * c.indexMax;
  return Math.min(c.indexMax, Math.max(0, x));
}

/** Survey indices enter the LKE with two decimals (half up; the 1e-9 guards 3.605 stored as 3.60499…). */
export function roundIndex(x: number): number {
  return Math.round(x * 100 + 1e-9) / 100;
}

/** The conversion as a formula people can read, shown on every result ("Indeks = rata-rata ÷ 6 × 4"). */
export function conversionText(c: SurveyConversion, locale: 'id' | 'en' = 'id'): string {
  const mean = locale === 'id' ? 'rata-rata' : 'mean';
  const idx = locale === 'id' ? 'Indeks' : 'Index';
  const num = (x: number) => (locale === 'id' ? String(x).replace('.', ',') : String(x));
  const top = c.from === 0 ? mean : `(${mean} − ${num(c.from)})`;
  return `${idx} = ${top} ÷ ${num(c.to - c.from)} × ${num(c.indexMax)}`;
}

/** Problems with one response's scores (every statement answered with an integer on the scale); empty = valid. */
export function validateResponseScores(q: Questionnaire, scores: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const codes = statementCodes(q);
  for (const code of codes) {
    const v = scores?.[code];
    if (v === undefined || v === null) issues.push(`${code}: belum dijawab`);
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < q.scale.min || v > q.scale.max)
      issues.push(`${code}: nilai harus bilangan bulat ${q.scale.min}–${q.scale.max}`);
  }
  for (const k of Object.keys(scores ?? {})) if (!codes.includes(k)) issues.push(`${k}: bukan pernyataan kuesioner ini`);
  return issues;
}
