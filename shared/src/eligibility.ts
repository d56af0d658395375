import { formatFloor2, formatNumber } from './format';
import type { ScoreResult } from './scoring';
import type { Locale, Target } from './vocabulary';

/** Pra-evaluasi minimums (PermenPANRB 90/2021 Lampiran II). A value meets a minimum when ≥ minimum − 1e-9. */
export interface Thresholds {
  total: number;
  pengungkit: number;
  /** every area (pemenuhan + reform) as % of its weight */
  areaPercent: number;
  /** B.I Birokrasi bersih dan akuntabel */
  bersih: number;
  /** IPAK part of B.I ([125]) */
  ipak: number;
  /** capaian kinerja part of B.I ([126]) */
  kinerja: number;
  /** B.II Pelayanan publik prima ([127]) */
  pelayanan: number;
  requiresWbk: boolean;
}

export const THRESHOLDS: Record<Target, Readonly<Thresholds>> = {
  WBK: { total: 75, pengungkit: 40, areaPercent: 60, bersih: 18.25, ipak: 15.75, kinerja: 2.5, pelayanan: 14, requiresWbk: false },
  WBBM: { total: 85, pengungkit: 48, areaPercent: 75, bersih: 19.5, ipak: 15.75, kinerja: 3.75, pelayanan: 15.75, requiresWbk: true },
};

export const EPSILON = 1e-9;

/** The pra-evaluasi minimums of a target (the dashboard colours areas against `areaPercent`). */
export function thresholdsFor(target: Target): Readonly<Thresholds> {
  return THRESHOLDS[target];
}

/** Survey indices have two decimals: the smallest such index at or above x. */
const upTo2 = (x: number) => Math.ceil(x * 100 - 1e-6) / 100;

/**
 * The smallest IPAK/IPKP index a target needs (indices score index / 4 × 17.5). IPAK: its part minimum and, with
 * capaian kinerja at least at its own minimum, the rest of B.I (bersih − kinerja); IPKP: the B.II minimum.
 */
export function requiredSurveyIndex(kind: 'IPAK' | 'IPKP', target: Target, kinerjaPart: number = THRESHOLDS[target].kinerja): number {
  const t = THRESHOLDS[target];
  const part = kind === 'IPAK' ? Math.max(t.ipak, t.bersih - Math.max(kinerjaPart, t.kinerja)) : t.pelayanan;
  return upTo2((part / 17.5) * 4);
}

export function meets(value: number, minimum: number): boolean {
  return value >= minimum - EPSILON;
}

/** How far a value reads below its minimum on the screens (dashboard table and heat map colours). */
export type Band = 'MET' | 'NEAR' | 'BELOW';
/** Points below the minimum that still count as NEAR. */
export const NEAR_BAND_POINTS = 15;
/** MET when the value meets the minimum, NEAR within 15 points below it, BELOW further down. */
export function bandOf(value: number, minimum: number): Band {
  return meets(value, minimum) ? 'MET' : meets(value, minimum - NEAR_BAND_POINTS) ? 'NEAR' : 'BELOW';
}

/** Requirement keys: total, pengungkit, area:<code>, bersih, ipak, kinerja, pelayanan, wbk. */
export interface EligibilityFailure {
  requirement: string;
  actual: number | null;
  required: number;
  message: string;
  /** The shortfall is (partly) a survey result that has not arrived yet. */
  awaitingSurvey?: boolean;
}

export interface Eligibility {
  target: Target;
  eligible: boolean;
  failures: EligibilityFailure[];
}

