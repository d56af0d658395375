/**
 * Review routes (shared/src/route.ts): which route an instansi's units follow in a period, and the admin setting it.
 * The route is read when a submission moves or is written (workflow, level writes): no row is the default route.
 * A route may change only while none of the instansi's submissions of the period has gone past the Kanwil step
 * (a submission half-way along one route cannot continue on another).
 */
import { routeLevels, sameRoute, type ReviewRoute } from '@pantau/shared';
import { audit } from '../../common/audit';
import { requireAdmin } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { ReturnedBy, SubmissionStatus } from '../../common/enums';
import { badInput, invalidState, notFound } from '../../common/errors';
import { Instansi } from '../org/entities';
import { Period } from '../period/entities';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';
import { DeskTeam, ReviewRouteConfig } from './entities';
import { routeOfRow } from './lookup';

export interface RouteRow {
  periodId: number;
  instansi: Instansi;
  route: ReviewRoute;
  configured: boolean;
}

/** ADMIN: every instansi's route in a period (the default where none is set). */
export async function listReviewRoutes(ctx: Ctx, periodId: number): Promise<RouteRow[]> {
  requireAdmin(ctx);
  if (!(await ctx.em.count(Period, periodId))) throw notFound('Periode', periodId);
  const [instansi, rows] = await Promise.all([
    ctx.em.find(Instansi, {}, { orderBy: { name: 'asc', id: 'asc' } }),
    ctx.em.find(ReviewRouteConfig, { period: periodId }),
  ]);
  const byInstansi = new Map(rows.map((r) => [r.instansi.id, r]));
  return instansi.map((i) => ({ periodId, instansi: i, route: routeOfRow(byInstansi.get(i.id) ?? null), configured: byInstansi.has(i.id) }));
}

/** Statuses (and returners) a submission can be in before anything depends on the route beyond the Kanwil step. */
const ROUTE_OPEN: SubmissionStatus[] = [SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.WITHDRAWN];

/** ADMIN: sets the route of an instansi in a period. INVALID_STATE once a submission of it went past the Kanwil step. */
export async function setReviewRoute(ctx: Ctx, input: { periodId: number; instansiId: number; eselonStep: boolean; deskTeam: DeskTeam }): Promise<RouteRow> {
  const user = requireAdmin(ctx);
  if (!Object.values(DeskTeam).includes(input.deskTeam)) throw badInput(`Tim evaluasi desk tidak dikenal: ${input.deskTeam}`);
  return ctx.em.transactional(async (em) => {
    const period = await em.findOne(Period, input.periodId);
    if (!period) throw notFound('Periode', input.periodId);
    const instansi = await em.findOne(Instansi, input.instansiId);
    if (!instansi) throw notFound('Instansi', input.instansiId);
    const row = await em.findOne(ReviewRouteConfig, { period, instansi });
    const before = routeOfRow(row);
    const route: ReviewRoute = { eselonStep: !!input.eselonStep, deskTeam: input.deskTeam };
    if (!sameRoute(before, route)) {
      const moving = await em.count(Submission, {
        period: period.id,
        satker: { kanwil: { instansi: instansi.id } },
        status: { $nin: ROUTE_OPEN },
        $or: [{ status: { $ne: SubmissionStatus.REVISION_REQUESTED } }, { returnedBy: { $ne: ReturnedBy.KANWIL } }],
      });
      if (moving > 0)
        throw invalidState(`Alur penilaian ${instansi.name} pada periode ${period.name} tidak dapat diubah: ${moving} penilaian sudah melewati tahap Kanwil`, {
          submissions: moving,
        });
    }
    const r = row ?? em.create(ReviewRouteConfig, { period, instansi });
    r.eselonStep = route.eselonStep;
    r.deskTeam = route.deskTeam;
    r.updatedAt = new Date();
    r.updatedBy = em.getReference(User, user.id);
    em.persist(r);
    audit(em, ctx, {
      action: 'reviewRoute.set',
      objectType: 'ReviewRoute',
      objectId: `${period.id}:${instansi.id}`,
      before: row ? { ...before, levels: routeLevels(before) } : null,
      after: { periodId: period.id, instansiId: instansi.id, ...route, levels: routeLevels(route) },
    });
    await em.flush();
    return { periodId: period.id, instansi, route, configured: true };
  });
}
