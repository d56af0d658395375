/** Evaluation periods (ADMIN): listing, creating, updating their own deadlines, and recorded deadline extensions. */
import type { EntityManager } from '@mikro-orm/knex';
import { STAGE_DEADLINE_FIELD, type Instrument } from '@pantau/shared';
import { audit } from '../../common/audit';
import type { FilterQuery } from '@mikro-orm/core';
import { assertCanReadPeriod, periodFilter, readScope, requireAdmin, requireUser, satkerFilter } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { badInput, invalidState, notFound } from '../../common/errors';
import { Answer } from '../answer/entities';
import { InstrumentVersion } from '../instrument/entities';
import { activeVersionOfYear, instrumentOf } from '../instrument/service';
import { usableVersion } from '../instrument/versions';
import { Kanwil, Satker } from '../org/entities';
import { User } from '../user/entities';
import { DeadlineExtension, Period, type StageEnum } from './entities';
import type { PeriodInput, PeriodUpdateInput } from './inputs';

const snapPeriod = (p: Period) => ({
  year: p.year,
  name: p.name,
  kanwilId: p.kanwil?.id ?? null,
  instrumentVersionId: p.instrumentVersion.id,
  selfAssessmentDeadline: p.selfAssessmentDeadline?.toISOString() ?? null,
  kanwilReviewDeadline: p.kanwilReviewDeadline?.toISOString() ?? null,
  eselonReviewDeadline: p.eselonReviewDeadline?.toISOString() ?? null,
  deskEvaluationDeadline: p.deskEvaluationDeadline?.toISOString() ?? null,
  nominationDeadline: p.nominationDeadline?.toISOString() ?? null,
});

/** Periods are not confidential: every signed-in user sees them all. */
export async function listPeriods(ctx: Ctx, year?: number | null): Promise<Period[]> {
  requireUser(ctx);
  const scoped = await periodFilter(ctx);
  const where = { ...(year != null ? { year } : {}), ...((scoped ?? {}) as object) } as FilterQuery<Period>;
  return ctx.em.find(Period, where, { orderBy: { year: 'desc', id: 'asc' } });
}

export async function getPeriod(ctx: Ctx, id: number): Promise<Period> {
  requireUser(ctx);
  const p = await ctx.em.findOne(Period, id);
  if (!p) throw notFound('Periode', id);
  await assertCanReadPeriod(ctx, p);
  return p;
}

function checkDeadlines(
  d: Pick<PeriodInput, 'selfAssessmentDeadline' | 'kanwilReviewDeadline' | 'eselonReviewDeadline' | 'deskEvaluationDeadline' | 'nominationDeadline'>,
) {
  const order = [d.selfAssessmentDeadline, d.kanwilReviewDeadline, d.eselonReviewDeadline, d.deskEvaluationDeadline, d.nominationDeadline].filter(
    (x): x is Date => !!x,
  );
  for (let i = 1; i < order.length; i++) {
    if (order[i].getTime() < order[i - 1].getTime()) throw badInput('Batas waktu tahap harus berurutan: mandiri ≤ Kanwil ≤ Eselon I ≤ desk TPI ≤ pengusulan');
  }
}

