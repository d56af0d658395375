/**
 * Plans before the survey results (issue #12.6): whether a unit's Hasil is measured (an official survey result is
 * in force), estimated (only the unit's own survey or its own entry) or missing, which IPAK/IPKP index each target
 * needs, and the index a plan assumes until the result arrives (the internal estimate, else the minimum needed).
 */
import { requiredSurveyIndex } from '../eligibility';
import { formatNumber } from '../format';
import type { ScoreResult } from '../scoring';
import { OFFICIAL_SURVEY_SOURCES, SURVEY_KINDS, type Locale, type SurveyKind, type Target } from '../vocabulary';
import type { SurveyInForce, SurveyOrigin } from './precedence';

/** MEASURED: an official result (BPS/TPN/third party) is in force; ESTIMATED: the unit's own round or entry; MISSING: none. */
export const HASIL_STATES = ['MEASURED', 'ESTIMATED', 'MISSING'] as const;
export type HasilState = (typeof HASIL_STATES)[number];

export const HASIL_STATE_LABELS: Record<HasilState, { id: string; en: string }> = {
  MEASURED: { id: 'Terukur', en: 'Measured' },
  ESTIMATED: { id: 'Perkiraan', en: 'Estimated' },
  MISSING: { id: 'Belum ada', en: 'Missing' },
};

/** Where a survey value in force came from, for the label shown beside it (ANSWER = the level's own entry). */
export const SURVEY_ORIGIN_LABELS: Record<SurveyOrigin, { id: string; en: string }> = {
  ANSWER: { id: 'Isian sendiri', en: 'Own entry' },
  BPS: { id: 'BPS', en: 'BPS' },
  TPN: { id: 'TPN', en: 'TPN' },
  THIRD_PARTY: { id: 'Pihak ketiga', en: 'Third party' },
  INTERNAL: { id: 'Survei internal', en: 'Internal survey' },
};

export function surveyOriginLabel(origin: SurveyOrigin | null | undefined, locale: Locale = 'id'): string {
  return origin ? SURVEY_ORIGIN_LABELS[origin][locale] : '–';
}

/** The state of one survey value in force. */
export function surveyState(inForce: SurveyInForce | null | undefined): HasilState {
  if (!inForce || inForce.index === null || inForce.source === null) return 'MISSING';
  return (OFFICIAL_SURVEY_SOURCES as readonly string[]).includes(inForce.source) ? 'MEASURED' : 'ESTIMATED';
}

/** The unit's Hasil state: the weakest of its two surveys (missing < estimated < measured). */
export function hasilState(survey: Partial<Record<SurveyKind, SurveyInForce | null>>): HasilState {
  const states = SURVEY_KINDS.map((k) => surveyState(survey[k]));
  return states.includes('MISSING') ? 'MISSING' : states.includes('ESTIMATED') ? 'ESTIMATED' : 'MEASURED';
}

export interface SurveyPlan {
  kind: SurveyKind;
  state: HasilState;
  /** The value in force now and its origin (null when missing). */
  index: number | null;
  source: SurveyOrigin | null;
  /** The index a plan works with: the measured value, else the given assumption, else the estimate, else the minimum. */
  assumedIndex: number;
  requiredIndex: number;
  /** The value in force (or, when missing, the assumption) meets the minimum. */
  meets: boolean;
  /** "IPKP ≥ 3,20 diperlukan" / "IPKP ≥ 3.20 needed", with the estimate or result beside it. */
  message: string;
}

export interface SurveyPlanOptions {
  locale?: Locale;
  /** Assumed indices for surveys not measured yet (ignored for a measured one). */
  assume?: Partial<Record<SurveyKind, number | null>>;
}

const idx = (x: number, locale: Locale) => formatNumber(x, locale, { digits: 2, fixed: true });

/** What each survey must reach for the target, and what a plan assumes meanwhile. */
export function surveyPlans(score: Pick<ScoreResult, 'survey' | 'hasilParts'>, target: Target, opts: SurveyPlanOptions = {}): SurveyPlan[] {
  const locale = opts.locale ?? 'id';
  return SURVEY_KINDS.map((kind) => {
    const inForce = score.survey[kind] ?? { index: null, source: null };
    const state = surveyState(inForce);
    const requiredIndex = requiredSurveyIndex(kind, target, score.hasilParts.kinerja);
    const given = opts.assume?.[kind];
    const assumedIndex =
      state === 'MEASURED' ? inForce.index! : given !== undefined && given !== null ? given : state === 'ESTIMATED' ? inForce.index! : requiredIndex;
    const meets = assumedIndex >= requiredIndex - 1e-9;
    const need = locale === 'id' ? `${kind} ≥ ${idx(requiredIndex, locale)} diperlukan` : `${kind} ≥ ${idx(requiredIndex, locale)} needed`;
    const from = surveyOriginLabel(inForce.source, locale);
    const detail =
      state === 'MEASURED'
        ? locale === 'id'
          ? `hasil ${from} ${idx(inForce.index!, locale)}`
          : `${from} result ${idx(inForce.index!, locale)}`
        : state === 'ESTIMATED'
          ? locale === 'id'
            ? `perkiraan dari ${from.toLowerCase()} ${idx(inForce.index!, locale)}`
            : `estimate from ${from.toLowerCase()} ${idx(inForce.index!, locale)}`
          : locale === 'id'
            ? 'belum ada hasil survei'
            : 'no survey result yet';
    return { kind, state, index: inForce.index, source: inForce.source, assumedIndex, requiredIndex, meets, message: `${need} (${detail})` };
  });
}
