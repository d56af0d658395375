/** A submission's stored answers and survey results, gathered per level for the shared level scorer (no I/O). */
import {
  assessSubmission,
  emptyAnswersByLevel,
  isBlank,
  LEVELS,
  type AnswersByLevel,
  type AnswerValue,
  type Instrument,
  type Level,
  type SubmissionAssessment,
  type SurveyRecord,
} from '@pantau/shared';

export interface AnswerCell {
  level: Level | string;
  soalId: number;
  value: AnswerValue;
}

export interface SubmissionScores extends SubmissionAssessment {
  byLevel: AnswersByLevel;
  /** Levels with any answer. */
  has: Record<Level, boolean>;
}

/** Stored answer rows → answers per level. */
export function answersByLevel(answers: readonly AnswerCell[]): { byLevel: AnswersByLevel; has: Record<Level, boolean> } {
  const byLevel = emptyAnswersByLevel();
  const has = Object.fromEntries(LEVELS.map((l) => [l, false])) as Record<Level, boolean>;
  for (const a of answers) {
    const lvl = a.level as Level;
    if (!byLevel[lvl]) continue;
    byLevel[lvl][a.soalId] = a.value;
    if (!isBlank(a.value)) has[lvl] = true;
  }
  return { byLevel, has };
}

/** Every level's score (shared assessSubmission: TPN over TPI, survey precedence) and the basis eligibility. */
export function computeSubmission(
  instrument: Instrument,
  answers: readonly AnswerCell[],
  surveys: readonly SurveyRecord[],
  opts: { hasWbk: boolean },
): SubmissionScores {
  const { byLevel, has } = answersByLevel(answers);
  return { byLevel, has, ...assessSubmission(instrument, byLevel, surveys, { hasWbk: opts.hasWbk }) };
}
