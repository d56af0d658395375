/**
 * Managing the organisation: Kanwil, units (satker), predicate history, periods, and opening a submission.
 * ADMIN for Kanwil and periods; ADMIN or the Kanwil head for units and predicates of their Kanwil; a unit's
 * coordinator may open its own submission. Everything audited.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { Ctx } from '../../common/context';
import { Role, SubmissionStatus } from '../../common/enums';
import { hasRole, isAdmin, isKanwilHeadOf, requireUser } from '../../common/authz';
import { badInput, conflict, forbidden, invalidState, notFound } from '../../common/errors';
import { audit } from '../../common/audit';
import { clearLoaders } from '../../common/loaders';
import { InstrumentVersion } from '../instrument/entities';
import type { Instrument } from '@pantau/shared';
import { Answer } from '../answer/entities';
import { activeVersionOfYear, instrumentOf } from '../instrument/service';
import { usableVersion } from '../instrument/versions';
import { Period } from '../period/entities';
import { Submission } from '../submission/entities';
import { Kanwil, PredicateHistory, Satker } from './entities';
import type { CreateSubmissionInput, KanwilInput, PeriodInput, PeriodUpdateInput, PredicateInput, SatkerInput, SatkerUpdateInput } from './inputs';

const CODE = /^[A-Za-z0-9._-]{2,40}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(d: string | null | undefined, what: string): string | null {
  if (d == null || d === '') return null;
  const t = new Date(`${d}T00:00:00Z`);
  if (!ISO_DATE.test(d) || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) throw badInput(`${what} harus berformat YYYY-MM-DD, bukan "${d}"`);
  return d;
}

function requireAdmin(ctx: Ctx) {
  const u = requireUser(ctx);
  if (!isAdmin(u)) throw forbidden('Hanya admin yang dapat melakukan tindakan ini');
  return u;
}

function requireKanwilHead(ctx: Ctx, kanwilId: number) {
  const u = requireUser(ctx);
  if (!isKanwilHeadOf(u, kanwilId)) throw forbidden('Hanya admin atau Kepala Kanwil tersebut yang dapat melakukan tindakan ini');
  return u;
}

const snapSatker = (s: Satker) => ({ code: s.code, name: s.name, kind: s.kind, division: s.division ?? null, kanwilId: s.kanwil.id });
const snapPeriod = (p: Period) => ({
  year: p.year,
  name: p.name,
  kanwilId: p.kanwil?.id ?? null,
  instrumentVersionId: p.instrumentVersion.id,
  selfAssessmentDeadline: p.selfAssessmentDeadline?.toISOString() ?? null,
  kanwilReviewDeadline: p.kanwilReviewDeadline?.toISOString() ?? null,
  deskEvaluationDeadline: p.deskEvaluationDeadline?.toISOString() ?? null,
  nominationDeadline: p.nominationDeadline?.toISOString() ?? null,
});

export async function createKanwil(ctx: Ctx, input: KanwilInput): Promise<Kanwil> {
  requireAdmin(ctx);
  const code = input.code.trim();
  if (!CODE.test(code)) throw badInput('Kode Kanwil 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung');
  if (!input.name.trim()) throw badInput('Nama Kanwil wajib diisi');
  return ctx.em.transactional(async (em) => {
    if (await em.count(Kanwil, { code })) throw conflict(`Kode Kanwil "${code}" sudah dipakai`);
    const k = em.create(Kanwil, { code, name: input.name.trim(), createdAt: new Date() });
    await em.flush();
    audit(em, ctx, { action: 'kanwil.create', objectType: 'Kanwil', objectId: k.id, kanwilId: k.id, after: { code: k.code, name: k.name } });
    await em.flush();
    return k;
  });
}

export async function updateKanwil(ctx: Ctx, id: number, input: { name: string }): Promise<Kanwil> {
  requireAdmin(ctx);
  if (!input.name.trim()) throw badInput('Nama Kanwil wajib diisi');
  return ctx.em.transactional(async (em) => {
    const k = await em.findOne(Kanwil, id);
    if (!k) throw notFound('Kanwil', id);
    const before = { name: k.name };
    k.name = input.name.trim();
    audit(em, ctx, { action: 'kanwil.update', objectType: 'Kanwil', objectId: k.id, kanwilId: k.id, before, after: { name: k.name } });
    await em.flush();
    return k;
  });
}

export async function createSatker(ctx: Ctx, input: SatkerInput): Promise<Satker> {
  requireKanwilHead(ctx, input.kanwilId);
  const code = input.code.trim();
  if (!CODE.test(code)) throw badInput('Kode unit 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung');
  if (!input.name.trim()) throw badInput('Nama unit wajib diisi');
  return ctx.em.transactional(async (em) => {
    const kanwil = await em.findOne(Kanwil, input.kanwilId);
    if (!kanwil) throw notFound('Kanwil', input.kanwilId);
    if (await em.count(Satker, { code })) throw conflict(`Kode unit "${code}" sudah dipakai`);
    const s = em.create(Satker, { code, name: input.name.trim(), kind: input.kind, division: input.division?.trim() || null, kanwil, createdAt: new Date() });
    await em.flush();
    audit(em, ctx, { action: 'satker.create', objectType: 'Satker', objectId: s.id, kanwilId: kanwil.id, satkerId: s.id, after: snapSatker(s) });
    await em.flush();
    return s;
  });
}

export async function updateSatker(ctx: Ctx, id: number, input: SatkerUpdateInput): Promise<Satker> {
  requireUser(ctx);
  return ctx.em.transactional(async (em) => {
    const s = await em.findOne(Satker, id);
    if (!s) throw notFound('Unit', id);
    requireKanwilHead(ctx, s.kanwil.id);
    const before = snapSatker(s);
    if (input.name != null) {
      if (!input.name.trim()) throw badInput('Nama unit wajib diisi');
      s.name = input.name.trim();
    }
    if (input.kind != null) s.kind = input.kind;
    if (input.division !== undefined) s.division = input.division?.trim() || null;
    audit(em, ctx, { action: 'satker.update', objectType: 'Satker', objectId: s.id, kanwilId: s.kanwil.id, satkerId: s.id, before, after: snapSatker(s) });
    await em.flush();
    return s;
  });
}

/** Records a predicate the unit already holds (history entry: year, decree). */
export async function addPredicate(ctx: Ctx, satkerId: number, input: PredicateInput): Promise<PredicateHistory> {
  requireUser(ctx);
  const decreeDate = checkDate(input.decreeDate, 'Tanggal keputusan');
  if (!Number.isInteger(input.year) || input.year < 2010 || input.year > 2100) throw badInput(`Tahun predikat tidak valid: ${input.year}`);
  const p = await ctx.em.transactional(async (em) => {
    const s = await em.findOne(Satker, satkerId);
    if (!s) throw notFound('Unit', satkerId);
    requireKanwilHead(ctx, s.kanwil.id);
    const p = em.create(PredicateHistory, {
      satker: s,
      predicate: input.predicate,
      year: input.year,
      decreeNumber: input.decreeNumber?.trim() || null,
      decreeDate,
      revoked: false,
    });
    await em.flush();
    audit(em, ctx, {
      action: 'predicate.add',
      objectType: 'PredicateHistory',
      objectId: p.id,
      kanwilId: s.kanwil.id,
      satkerId: s.id,
      after: { predicate: p.predicate, year: p.year, decreeNumber: p.decreeNumber, decreeDate: p.decreeDate },
    });
    await em.flush();
    return p;
  });
  clearLoaders(ctx);
  return p;
}

