/** Reading the organisation tree (instansi, Eselon I units). Names of the organisation are visible to every user. */
import type { Ctx } from '../../common/context';
import { assertCanReadSatker, readScope, requireUser, satkerFilter } from '../../common/authz';
import { notFound } from '../../common/errors';
import { kanwilsLoader } from '../../common/loaders';
import { EselonUnit, Instansi, Kanwil, Satker } from './entities';

export async function listInstansi(ctx: Ctx): Promise<Instansi[]> {
  requireUser(ctx);
  return ctx.em.find(Instansi, {}, { orderBy: { name: 'asc' } });
}

export async function listEselonUnits(ctx: Ctx, instansiId?: number | null): Promise<EselonUnit[]> {
  requireUser(ctx);
  return ctx.em.find(EselonUnit, instansiId != null ? { instansi: instansiId } : {}, { orderBy: { name: 'asc' } });
}

/** The Kanwil the user may see, by name. */
export async function listKanwils(ctx: Ctx): Promise<Kanwil[]> {
  const scope = await readScope(ctx);
  return ctx.em.find(Kanwil, scope.all ? {} : { id: { $in: [...scope.kanwilIds] } }, { orderBy: { name: 'asc' } });
}

/** The units the user may see (optionally of one Kanwil), by code. */
export async function listSatkers(ctx: Ctx, kanwilId?: number | null): Promise<Satker[]> {
  const scope = await readScope(ctx);
  const filter = satkerFilter(scope);
  const where = kanwilId != null ? { kanwil: kanwilId } : {};
  return ctx.em.find(Satker, filter ? { $and: [where, filter] } : where, { orderBy: { code: 'asc' } });
}

/** One unit the user may read (NOT_FOUND / FORBIDDEN otherwise). */
export async function getSatker(ctx: Ctx, id: number): Promise<Satker> {
  requireUser(ctx);
  const s = await ctx.em.findOne(Satker, id);
  if (!s) throw notFound('Unit', id);
  await assertCanReadSatker(ctx, s);
  return s;
}

/** The Kanwil of a unit already read (the unit's read was authorised); batched over the units of a request. */
export async function kanwilOfSatker(ctx: Ctx, kanwilId: number): Promise<Kanwil> {
  return kanwilsLoader(ctx).load(kanwilId);
}
