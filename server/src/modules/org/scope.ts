/**
 * Roles scoped to an instansi or an Eselon I unit (issue 15): a KANWIL_HEAD or VIEWER of Kemenimipas, or of the
 * Ditjen Pemasyarakatan as pembina, acts on every Kanwil under it. The signed-in user's grants are expanded here into
 * one grant per such Kanwil (one query), so every check in common/authz.ts applies unchanged.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { AuthUser, RoleGrant } from '../../common/context';
import { Kanwil } from './entities';

export async function expandScopedGrants(em: EntityManager, roles: readonly RoleGrant[]): Promise<RoleGrant[]> {
  const scoped = roles.filter((r) => r.kanwilId == null && r.satkerId == null && (r.instansiId != null || r.eselonId != null));
  if (!scoped.length) return [...roles];
  const instansiIds = [...new Set(scoped.map((r) => r.instansiId).filter((x): x is number => x != null))];
  const eselonIds = [...new Set(scoped.map((r) => r.eselonId).filter((x): x is number => x != null))];
  const kanwils = await em.find(
    Kanwil,
    { $or: [...(instansiIds.length ? [{ instansi: { $in: instansiIds } }] : []), ...(eselonIds.length ? [{ eselon: { $in: eselonIds } }] : [])] },
    { fields: ['id', 'instansi', 'eselon'] },
  );
  const out = [...roles];
  const have = new Set(roles.filter((r) => r.kanwilId != null).map((r) => `${r.role}:${r.kanwilId}`));
  for (const g of scoped) {
    for (const k of kanwils) {
      const under = g.eselonId != null ? k.eselon?.id === g.eselonId : k.instansi.id === g.instansiId;
      if (!under || have.has(`${g.role}:${k.id}`)) continue;
      have.add(`${g.role}:${k.id}`);
      out.push({ role: g.role, kanwilId: k.id, satkerId: null, viaScope: true });
    }
  }
  return out;
}

export async function withScopedGrants(em: EntityManager, user: AuthUser): Promise<AuthUser> {
  return { ...user, roles: await expandScopedGrants(em, user.roles) };
}
