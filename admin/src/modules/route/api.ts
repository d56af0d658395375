import { ReviewRoutesDocument, SetReviewRouteDocument, type DeskTeam, type InstansiRouteFieldsFragment } from '@/graphql/generated';
import { request } from '@/api/client';

/** The review route of each instansi in a period (issue 15): with or without the Eselon I step, TPI or TPM desk team. */
export type InstansiRoute = InstansiRouteFieldsFragment;
export type { DeskTeam };

export async function fetchReviewRoutes(periodId: number): Promise<InstansiRoute[]> {
  return (await request(ReviewRoutesDocument, { periodId })).reviewRoutes;
}
export async function setReviewRoute(periodId: number, instansiId: number, eselonStep: boolean, deskTeam: DeskTeam): Promise<InstansiRoute> {
  return (await request(SetReviewRouteDocument, { input: { periodId, instansiId, eselonStep, deskTeam } })).setReviewRoute;
}
