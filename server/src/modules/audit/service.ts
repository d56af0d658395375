/** Reading the audit trail (jejak audit): ADMIN everything, KANWIL_HEAD the events of their Kanwil. */
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../common/context';
import { Role } from '../../common/enums';
import { isAdmin, kanwilIdsWithRole, requireUser } from '../../common/authz';
import { badInput, forbidden } from '../../common/errors';
import { AuditEvent } from './entities';
import type { AuditFilter } from './inputs';

export interface AuditPage {
  rows: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAuditEvents(ctx: Ctx, filter?: AuditFilter | null, page?: number | null, pageSize?: number | null): Promise<AuditPage> {
  const user = requireUser(ctx);
  const p = page ?? 1;
  const size = pageSize ?? 50;
  if (p < 1 || size < 1 || size > 500) throw badInput('page ≥ 1 dan pageSize 1–500');
  const conds: FilterQuery<AuditEvent>[] = [];
  if (!isAdmin(user)) {
    const kanwils = kanwilIdsWithRole(user, [Role.KANWIL_HEAD]);
    if (!kanwils.length) throw forbidden('Hanya admin dan Kepala Kanwil yang dapat melihat jejak audit');
    conds.push({ kanwilId: { $in: kanwils } });
  }
  const f = filter ?? {};
  if (f.objectType) conds.push({ objectType: f.objectType });
  if (f.objectId) conds.push({ objectId: f.objectId });
  if (f.satkerId != null) conds.push({ satkerId: f.satkerId });
  if (f.kanwilId != null) conds.push({ kanwilId: f.kanwilId });
  if (f.actorId != null) conds.push({ actor: f.actorId });
  if (f.action) conds.push({ action: f.action });
  if (f.from) conds.push({ at: { $gte: f.from } });
  if (f.to) conds.push({ at: { $lte: f.to } });
  const where: FilterQuery<AuditEvent> = conds.length ? { $and: conds } : {};
  const [rows, total] = await ctx.em.findAndCount(AuditEvent, where, {
    populate: ['actor'],
    orderBy: { at: 'desc', id: 'desc' },
    limit: size,
    offset: (p - 1) * size,
  });
  return { rows, total, page: p, pageSize: size };
}
