import { ROLES, type Role } from '@pantau/shared';

export { ROLES, type Role };

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return allowed.some((r) => userRoles.includes(r));
}

/** Where a user lands after login: the most powerful of their roles decides. */
export function homeRouteFor(roles: readonly Role[], canCompare = false): string {
  if (roles.includes('ADMIN') || roles.includes('KANWIL_HEAD') || canCompare) return '/dashboard';
  if (roles.includes('EVALUATOR')) return '/evaluations';
  if (roles.includes('COORDINATOR') || roles.includes('VIEWER') || roles.includes('ESELON_REVIEWER') || roles.includes('TPM_EVALUATOR')) return '/submissions';
  return '/home';
}

/** Only same-origin paths are followed after login (no open redirect). */
export function safeRedirect(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (raw.startsWith('/login')) return null;
  return raw;
}
