/** TPN level: the shared level scorer at TPN (TPN answers laid over the desk team's, official survey results first). */
import type { EntityManager } from '@mikro-orm/knex';
import {
  assessLevel,
  emptyAnswersByLevel,
  isBlank,
  predicateFacts as lineagePredicateFacts,
  type Answers,
  type Eligibility,
  type Instrument,
  type ScoreResult,
  type SurveyRecord,
  type Target,
} from '@pantau/shared';
import { AnswerLevel, SurveySource } from '../../common/enums';
import { Answer, decodeValue } from '../answer/entities';
import type { Submission } from '../submission/entities';
import { SurveyResult } from '../survey/entities';
import { surveyRecord, surveyRecordsOf } from '../survey/records';
import { instrumentOf } from '../instrument/service';
import { lineagePredicates } from '../org/lineage';
import { predicateFacts } from '../nomination/checklist';
import { levelAnswers } from '../workflow/answers';

/**
 * The score and eligibility an outcome is decided against: the TPN level (TPN over the desk team's answers) for a
 * TPN outcome, the TPM level for a WBK-mandiri awarded by the instansi's own team.
 */
export async function tpnScore(
  em: EntityManager,
  inst: Instrument,
  sub: Submission,
  level: 'TPN' | 'TPM' = 'TPN',
): Promise<{ score: ScoreResult; eligibility: Eligibility; hasWbk: boolean }> {
  const [tpi, tpm, tpn, surveys, pred] = await Promise.all([
    levelAnswers(em, sub.id, AnswerLevel.TPI),
    levelAnswers(em, sub.id, AnswerLevel.TPM),
    level === 'TPN' ? levelAnswers(em, sub.id, AnswerLevel.TPN) : {},
    surveyRecordsOf(em, sub.id),
    predicateFacts(em, sub.satker.id),
  ]);
  const byLevel = { ...emptyAnswersByLevel(), TPI: tpi, TPM: tpm, TPN: tpn };
  const { score, eligibility } = assessLevel(inst, byLevel, level, surveys, sub.target as Target, { hasWbk: pred.hasWbk });
  return { score, eligibility, hasWbk: pred.hasWbk };
}

/**
 * TPN-level totals of many submissions at once (the quota ranking): the TPI and TPN answers, survey results and the
 * units' lineage predicates are each read in one query for all of them, whatever their number. `subs` must have
 * `period` and `satker` loaded.
 */
export async function tpnScores(em: EntityManager, subs: readonly Submission[]): Promise<Map<number, ScoreResult>> {
  const out = new Map<number, ScoreResult>();
  if (!subs.length) return out;
  const ids = subs.map((s) => s.id);
  const [answers, surveys, preds] = await Promise.all([
    em.find(
      Answer,
      { submission: { $in: ids }, level: { $in: [AnswerLevel.TPI, AnswerLevel.TPM, AnswerLevel.TPN] } },
      { fields: ['submission', 'soalId', 'level', 'valueJson'] as never },
    ),
    em.find(SurveyResult, { submission: { $in: ids } }),
    lineagePredicates(em, [...new Set(subs.map((s) => s.satker.id))]),
  ]);
  const byLevel = new Map<number, { TPI: Answers; TPM: Answers; TPN: Answers }>(ids.map((id) => [id, { TPI: {}, TPM: {}, TPN: {} }]));
  for (const a of answers) byLevel.get(a.submission.id)![a.level as 'TPI' | 'TPM' | 'TPN'][a.soalId] = decodeValue(a.valueJson);
  const surveysOf = new Map<number, SurveyRecord[]>();
  for (const r of surveys) surveysOf.set(r.submission.id, [...(surveysOf.get(r.submission.id) ?? []), surveyRecord(r)]);
  for (const sub of subs) {
    const inst = await instrumentOf(em, sub.period.instrumentVersion.id); // parsed once per version (cached)
    const { TPI, TPM, TPN } = byLevel.get(sub.id)!;
    const hasWbk = lineagePredicateFacts(preds.get(sub.satker.id) ?? []).hasWbk;
    out.set(sub.id, assessLevel(inst, { ...emptyAnswersByLevel(), TPI, TPM, TPN }, 'TPN', surveysOf.get(sub.id) ?? [], sub.target as Target, { hasWbk }).score);
  }
  return out;
}

/** A TPN result has arrived: any TPN answer, or an official (non-internal) survey result. */
export async function hasTpnResult(em: EntityManager, submissionId: number): Promise<boolean> {
  const answers = await em.find(Answer, { submission: submissionId, level: AnswerLevel.TPN }, { fields: ['valueJson'] as never });
  if (answers.some((a) => !isBlank(decodeValue(a.valueJson)))) return true;
  return (await em.count(SurveyResult, { submission: submissionId, source: { $ne: SurveySource.INTERNAL } })) > 0;
}
