/** TPN level: the shared level scorer at TPN (TPN answers laid over TPI, official survey results first). */
import type { EntityManager } from '@mikro-orm/knex';
import { assessLevel, isBlank, type Eligibility, type Instrument, type ScoreResult, type Target } from '@pantau/shared';
import { AnswerLevel, SurveySource } from '../../common/enums';
import { Answer, decodeValue } from '../answer/entities';
import type { Submission } from '../submission/entities';
import { SurveyResult } from '../survey/entities';
import { surveyRecordsOf } from '../survey/records';
import { predicateFacts } from '../nomination/checklist';
import { levelAnswers } from '../workflow/answers';

export async function tpnScore(
  em: EntityManager,
  inst: Instrument,
  sub: Submission,
): Promise<{ score: ScoreResult; eligibility: Eligibility; hasWbk: boolean }> {
  const [tpi, tpn, surveys, pred] = await Promise.all([
    levelAnswers(em, sub.id, AnswerLevel.TPI),
    levelAnswers(em, sub.id, AnswerLevel.TPN),
    surveyRecordsOf(em, sub.id),
    predicateFacts(em, sub.satker.id),
  ]);
  const byLevel = { SELF: {}, KANWIL: {}, TPI: tpi, TPN: tpn };
  const { score, eligibility } = assessLevel(inst, byLevel, 'TPN', surveys, sub.target as Target, { hasWbk: pred.hasWbk });
  return { score, eligibility, hasWbk: pred.hasWbk };
}

/** A TPN result has arrived: any TPN answer, or an official (non-internal) survey result. */
export async function hasTpnResult(em: EntityManager, submissionId: number): Promise<boolean> {
  const answers = await em.find(Answer, { submission: submissionId, level: AnswerLevel.TPN }, { fields: ['valueJson'] as never });
  if (answers.some((a) => !isBlank(decodeValue(a.valueJson)))) return true;
  return (await em.count(SurveyResult, { submission: submissionId, source: { $ne: SurveySource.INTERNAL } })) > 0;
}
