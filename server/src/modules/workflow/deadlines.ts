/** Admin extensions of stage deadlines (recorded, audited). */
import type { Ctx } from '../../common/context';
import { audit } from '../../common/audit';
import type { FilterQuery } from '@mikro-orm/core';
import { assertCanReadPeriod, isAdmin, readScope, requireUser, satkerFilter } from '../../common/authz';
import { badInput, forbidden, notFound } from '../../common/errors';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { User } from '../user/entities';
import { DeadlineExtension, StageEnum } from './entities';

export interface ExtensionInputData {
  periodId: number;
  stage: StageEnum;
  satkerId?: number | null;
  deadline: Date;
  reason: string;
}

export const STAGE_PERIOD_FIELD = {
  selfAssessment: 'selfAssessmentDeadline',
  kanwilReview: 'kanwilReviewDeadline',
  deskEvaluation: 'deskEvaluationDeadline',
  nomination: 'nominationDeadline',
} as const;

export async function extendDeadline(ctx: Ctx, input: ExtensionInputData): Promise<DeadlineExtension> {
  const user = requireUser(ctx);
  if (!isAdmin(user)) throw forbidden('Hanya admin yang dapat memperpanjang batas waktu');
  const reason = input.reason?.trim();
  if (!reason) throw badInput('Alasan perpanjangan harus diisi');
  if (!(input.deadline instanceof Date) || Number.isNaN(input.deadline.getTime())) throw badInput('Batas waktu baru tidak valid');
  return ctx.em.transactional(async (em) => {
    const period = await em.findOne(Period, input.periodId);
    if (!period) throw notFound('Periode', input.periodId);
    let satker: Satker | null = null;
    if (input.satkerId != null) {
      satker = await em.findOne(Satker, input.satkerId);
      if (!satker) throw notFound('Unit', input.satkerId);
      if (period.kanwil && satker.kanwil.id !== period.kanwil.id) throw badInput('Unit tersebut bukan bagian dari Kanwil periode ini');
    }
    const own = period[STAGE_PERIOD_FIELD[input.stage]] ?? null;
    if (own && input.deadline.getTime() <= own.getTime()) {
      throw badInput(`Batas waktu baru harus setelah batas waktu semula (${own.toISOString().slice(0, 10)})`);
    }
    const ext = em.create(DeadlineExtension, {
      period,
      stage: input.stage,
      satker,
      deadline: input.deadline,
      reason,
      createdBy: em.getReference(User, user.id),
      createdAt: new Date(),
    });
    em.persist(ext);
    await em.flush();
    audit(em, ctx, {
      action: 'deadline.extend',
      objectType: 'DeadlineExtension',
      objectId: ext.id,
      kanwilId: satker?.kanwil.id ?? period.kanwil?.id ?? null,
      satkerId: satker?.id ?? null,
      before: { periodId: period.id, stage: input.stage, deadline: own?.toISOString() ?? null },
      after: { periodId: period.id, stage: input.stage, satkerId: satker?.id ?? null, deadline: input.deadline.toISOString() },
      reason,
    });
    await em.flush();
    await em.populate(ext, ['createdBy']);
    return ext;
  });
}

export async function listExtensions(ctx: Ctx, periodId: number): Promise<DeadlineExtension[]> {
  requireUser(ctx);
  const period = await ctx.em.findOne(Period, periodId);
  if (!period) return [];
  await assertCanReadPeriod(ctx, period);
  // extensions for all units of the period, and those of units the user may read (reasons are about one unit)
  const units = satkerFilter(await readScope(ctx));
  const where = units ? { period: periodId, $or: [{ satker: null }, { satker: units }] } : { period: periodId };
  return ctx.em.find(DeadlineExtension, where as FilterQuery<DeadlineExtension>, { populate: ['createdBy', 'period'], orderBy: { id: 'asc' } });
}
