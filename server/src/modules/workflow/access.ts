/**
 * The server's reading of the shared workflow table (shared/src/workflow.ts): which roles a user holds ON a given
 * submission, stage deadlines with admin extensions, and who may write which answer level.
 */
import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role as SharedRole, Stage } from '@pantau/shared';
import type { AuthUser } from '../../common/context';
import { rolesOnSubmission } from '../../common/authz';
import { deadlinePassed } from '../../common/errors';
import { EvaluatorAssignment, type Submission } from '../submission/entities';
import type { Period } from '../period/entities';
import { DeadlineExtension, StageEnum } from './entities';

export interface SubRef {
  id: number;
  satkerId: number;
  kanwilId: number;
}

/** The roles of the shared table a user holds on one submission (the core's rolesOnSubmission). */
export function rolesOn(user: AuthUser | null, sub: SubRef): SharedRole[] {
  return user ? (rolesOnSubmission(user, sub) as SharedRole[]) : [];
}

export async function isAssignedEvaluator(em: EntityManager, userId: number, submissionId: number): Promise<boolean> {
  return (await em.count(EvaluatorAssignment, { user: userId, submission: submissionId })) > 0;
}

const STAGE_FIELD: Record<Stage, 'selfAssessmentDeadline' | 'kanwilReviewDeadline' | 'deskEvaluationDeadline' | 'nominationDeadline'> = {
  selfAssessment: 'selfAssessmentDeadline',
  kanwilReview: 'kanwilReviewDeadline',
  deskEvaluation: 'deskEvaluationDeadline',
  nomination: 'nominationDeadline',
};

export const STAGE_TEXT: Record<Stage, string> = {
  selfAssessment: 'penilaian mandiri',
  kanwilReview: 'penilaian pendahuluan Kanwil',
  deskEvaluation: 'evaluasi desk TPI',
  nomination: 'pengusulan ke TPN',
};

/**
 * The deadline in force for a stage of a period and unit: the period's own, pushed later by any admin extension
 * for the whole period or for this unit. Null = no deadline.
 */
export async function effectiveDeadline(em: EntityManager, period: Period, stage: Stage, satkerId: number): Promise<Date | null> {
  const own = period[STAGE_FIELD[stage]] ?? null;
  if (!own) return null;
  const ext = await em.find(
    DeadlineExtension,
    { period: period.id, stage: stage as StageEnum, $or: [{ satker: null }, { satker: satkerId }] },
    { orderBy: { deadline: 'desc' }, limit: 1 },
  );
  const best = ext[0]?.deadline;
  return best && best.getTime() > own.getTime() ? best : own;
}

/** Throws DEADLINE_PASSED when the stage is closed for this submission's unit (own deadline and extensions). */
export async function assertStageOpen(em: EntityManager, sub: Submission, stage: Stage, now = new Date()): Promise<void> {
  const own = sub.period[STAGE_FIELD[stage]];
  if (!own || now.getTime() <= own.getTime()) return; // the common case needs no query
  const d = await effectiveDeadline(em, sub.period, stage, sub.satker.id);
  if (d && now.getTime() > d.getTime()) {
    throw deadlinePassed(`Batas waktu ${STAGE_TEXT[stage]} (${d.toISOString().slice(0, 10)}) telah lewat`, {
      stage,
      deadline: d.toISOString(),
    });
  }
}

/** The EntityManager that loaded an entity (the transaction's, when loaded inside one). */
export function emOf(entity: object, fallback: EntityManager): EntityManager {
  return ((wrap(entity, true) as unknown as { __em?: EntityManager }).__em ?? fallback) as EntityManager;
}