function checkDeadlines(d: Pick<PeriodInput, 'selfAssessmentDeadline' | 'kanwilReviewDeadline' | 'deskEvaluationDeadline' | 'nominationDeadline'>) {
  const order = [d.selfAssessmentDeadline, d.kanwilReviewDeadline, d.deskEvaluationDeadline, d.nominationDeadline].filter((x): x is Date => !!x);
  for (let i = 1; i < order.length; i++) {
    if (order[i].getTime() < order[i - 1].getTime()) throw badInput('Batas waktu tahap harus berurutan: mandiri ≤ Kanwil ≤ desk TPI ≤ pengusulan');
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
    for (const f of ['selfAssessmentDeadline', 'kanwilReviewDeadline', 'deskEvaluationDeadline', 'nominationDeadline'] as const) {
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
    else if (was && was.type !== now.type) bad.push({ soalId: id, message: `soal [${id}] sudah dijawab sebagai ${was.type}, tetapi bertipe ${now.type} pada versi baru` });
  }
  if (bad.length) {
    bad.sort((a, b) => a.soalId - b.soalId);
    throw invalidState(`Versi instrumen periode tidak dapat diganti: ${bad.length} soal yang sudah dijawab tidak cocok dengan versi baru`, { issues: bad });
  }
}

/** Opens a unit's submission for a period (status DRAFT): admin, the Kanwil head, or the unit's coordinator. */
export async function createSubmission(ctx: Ctx, input: CreateSubmissionInput): Promise<Submission> {
  const user = requireUser(ctx);
  const pencanangan = checkDate(input.pencananganDate, 'Tanggal pencanangan');
  const id = await ctx.em.transactional(async (em: EntityManager) => {
    const satker = await em.findOne(Satker, input.satkerId);
    if (!satker) throw notFound('Unit', input.satkerId);
    if (!isKanwilHeadOf(user, satker.kanwil.id) && !hasRole(user, Role.COORDINATOR, { satkerId: satker.id })) {
      throw forbidden('Penilaian unit hanya dapat dibuka oleh admin, Kepala Kanwil, atau koordinator ZI unit tersebut');
    }
    const period = await em.findOne(Period, input.periodId);
    if (!period) throw notFound('Periode', input.periodId);
    if (period.kanwil && period.kanwil.id !== satker.kanwil.id) throw badInput('Periode ini milik Kanwil lain');
    if (await em.count(Submission, { satker: satker.id, period: period.id })) {
      throw conflict(`Unit ${satker.name} sudah memiliki penilaian pada periode ini`);
    }
    const s = em.create(Submission, {
      satker,
      period,
      target: input.target,
      status: SubmissionStatus.DRAFT,
      pencananganDate: pencanangan,
      round: 1,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await em.flush();
    audit(em, ctx, {
      action: 'submission.create',
      objectType: 'Submission',
      objectId: s.id,
      kanwilId: satker.kanwil.id,
      satkerId: satker.id,
      after: { periodId: period.id, target: s.target, status: s.status, pencananganDate: s.pencananganDate ?? null },
    });
    await em.flush();
    return s.id;
  });
  return ctx.em.findOneOrFail(Submission, id, { populate: ['satker', 'period'] });
}
