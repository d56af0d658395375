/**
 * The classic Lampiran III workbook (PermenPANRB 90/2021): sheets `Utama`, `Ctt Eval` and `LKE ZI` (DOMAIN §9).
 * The column letters of `LKE ZI` are the regulation's; the reviewer columns after Q are ours (the export writes them
 * with their headers in row 2, and the reader finds them by those headers, so a plain Lampiran III sheet still reads).
 */
import type { AnswerType, Formula, Instrument } from '../instrument/types';

export const CLASSIC_SHEET = 'LKE ZI';
export const CLASSIC_IDENTITY_SHEET = 'Utama';
export const CLASSIC_NOTES_SHEET = 'Ctt Eval';
export const CLASSIC_HEADER_ROW = 2;
export const CLASSIC_FIRST_ROW = 3;

export const CLASSIC_COLUMNS = {
  komponen: 'B',
  subKomponen: 'C',
  area: 'D',
  subArea: 'E',
  letter: 'F',
  text: 'G',
  weight: 'H',
  criteria: 'I',
  type: 'J',
  percent: 'M',
  evidence: 'P',
  link: 'Q',
} as const;

export type ClassicLevel = 'SELF' | 'KANWIL' | 'TPI' | 'TPN';
export const CLASSIC_LEVELS: ClassicLevel[] = ['SELF', 'KANWIL', 'TPI', 'TPN'];

/** Per level: answer, value and note columns, the survey index the level's score uses, and the row-2 headers. */
export const CLASSIC_LEVEL_COLUMNS: Record<ClassicLevel, { answer: string; value: string; note: string; surveyIndex: string; label: string }> = {
  SELF: { answer: 'K', value: 'L', note: 'O', surveyIndex: 'AA', label: 'Unit' },
  KANWIL: { answer: 'R', value: 'S', note: 'T', surveyIndex: 'AB', label: 'Kanwil' },
  TPI: { answer: 'U', value: 'V', note: 'W', surveyIndex: 'AC', label: 'TPI' },
  TPN: { answer: 'X', value: 'Y', note: 'Z', surveyIndex: 'AD', label: 'TPN' },
};

export const answerHeader = (l: ClassicLevel) => (l === 'SELF' ? 'Jawaban' : `Jawaban ${CLASSIC_LEVEL_COLUMNS[l].label}`);
export const noteHeader = (l: ClassicLevel) => (l === 'SELF' ? 'Catatan / Keterangan' : `Catatan ${CLASSIC_LEVEL_COLUMNS[l].label}`);

/** Column J: the answer choices as the Lampiran III writes them. */
export const CLASSIC_TYPE_LABEL: Record<AnswerType, string> = {
  YA_TIDAK: 'Ya/Tidak',
  ABC: 'A/B/C',
  ABCD: 'A/B/C/D',
  ABCDE: 'A/B/C/D/E',
  COUNT: 'Jumlah',
  INDEX: 'Nilai (0-4)',
};
export const CLASSIC_PERCENT_LABEL = '%';

/** Column J text → answer type; 'PERCENT' for computed rows; null when unknown. Spaces and case do not matter. */
export function classicRowType(j: string): AnswerType | 'PERCENT' | null {
  const t = j.replace(/\s+/g, '').toLowerCase();
  if (t === '%') return 'PERCENT';
  if (t === 'ya/tidak') return 'YA_TIDAK';
  if (t === 'a/b/c') return 'ABC';
  if (t === 'a/b/c/d') return 'ABCD';
  if (t === 'a/b/c/d/e') return 'ABCDE';
  if (t === 'jumlah') return 'COUNT';
  if (t === 'nilai(0-4)' || t === '0-4' || t === 'nilai0-4' || t === 'indeks(0-4)') return 'INDEX';
  return null;
}

/**
 * Formulas whose obliged total the Lampiran III asks as one more count row, right after the parts the 2026 list
 * splits it into (LHKPN: "Jumlah yang harus melapor" = [113] + [114] + [115]).
 */
export const CLASSIC_TOTAL_ROW_FORMULAS = ['lhkpn'];

export function totalRowFormulas(instrument: Instrument): Formula[] {
  return instrument.formulas.formulas.filter((f) => f.kind === 'ratio' && f.denominator.length > 1 && CLASSIC_TOTAL_ROW_FORMULAS.includes(f.id));
}

/** The soal ids a formula reads. */
export function formulaSoalIds(f: Formula): number[] {
  return f.kind === 'ratio' ? [...f.numerator, ...f.denominator, ...(f.requires ?? [])] : [f.previous, f.current, ...(f.requires ?? [])];
}
