/**
 * Stage deadlines as stored: a period's own plus admin extensions, read for one unit (the rule itself is shared
 * deadlineInForce / submissionDeadline). No authorisation here: callers have decided access already.
 */
import type { EntityManager } from '@mikro-orm/knex';
import {
  deadlineInForce,
  STAGE_DEADLINE_FIELD,
  STAGE_LABELS,
  submissionDeadline,
  type DeadlineExtensionLike,
  type DeadlineInForce,
  type Stage,
} from '@pantau/shared';
import { deadlinePassed } from '../../common/errors';
import type { Submission } from '../submission/entities';
import { DeadlineExtension, type Period } from './entities';

/** The extensions of a period that apply to one unit (whole-period ones and the unit's own). */
export async function extensionsFor(em: EntityManager, periodId: number, satkerId: number, stage?: Stage): Promise<DeadlineExtensionLike[]> {
  const rows = await em.find(DeadlineExtension, { period: periodId, ...(stage ? { stage } : {}), $or: [{ satker: null }, { satker: satkerId }] });
  return rows.map((e) => ({ stage: e.stage, satkerId: e.satker?.id ?? null, deadline: e.deadline }));
}

/** The deadline in force for a stage of a period and unit (null = no deadline). */
export async function effectiveDeadline(em: EntityManager, period: Period, stage: Stage, satkerId: number): Promise<Date | null> {
  if (!period[STAGE_DEADLINE_FIELD[stage]]) return null; // no own deadline: extensions have nothing to extend
  return deadlineInForce(period, stage, satkerId, await extensionsFor(em, period.id, satkerId, stage));
}

/** The deadline that matters for a submission now (the stage in force for its status and returner). */
export async function currentDeadline(em: EntityManager, sub: Submission): Promise<DeadlineInForce | null> {
  return submissionDeadline(sub.period, sub.status, sub.returnedBy ?? null, sub.satker.id, await extensionsFor(em, sub.period.id, sub.satker.id));
}

/** The stage's name inside an Indonesian sentence. */
export const stageText = (stage: Stage) => STAGE_LABELS[stage].id.charAt(0).toLowerCase() + STAGE_LABELS[stage].id.slice(1);

/** Throws DEADLINE_PASSED when the stage is closed for this submission's unit (own deadline and extensions). */
export async function assertStageOpen(em: EntityManager, sub: Submission, stage: Stage, now = new Date()): Promise<void> {
  const own = sub.period[STAGE_DEADLINE_FIELD[stage]];
  if (!own || now.getTime() <= own.getTime()) return; // the common case needs no query
  const d = await effectiveDeadline(em, sub.period, stage, sub.satker.id);
  if (d && now.getTime() > d.getTime()) {
    throw deadlinePassed(`Batas waktu ${stageText(stage)} (${d.toISOString().slice(0, 10)}) telah lewat`, {
      stage,
      deadline: d.toISOString(),
    });
  }
}
