/**
 * Scoring a submission level by level, as the server stores it and the SPA shows it: each level its own answers,
 * TPN laid over TPI (TPN scores replace TPI scores where they differ, DOMAIN §5), survey items by survey precedence,
 * eligibility against the target's thresholds with the unit's WBK.
 */
import { isBlank, overlayAnswers, type Answers } from './answers';
import { checkAllTargets, checkEligibility, type Eligibility, type EligibilityOptions } from './eligibility';
import type { Instrument } from './instrument/types';
import { scoreAnswers, type ScoreResult } from './scoring';
import type { SurveyRecord } from './survey/precedence';
import { LEVELS, type Level, type Predicate, type Target } from './vocabulary';

export type AnswersByLevel = Record<Level, Answers>;

export const emptyAnswersByLevel = (): AnswersByLevel => ({ SELF: {}, KANWIL: {}, ESELON_I: {}, TPI: {}, TPM: {}, TPN: {} });

const hasAny = (a: Answers | undefined) => !!a && Object.values(a).some((v) => !isBlank(v));

/**
 * The desk level of a submission's answers: TPM when the instansi's own team evaluated it (a TPM route), else TPI.
 * Only a route's own levels ever hold answers, so this holds for any route without knowing it.
 */
export function deskLevelOf(byLevel: Partial<AnswersByLevel>): 'TPI' | 'TPM' {
  return hasAny(byLevel.TPM) && !hasAny(byLevel.TPI) ? 'TPM' : 'TPI';
}

/** The answers a level is scored on: its own, except TPN, whose answers are laid over the desk team's (TPI or TPM). */
export function levelAnswers(byLevel: AnswersByLevel, level: Level): Answers {
  return level === 'TPN' ? overlayAnswers(byLevel[deskLevelOf(byLevel)] ?? {}, byLevel.TPN) : (byLevel[level] ?? {});
}

/** One level's score. */
export function scoreLevel(instrument: Instrument, byLevel: AnswersByLevel, level: Level, surveys: readonly SurveyRecord[] = []): ScoreResult {
  return scoreAnswers(instrument, levelAnswers(byLevel, level), { level, surveys });
}

/** Levels before the TPN, latest step first (whatever the route: a route's levels keep this order). */
const BASIS_ORDER = ['TPM', 'TPI', 'ESELON_I', 'KANWIL', 'SELF'] as const;

/** The level eligibility is judged on before the TPN: the latest step of the route with any answer (the desk team's once it has one). */
export function basisLevel(byLevel: AnswersByLevel): Exclude<Level, 'TPN'> {
  return BASIS_ORDER.find((l) => hasAny(byLevel[l])) ?? 'SELF';
}

/**
 * A unit holds WBK when it has a WBK or WBBM predicate that was not revoked (needed to propose WBBM), whoever awarded
 * it: the TPN, or the instansi's own team (a WBK-mandiri of the TPM track, P5/2024, counts the same).
 */
export function holdsWbk(predicates: readonly { predicate: Predicate | string; revoked: boolean; awardedBy?: string }[]): boolean {
  return predicates.some((p) => !p.revoked && (p.predicate === 'WBK' || p.predicate === 'WBBM'));
}

export interface LevelAssessment {
  score: ScoreResult;
  eligibility: Eligibility;
}

/** A level's score and its eligibility for the submission's target. */
export function assessLevel(
  instrument: Instrument,
  byLevel: AnswersByLevel,
  level: Level,
  surveys: readonly SurveyRecord[],
  target: Target,
  opts: EligibilityOptions = {},
): LevelAssessment {
  const score = scoreLevel(instrument, byLevel, level, surveys);
  return { score, eligibility: checkEligibility(score, target, opts) };
}

export interface SubmissionAssessment {
  scores: Record<Level, ScoreResult>;
  basis: Exclude<Level, 'TPN'>;
  /** Eligibility for both targets at the basis level. */
  eligibility: Record<Target, Eligibility>;
  /** Eligibility for both targets on the TPN level (TPN over TPI): what the TPN outcome is decided against. */
  tpnEligibility: Record<Target, Eligibility>;
}

/** Every level's score, the basis level and its eligibility for both targets. */
export function assessSubmission(
  instrument: Instrument,
  byLevel: AnswersByLevel,
  surveys: readonly SurveyRecord[],
  opts: EligibilityOptions = {},
): SubmissionAssessment {
  const scores = {} as Record<Level, ScoreResult>;
  for (const l of LEVELS) scores[l] = scoreLevel(instrument, byLevel, l, surveys);
  const basis = basisLevel(byLevel);
  return { scores, basis, eligibility: checkAllTargets(scores[basis], opts), tpnEligibility: checkAllTargets(scores.TPN, opts) };
}
