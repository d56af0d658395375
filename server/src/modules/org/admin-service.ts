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
import { lineageWouldCycle } from '@pantau/shared';
import { AwardTrack, DEFAULT_INSTANSI_ID, EselonUnit, Instansi, Kanwil, KanwilKind, Predicate, PredicateHistory, Satker } from './entities';
import type {
  CreateSubmissionInput,
  EselonUnitInput,
  InstansiInput,
  KanwilInput,
  KanwilPlacementInput,
  PredicateInput,
  SatkerInput,
  SatkerUpdateInput,
} from './inputs';
import { lineagesOf } from './lineage';
import { kanwilView, satkerView } from './types';

const CODE = /^[A-Za-z0-9._-]{2,40}$/;

function checkDate(d: string | null | undefined, what: string): string | null {
  if (d == null || d === '') return null;
  if (!isIsoDate(d)) throw badInput(`${what} harus berformat YYYY-MM-DD, bukan "${d}"`);
  return d;
}

/** The audit snapshot of a unit or Kanwil: its API view without the id (the event names the object). */
const withoutId = <T extends { id: number }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
const snapSatker = (s: Satker) => withoutId(satkerView(s));
const snapKanwil = (k: Kanwil) => withoutId(kanwilView(k));

function checkCodeName(code: string, name: string, what: string): void {
  if (!CODE.test(code)) throw badInput(`Kode ${what} 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung`);
  if (!name.trim()) throw badInput(`Nama ${what} wajib diisi`);
}

/** ADMIN: a ministry or agency. */
export async function createInstansi(ctx: Ctx, input: InstansiInput): Promise<Instansi> {
  requireAdmin(ctx);
  const code = input.code.trim();
  checkCodeName(code, input.name, 'instansi');
  return ctx.em.transactional(async (em) => {
    if (await em.count(Instansi, { code })) throw conflict(`Kode instansi "${code}" sudah dipakai`);
    const i = em.create(Instansi, { code, name: input.name.trim() });
    await em.flush();
    audit(em, ctx, { action: 'instansi.create', objectType: 'Instansi', objectId: i.id, after: { code: i.code, name: i.name } });
    await em.flush();
    return i;
  });
}

export async function updateInstansi(ctx: Ctx, id: number, input: { name: string }): Promise<Instansi> {
  requireAdmin(ctx);
  if (!input.name.trim()) throw badInput('Nama instansi wajib diisi');
  return ctx.em.transactional(async (em) => {
    const i = await em.findOne(Instansi, id);
    if (!i) throw notFound('Instansi', id);
    const before = { name: i.name };
    i.name = input.name.trim();
    audit(em, ctx, { action: 'instansi.update', objectType: 'Instansi', objectId: i.id, before, after: { name: i.name } });
    await em.flush();
    return i;
  });
}

/** ADMIN: an Eselon I unit (Ditjen, Itjen) of an instansi. */
export async function createEselonUnit(ctx: Ctx, input: EselonUnitInput): Promise<EselonUnit> {
  requireAdmin(ctx);
  const code = input.code.trim();
  checkCodeName(code, input.name, 'unit Eselon I');
  return ctx.em.transactional(async (em) => {
    const instansi = await em.findOne(Instansi, input.instansiId);
    if (!instansi) throw notFound('Instansi', input.instansiId);
    if (await em.count(EselonUnit, { code })) throw conflict(`Kode unit Eselon I "${code}" sudah dipakai`);
    const e = em.create(EselonUnit, { code, name: input.name.trim(), instansi });
    await em.flush();
    audit(em, ctx, { action: 'eselon.create', objectType: 'EselonUnit', objectId: e.id, after: { code: e.code, name: e.name, instansiId: instansi.id } });
    await em.flush();
    return e;
  });
}

/** The instansi and Eselon I unit a Kanwil goes under (the Eselon I unit must belong to the instansi). */
async function placement(
  em: EntityManager,
  instansiId: number,
  eselonId: number | null | undefined,
): Promise<{ instansi: Instansi; eselon: EselonUnit | null }> {
  const instansi = await em.findOne(Instansi, instansiId);
  if (!instansi) throw notFound('Instansi', instansiId);
  if (eselonId == null) return { instansi, eselon: null };
  const eselon = await em.findOne(EselonUnit, eselonId);
  if (!eselon) throw notFound('Unit Eselon I', eselonId);
  if (eselon.instansi.id !== instansi.id) throw badInput(`Unit Eselon I ${eselon.name} bukan bagian dari ${instansi.name}`);
  return { instansi, eselon };
}

