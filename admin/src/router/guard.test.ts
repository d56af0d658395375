import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(), login: vi.fn(), logout: vi.fn() }));
import * as session from '@/api/session';
import { useAuthStore } from '@/stores/auth';
import { homeRouteFor, safeRedirect } from '@/utils/roles';
import { createAppRouter, redirectToLogin } from './index';

const user = (...roles: string[]) => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  locale: 'id',
  roles: roles.map((role) => ({ role, kanwilId: 1, satkerId: null })),
});

describe('router guard', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(session.fetchMe).mockReset();
  });

  it('sends an anonymous visitor to /login with the page to come back to', async () => {
    vi.mocked(session.fetchMe).mockResolvedValue(null);
    const router = createAppRouter(createMemoryHistory());
    await router.push('/submissions/5/lke?level=SELF');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/submissions/5/lke?level=SELF');
  });

  it('lands each role on its home and refuses pages of other roles', async () => {
    vi.mocked(session.fetchMe).mockResolvedValue(user('COORDINATOR') as never);
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/submissions');
    await router.push('/dashboard');
    expect(router.currentRoute.value.name).toBe('not-found');
    expect(router.currentRoute.value.query.forbidden).toBe('1');
  });

  it('UNAUTHENTICATED under a signed-in user keeps the page and asks for the password in place; without a user it goes to /login?redirect=', async () => {
    vi.mocked(session.fetchMe).mockResolvedValue(user('KANWIL_HEAD') as never);
    const router = createAppRouter(createMemoryHistory());
    await router.push('/dashboard');
    expect(router.currentRoute.value.name).toBe('dashboard');
    const auth = useAuthStore();
    // every failed request calls the handler: the page stays, one flag, no navigation (no loop with a leave guard)
    for (let i = 0; i < 5; i++) redirectToLogin(router);
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('dashboard');
    expect(auth.sessionExpired).toBe(true);
    expect(auth.user?.username).toBe('u');
    // no user (the dialog's "another user", or never signed in): the login page, remembering where
    auth.expire();
    redirectToLogin(router);
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/dashboard');
  });

  it('home routes and safe redirects', () => {
    expect(homeRouteFor(['VIEWER'])).toBe('/submissions');
    expect(homeRouteFor(['EVALUATOR', 'COORDINATOR'])).toBe('/evaluations');
    expect(homeRouteFor(['COORDINATOR', 'KANWIL_HEAD'])).toBe('/dashboard');
    expect(safeRedirect('/dashboard?x=1')).toBe('/dashboard?x=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
  });
});
