/** Which review route a submission follows (no authorisation here: callers have decided access already). */
import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { DEFAULT_ROUTE, type ReviewRoute } from '@pantau/shared';
import { memo, type Ctx } from '../../common/context';
import { Kanwil } from '../org/entities';
import type { Submission } from '../submission/entities';
import { ReviewRouteConfig } from './entities';

export const routeOfRow = (r: ReviewRouteConfig | null): ReviewRoute => (r ? { eselonStep: r.eselonStep, deskTeam: r.deskTeam } : { ...DEFAULT_ROUTE });

/** The route of an instansi in a period (one query). */
export async function routeFor(em: EntityManager, periodId: number, instansiId: number): Promise<ReviewRoute> {
  return routeOfRow(await em.findOne(ReviewRouteConfig, { period: periodId, instansi: instansiId }));
}

/** The instansi of a submission's Kanwil (no query when the Kanwil is loaded). */
async function instansiIdOf(em: EntityManager, sub: Submission): Promise<number> {
  const k = sub.satker.kanwil;
  if (wrap(k).isInitialized() && k.instansi) return k.instansi.id;
  return (await em.findOneOrFail(Kanwil, k.id, { fields: ['instansi'] })).instansi.id;
}

/** The route a submission follows: its period's route for its Kanwil's instansi (`sub` with satker loaded). */
export async function submissionRoute(em: EntityManager, sub: Submission): Promise<ReviewRoute> {
  return routeFor(em, sub.period.id, await instansiIdOf(em, sub));
}

/** The same, memoised per request (a page asking for many submissions' routes asks once per period and instansi). */
export async function submissionRouteCached(ctx: Ctx, sub: Submission): Promise<ReviewRoute> {
  const instansiId = await instansiIdOf(ctx.em, sub);
  return memo(ctx, `route:${sub.period.id}:${instansiId}`, () => routeFor(ctx.em, sub.period.id, instansiId));
}
