/**
 * Managing the organisation: Kanwil, units (satker), predicate history, and opening a submission.
 * ADMIN for Kanwil; ADMIN or the Kanwil head for units and predicates of their Kanwil; a unit's
 * coordinator may open its own submission. Everything audited.
 */
import { isIsoDate } from '@pantau/shared';
import type { EntityManager } from '@mikro-orm/knex';
import type { Ctx } from '../../common/context';
import { Role, SubmissionStatus } from '../../common/enums';
import { hasRole, isKanwilHeadOf, requireAdmin, requireKanwilHead, requireUser } from '../../common/authz';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { audit } from '../../common/audit';
import { clearLoaders } from '../../common/loaders';
import { Period } from '../period/entities';
import { Submission } from '../submission/entities';
import { Kanwil, PredicateHistory, Satker } from './entities';
import type { CreateSubmissionInput, KanwilInput, PredicateInput, SatkerInput, SatkerUpdateInput } from './inputs';

const CODE = /^[A-Za-z0-9._-]{2,40}$/;

function checkDate(d: string | null | undefined, what: string): string | null {
  if (d == null || d === '') return null;
  if (!isIsoDate(d)) throw badInput(`${what} harus berformat YYYY-MM-DD, bukan "${d}"`);
  return d;
}

const snapSatker = (s: Satker) => ({ code: s.code, name: s.name, kind: s.kind, division: s.division ?? null, kanwilId: s.kanwil.id });

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
