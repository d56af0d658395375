/** Reading the organisation tree (instansi, Eselon I units). Names of the organisation are visible to every user. */
import type { Ctx } from '../../common/context';
import { requireUser } from '../../common/authz';
import { EselonUnit, Instansi } from './entities';

export async function listInstansi(ctx: Ctx): Promise<Instansi[]> {
  requireUser(ctx);
  return ctx.em.find(Instansi, {}, { orderBy: { name: 'asc' } });
}

export async function listEselonUnits(ctx: Ctx, instansiId?: number | null): Promise<EselonUnit[]> {
  requireUser(ctx);
  return ctx.em.find(EselonUnit, instansiId != null ? { instansi: instansiId } : {}, { orderBy: { name: 'asc' } });
}
