/**
 * The review route of an instansi in a period (issue 15, DOMAIN §10): SELF → KANWIL → (ESELON_I) → TPI or TPM → TPN.
 * A route is two choices — whether the Eselon I pembina reviews after the Kanwil, and which team does the desk
 * evaluation (the Itjen's TPI, or the instansi's own Tim Penilai Mandiri, which may award WBK itself, P5/2024).
 * The transition table (workflow.ts) marks the rows that belong to one kind of route; everything else is common.
 * Without a configured route an instansi follows DEFAULT_ROUTE: the four levels the application always had.
 */
import type { DeskTeam, Level } from './vocabulary';

export interface ReviewRoute {
  /** The Eselon I pembina (Ditjen) reviews between the Kanwil and the desk team. */
  eselonStep: boolean;
  deskTeam: DeskTeam;
}

export const DEFAULT_ROUTE: Readonly<ReviewRoute> = Object.freeze({ eselonStep: false, deskTeam: 'TPI' });

/** The levels of a route, in order: each a step with its own answers and notes. */
export function routeLevels(route: ReviewRoute): Level[] {
  return ['SELF', 'KANWIL', ...(route.eselonStep ? (['ESELON_I'] as const) : []), route.deskTeam, 'TPN'];
}

/** Does a route have the properties a transition (or level writer) asks for (none asked: every route)? */
export function routeMatches(when: Partial<ReviewRoute> | undefined, route: ReviewRoute): boolean {
  if (!when) return true;
  return (when.eselonStep === undefined || when.eselonStep === route.eselonStep) && (when.deskTeam === undefined || when.deskTeam === route.deskTeam);
}

export const sameRoute = (a: ReviewRoute, b: ReviewRoute) => a.eselonStep === b.eselonStep && a.deskTeam === b.deskTeam;
