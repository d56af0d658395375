/** TPN level: TPI answers with the TPN answers laid over them, scored with the latest survey results. */
import type { EntityManager } from '@mikro-orm/knex';
import { checkEligibility, isBlank, overlayAnswers, scoreAnswers, type Eligibility, type Instrument, type ScoreResult, type Target } from '@pantau/shared';
import { AnswerLevel, SurveySource } from '../../common/enums';
import { Answer, decodeValue } from '../answer/entities';
import { SurveyResult } from '../submission/entities';
import type { Submission } from '../submission/entities';
import { predicateFacts } from '../nomination/checklist';
import { levelAnswers, surveyFallbackOf } from '../workflow/answers';

export async function tpnScore(
  em: EntityManager,
  inst: Instrument,
  sub: Submission,
): Promise<{ score: ScoreResult; eligibility: Eligibility; hasWbk: boolean }> {
  const [tpi, tpn, fallback, pred] = await Promise.all([
    levelAnswers(em, sub.id, AnswerLevel.TPI),
    levelAnswers(em, sub.id, AnswerLevel.TPN),
    surveyFallbackOf(em, sub.id),
    predicateFacts(em, sub.satker.id),
  ]);
  const score = scoreAnswers(inst, overlayAnswers(tpi, tpn), { surveyFallback: fallback });
  return { score, eligibility: checkEligibility(score, sub.target as Target, { hasWbk: pred.hasWbk }), hasWbk: pred.hasWbk };
}

/** A TPN result has arrived: any TPN answer, or a survey result from BPS/TPN. */
export async function hasTpnResult(em: EntityManager, submissionId: number): Promise<boolean> {
  const answers = await em.find(Answer, { submission: submissionId, level: AnswerLevel.TPN }, { fields: ['valueJson'] as never });
  if (answers.some((a) => !isBlank(decodeValue(a.valueJson)))) return true;
  return (await em.count(SurveyResult, { submission: submissionId, source: { $in: [SurveySource.BPS, SurveySource.TPN] } })) > 0;
}
