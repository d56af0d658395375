import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { appBase } from '@/api/base';
import { useAuthStore } from '@/stores/auth';
import { hasAnyRole, homeRouteFor, safeRedirect } from '@/utils/roles';
import { routes } from './routes';

export function createAppRouter(history: RouterHistory = createWebHistory(appBase())): Router {
  const router = createRouter({ history, routes, scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 } });

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.meta.public) {
      if (to.name === 'login' && auth.checked && auth.isAuthenticated) {
        return safeRedirect(to.query.redirect) ?? homeRouteFor(auth.roles, auth.canCompare);
      }
      return true;
    }
    try {
      await auth.ensureSession();
    } catch {
      // Server unreachable: let the page render its own error state rather than looping to /login.
      return true;
    }
    if (!auth.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };
    if (to.name === 'root') return homeRouteFor(auth.roles, auth.canCompare);
    if (!hasAnyRole(auth.roles, to.meta.roles) || (to.meta.kanwilScope && !auth.canCompare))
      return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: { forbidden: '1' } };
    return true;
  });

  return router;
}

/**
 * Any UNAUTHENTICATED answer. A user who was working (signed in, on an app page) keeps the page and its unsaved
 * edits: the session-expired dialog signs them in again in place. Otherwise: the login page, remembering where
 * they were. Never a navigation per failed request (that looped with the LKE's leave guard, ~14 saves/s).
 */
export function redirectToLogin(router: Router): void {
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  const auth = useAuthStore();
  if (auth.user && !current.meta.public) {
    auth.expireInPlace();
    return;
  }
  auth.expire();
  void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
}
