/** Pure scoring of a submission's stored answers (no I/O): per-level answers, survey fallback, scores, eligibility. */
import {
  checkAllTargets,
  isBlank,
  overlayAnswers,
  scoreAnswers,
  type Answers,
  type AnswerValue,
  type Eligibility,
  type Instrument,
  type ScoreResult,
  type SurveyFallback,
  type Target,
} from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';

export interface AnswerCell {
  level: AnswerLevel | string;
  soalId: number;
  value: AnswerValue;
}

export interface SurveyCell {
  id: number;
  kind: string;
  index: number;
  recordedAt: Date | number | string;
}

export interface SubmissionScores {
  byLevel: Record<AnswerLevel, Answers>;
  fallback: SurveyFallback;
  scores: Record<AnswerLevel, ScoreResult>;
  /** Latest level with any answer: TPI if set, else KANWIL, else SELF. */
  basis: AnswerLevel;
  eligibility: Record<Target, Eligibility>;
}

const time = (d: Date | number | string) => (d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d));

/** Latest survey result per kind (by recordedAt, then id). */
export function latestSurveys(surveys: SurveyCell[]): SurveyFallback {
  const best: Record<string, SurveyCell> = {};
  for (const s of surveys) {
    const b = best[s.kind];
    if (!b || time(s.recordedAt) > time(b.recordedAt) || (time(s.recordedAt) === time(b.recordedAt) && s.id > b.id)) best[s.kind] = s;
  }
  const out: SurveyFallback = {};
  for (const [k, s] of Object.entries(best)) out[k as 'IPAK' | 'IPKP'] = s.index;
  return out;
}

export function computeSubmission(
  instrument: Instrument,
  answers: AnswerCell[],
  surveys: SurveyCell[],
  opts: { hasWbk: boolean },
): SubmissionScores {
  const byLevel: Record<AnswerLevel, Answers> = { SELF: {}, KANWIL: {}, TPI: {}, TPN: {} };
  const any: Record<AnswerLevel, boolean> = { SELF: false, KANWIL: false, TPI: false, TPN: false };
  for (const a of answers) {
    const lvl = a.level as AnswerLevel;
    if (!byLevel[lvl]) continue;
    byLevel[lvl][a.soalId] = a.value;
    if (!isBlank(a.value)) any[lvl] = true;
  }
  const fallback = latestSurveys(surveys);
  const opt = { surveyFallback: fallback };
  const scores: Record<AnswerLevel, ScoreResult> = {
    SELF: scoreAnswers(instrument, byLevel.SELF, opt),
    KANWIL: scoreAnswers(instrument, byLevel.KANWIL, opt),
    TPI: scoreAnswers(instrument, byLevel.TPI, opt),
    TPN: scoreAnswers(instrument, overlayAnswers(byLevel.TPI, byLevel.TPN), opt),
  };
  const basis = any.TPI ? AnswerLevel.TPI : any.KANWIL ? AnswerLevel.KANWIL : AnswerLevel.SELF;
  const eligibility = checkAllTargets(scores[basis], { hasWbk: opts.hasWbk });
  return { byLevel, fallback, scores, basis, eligibility };
}

/** A unit holds WBK when it has a WBK or WBBM predicate that was not revoked. */
export function holdsWbk(predicates: { predicate: string; revoked: boolean }[]): boolean {
  return predicates.some((p) => !p.revoked && (p.predicate === 'WBK' || p.predicate === 'WBBM'));
}