const TEXT = {
  id: {
    total: 'Nilai total',
    pengungkit: 'Nilai komponen pengungkit',
    area: 'Area',
    bersih: 'Birokrasi bersih dan akuntabel',
    ipak: 'Nilai survei IPAK',
    kinerja: 'Capaian kinerja',
    pelayanan: 'Pelayanan publik prima (IPKP)',
    index: 'indeks',
    awaiting: (name: string, need: string) => `${name} belum tersedia: menunggu hasil survei (${name} ≥ ${need} diperlukan)`,
    wbk: 'Predikat WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK',
  },
  en: {
    total: 'Total score',
    pengungkit: 'Enabler (pengungkit) score',
    area: 'Area',
    bersih: 'Clean and accountable bureaucracy',
    ipak: 'IPAK survey score',
    kinerja: 'Performance achievement',
    pelayanan: 'Excellent public service (IPKP)',
    index: 'index',
    awaiting: (name: string, need: string) => `${name} not available yet: awaiting the survey result (${name} ≥ ${need} needed)`,
    wbk: 'WBBM can only be proposed for a unit that already holds WBK',
  },
};

export interface EligibilityOptions {
  /** The unit already holds WBK (needed for WBBM). */
  hasWbk?: boolean;
  locale?: Locale;
}

/** What eligibility reads of a score (a cached score summary without per-item values is enough). */
export type EligibilityScore = Pick<ScoreResult, 'total' | 'pengungkit' | 'areas' | 'survey' | 'hasilParts'>;

/** Every failed pra-evaluasi requirement for a target, with actual vs required and a readable sentence. */
export function checkEligibility(score: EligibilityScore, target: Target, opts: EligibilityOptions = {}): Eligibility {
  const t = THRESHOLDS[target];
  const locale = opts.locale ?? 'id';
  const tx = TEXT[locale];
  const f = (x: number) => formatFloor2(x, locale);
  const failures: EligibilityFailure[] = [];
  const check = (requirement: string, label: string, actual: number, required: number, suffix = '', extra = '') => {
    if (!meets(actual, required)) {
      failures.push({ requirement, actual, required, message: `${label} ${f(actual)}${suffix} < ${f(required)}${suffix}${extra}` });
    }
  };

  check('total', tx.total, score.total, t.total);
  check('pengungkit', tx.pengungkit, score.pengungkit, t.pengungkit);
  for (const a of score.areas) check(`area:${a.code}`, `${tx.area} ${a.name}`, a.percent, t.areaPercent, ' %');

  const ipak = score.survey.IPAK?.index ?? null;
  const ipkp = score.survey.IPKP?.index ?? null;
  const pending = (requirement: string, name: 'IPAK' | 'IPKP', required: number) =>
    failures.push({
      requirement,
      actual: null,
      required,
      message: tx.awaiting(name, formatNumber(requiredSurveyIndex(name, target, score.hasilParts.kinerja), locale, { digits: 2, fixed: true })),
      awaitingSurvey: true,
    });

  if (!meets(score.hasilParts.bersih, t.bersih)) {
    const failure: EligibilityFailure = {
      requirement: 'bersih',
      actual: score.hasilParts.bersih,
      required: t.bersih,
      message: `${tx.bersih} ${f(score.hasilParts.bersih)} < ${f(t.bersih)}`,
    };
    if (ipak === null) failure.awaitingSurvey = true;
    failures.push(failure);
  }
  if (ipak === null) pending('ipak', 'IPAK', t.ipak);
  else check('ipak', tx.ipak, score.hasilParts.ipak, t.ipak, '', ` (${tx.index} ${f(ipak)} < ${f((t.ipak / 17.5) * 4)})`);
  check('kinerja', tx.kinerja, score.hasilParts.kinerja, t.kinerja);
  if (ipkp === null) pending('pelayanan', 'IPKP', t.pelayanan);
  else check('pelayanan', tx.pelayanan, score.hasilParts.pelayanan, t.pelayanan, '', ` (${tx.index} ${f(ipkp)} < ${f((t.pelayanan / 17.5) * 4)})`);

  if (t.requiresWbk && !opts.hasWbk) failures.push({ requirement: 'wbk', actual: 0, required: 1, message: tx.wbk });
  return { target, eligible: failures.length === 0, failures };
}

export function checkAllTargets(score: EligibilityScore, opts: EligibilityOptions = {}): Record<Target, Eligibility> {
  return { WBK: checkEligibility(score, 'WBK', opts), WBBM: checkEligibility(score, 'WBBM', opts) };
}