export async function createPeriod(ctx: Ctx, input: PeriodInput): Promise<Period> {
  requireAdmin(ctx);
  if (!Number.isInteger(input.year) || input.year < 2020 || input.year > 2100) throw badInput(`Tahun periode tidak valid: ${input.year}`);
  if (!input.name.trim()) throw badInput('Nama periode wajib diisi');
  checkDeadlines(input);
  return ctx.em.transactional(async (em) => {
    let versionId = input.instrumentVersionId ?? null;
    if (versionId == null) {
      const v = await activeVersionOfYear(em, input.year);
      if (!v) throw badInput(`Belum ada instrumen aktif untuk tahun ${input.year}`);
      versionId = v.id;
    }
    // active, of the period's year, and loading without problems
    await usableVersion(em, versionId, input.year);
    const kanwil = input.kanwilId != null ? await em.findOne(Kanwil, input.kanwilId) : null;
    if (input.kanwilId != null && !kanwil) throw notFound('Kanwil', input.kanwilId);
    const p = em.create(Period, {
      year: input.year,
      name: input.name.trim(),
      kanwil,
      instrumentVersion: em.getReference(InstrumentVersion, versionId),
      selfAssessmentDeadline: input.selfAssessmentDeadline ?? null,
      kanwilReviewDeadline: input.kanwilReviewDeadline ?? null,
      eselonReviewDeadline: input.eselonReviewDeadline ?? null,
      deskEvaluationDeadline: input.deskEvaluationDeadline ?? null,
      nominationDeadline: input.nominationDeadline ?? null,
      createdAt: new Date(),
    });
    await em.flush();
    audit(em, ctx, { action: 'period.create', objectType: 'Period', objectId: p.id, kanwilId: kanwil?.id ?? null, after: snapPeriod(p) });
    await em.flush();
    return p;
  });
}

export async function updatePeriod(ctx: Ctx, id: number, input: PeriodUpdateInput): Promise<Period> {
  requireAdmin(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await em.findOne(Period, id);
    if (!p) throw notFound('Periode', id);
    const before = snapPeriod(p);
    if (input.name != null) {
      if (!input.name.trim()) throw badInput('Nama periode wajib diisi');
      p.name = input.name.trim();
    }
    for (const f of ['selfAssessmentDeadline', 'kanwilReviewDeadline', 'eselonReviewDeadline', 'deskEvaluationDeadline', 'nominationDeadline'] as const) {
      if (input[f] !== undefined && input[f] !== null) p[f] = input[f];
    }
    checkDeadlines(p);
    if (input.instrumentVersionId != null && input.instrumentVersionId !== p.instrumentVersion.id) {
      const next = await usableVersion(em, input.instrumentVersionId, p.year);
      await assertAnswersFit(em, p, next);
      p.instrumentVersion = em.getReference(InstrumentVersion, input.instrumentVersionId);
    }
    audit(em, ctx, { action: 'period.update', objectType: 'Period', objectId: p.id, kanwilId: p.kanwil?.id ?? null, before, after: snapPeriod(p) });
    await em.flush();
    return p;
  });
}

/**
 * A period that already has answers may only switch to a version in which every answered item still exists with
 * the same answer type (otherwise stored values would change meaning): INVALID_STATE listing the items.
 */
async function assertAnswersFit(em: EntityManager, p: Period, next: Instrument): Promise<void> {
  const rows = await em
    .createQueryBuilder(Answer, 'a')
    .select('a.soalId', true)
    .join('a.submission', 's')
    .where({ 's.period': p.id })
    .execute<{ soal_id: number }[]>('all', false);
  if (!rows.length) return;
  const current = await instrumentOf(em, p.instrumentVersion.id);
  const bad: { soalId: number; message: string }[] = [];
  for (const { soal_id: id } of rows) {
    const now = next.itemById[id];
    const was = current.itemById[id];
    if (!now) bad.push({ soalId: id, message: `soal [${id}] sudah dijawab tetapi tidak ada pada versi instrumen baru` });
    else if (was && was.type !== now.type)
      bad.push({ soalId: id, message: `soal [${id}] sudah dijawab sebagai ${was.type}, tetapi bertipe ${now.type} pada versi baru` });
  }
  if (bad.length) {
    bad.sort((a, b) => a.soalId - b.soalId);
    throw invalidState(`Versi instrumen periode tidak dapat diganti: ${bad.length} soal yang sudah dijawab tidak cocok dengan versi baru`, { issues: bad });
  }
}

/** Admin extensions of stage deadlines (recorded, audited). */
export interface ExtensionInputData {
  periodId: number;
  stage: StageEnum;
  satkerId?: number | null;
  deadline: Date;
  reason: string;
}

export async function extendDeadline(ctx: Ctx, input: ExtensionInputData): Promise<DeadlineExtension> {
  const user = requireAdmin(ctx);
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
    const own = period[STAGE_DEADLINE_FIELD[input.stage]] ?? null;
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