export async function createKanwil(ctx: Ctx, input: KanwilInput): Promise<Kanwil> {
  requireAdmin(ctx);
  const code = input.code.trim();
  checkCodeName(code, input.name, 'Kanwil');
  return ctx.em.transactional(async (em) => {
    const { instansi, eselon } = await placement(em, input.instansiId ?? DEFAULT_INSTANSI_ID, input.eselonId);
    if (await em.count(Kanwil, { code })) throw conflict(`Kode Kanwil "${code}" sudah dipakai`);
    const kind = input.kind ?? (eselon ? KanwilKind.DITJEN : KanwilKind.OTHER);
    const k = em.create(Kanwil, { code, name: input.name.trim(), instansi, eselon, kind, createdAt: new Date() });
    await em.flush();
    audit(em, ctx, { action: 'kanwil.create', objectType: 'Kanwil', objectId: k.id, kanwilId: k.id, after: snapKanwil(k) });
    await em.flush();
    return k;
  });
}

/** ADMIN: moves a Kanwil under another instansi / Eselon I unit, or changes its kind. */
export async function placeKanwil(ctx: Ctx, id: number, input: KanwilPlacementInput): Promise<Kanwil> {
  requireAdmin(ctx);
  return ctx.em.transactional(async (em) => {
    const k = await em.findOne(Kanwil, id);
    if (!k) throw notFound('Kanwil', id);
    const before = snapKanwil(k);
    const { instansi, eselon } = await placement(em, input.instansiId, input.eselonId);
    k.instansi = instansi;
    k.eselon = eselon;
    k.kind = input.kind;
    audit(em, ctx, { action: 'kanwil.place', objectType: 'Kanwil', objectId: k.id, kanwilId: k.id, before, after: snapKanwil(k) });
    await em.flush();
    return k;
  });
}

/** The predecessor a unit may continue: an existing other unit, not one of its own successors. */
async function checkPredecessor(em: EntityManager, unitId: number | null, predecessorId: number): Promise<Satker> {
  const p = await em.findOne(Satker, predecessorId);
  if (!p) throw notFound('Unit pendahulu', predecessorId);
  if (unitId != null) {
    if (predecessorId === unitId) throw badInput('Unit tidak dapat menjadi pendahulu dirinya sendiri');
    const chain = (await lineagesOf(em, [predecessorId])).get(predecessorId) ?? [];
    if (
      lineageWouldCycle(
        unitId,
        predecessorId,
        chain.map((id, i) => ({ id, predecessorId: chain[i + 1] ?? null })),
      )
    ) {
      throw badInput(`${p.name} adalah penerus unit ini; silsilah unit tidak boleh melingkar`);
    }
  }
  return p;
}

function checkValidity(from: string | null, until: string | null): void {
  if (from && until && until < from) throw badInput(`Berlaku sampai (${until}) sebelum berlaku sejak (${from})`);
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
    const validFrom = checkDate(input.validFrom, 'Berlaku sejak');
    const validUntil = checkDate(input.validUntil, 'Berlaku sampai');
    checkValidity(validFrom, validUntil);
    const predecessor = input.predecessorId != null ? await checkPredecessor(em, null, input.predecessorId) : null;
    const s = em.create(Satker, {
      code,
      name: input.name.trim(),
      kind: input.kind,
      division: input.division?.trim() || null,
      kanwil,
      predecessor,
      validFrom,
      validUntil,
      createdAt: new Date(),
    });
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
    if (input.predecessorId != null) s.predecessor = input.predecessorId === 0 ? null : await checkPredecessor(em, s.id, input.predecessorId);
    if (input.validFrom !== undefined) s.validFrom = checkDate(input.validFrom, 'Berlaku sejak');
    if (input.validUntil !== undefined) s.validUntil = checkDate(input.validUntil, 'Berlaku sampai');
    checkValidity(s.validFrom ?? null, s.validUntil ?? null);
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
  const awardedBy = input.awardedBy ?? AwardTrack.TPN;
  // P5/2024: the instansi's own team (TPM) awards WBK only; WBBM stays with the TPN
  if (awardedBy === AwardTrack.TPM && input.predicate !== Predicate.WBK) throw badInput('Tim Penilai Mandiri (TPM) hanya dapat menetapkan predikat WBK');
  if (awardedBy === AwardTrack.TPM && (!input.decreeNumber?.trim() || !decreeDate))
    throw badInput('Predikat WBK dari TPM wajib disertai nomor dan tanggal keputusan');
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
      awardedBy,
      revoked: false,
    });
    await em.flush();
    audit(em, ctx, {
      action: 'predicate.add',
      objectType: 'PredicateHistory',
      objectId: p.id,
      kanwilId: s.kanwil.id,
      satkerId: s.id,
      after: { predicate: p.predicate, year: p.year, decreeNumber: p.decreeNumber, decreeDate: p.decreeDate, awardedBy: p.awardedBy },
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
