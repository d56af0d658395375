/**
 * Recorded survey results as the shared survey precedence reads them. Apart from survey/service so that the scorers
 * (results/tpn, nomination/checklist, progress, comparison) read them without importing the survey workflow, which
 * itself loads submissions through workflow/service (no runtime import cycle).
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { SurveyRecord } from '@pantau/shared';
import { SurveyResult } from './entities';

/** A recorded result as the shared survey precedence reads it. */
export const surveyRecord = (r: SurveyResult): SurveyRecord => ({ id: r.id, kind: r.kind, index: r.index, source: r.source, recordedAt: r.recordedAt });

/** Every survey result recorded on a submission (one query). */
export async function surveyRecordsOf(em: EntityManager, submissionId: number): Promise<SurveyRecord[]> {
  return (await em.find(SurveyResult, { submission: submissionId })).map(surveyRecord);
}
