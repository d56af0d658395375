import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@/utils/roles';
import { publicSurveyRoutes, surveyRoutes } from '@/modules/survey/routes';
import { usersRoutes } from '@/modules/users/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean;
    /** Roles that may open the page; absent = any signed-in user. */
    roles?: Role[];
    /** Needs a Kanwil-wide scope (the comparison): admin, Kanwil head, Kanwil viewer. */
    kanwilScope?: boolean;
    /** i18n key of the page title. */
    title?: string;
    /** Shown in the side navigation, in this order. */
    nav?: { order: number; key: string };
  }
}

const KANWIL: Role[] = ['ADMIN', 'KANWIL_HEAD'];

export const routes: RouteRecordRaw[] = [
  ...publicSurveyRoutes,
  { path: '/login', name: 'login', component: () => import('@/views/LoginView.vue'), meta: { public: true, title: 'auth.title' } },
  {
    path: '/',
    component: () => import('@/layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'root', component: () => import('@/views/HomeView.vue'), meta: { title: 'nav.home' } },
      { path: 'home', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: 'nav.home', nav: { order: 0, key: 'nav.home' } } },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/DashboardView.vue'),
        meta: { roles: [...KANWIL, 'VIEWER'], kanwilScope: true, title: 'nav.dashboard', nav: { order: 10, key: 'nav.dashboard' } },
      },
      {
        path: 'submissions',
        name: 'submissions',
        component: () => import('@/views/SubmissionsView.vue'),
        meta: { title: 'nav.submissions', nav: { order: 20, key: 'nav.submissions' } },
      },
      {
        path: 'evaluations',
        name: 'evaluations',
        component: () => import('@/views/SubmissionsView.vue'),
        props: { mode: 'evaluator' },
        meta: { roles: ['EVALUATOR'], title: 'nav.evaluations', nav: { order: 30, key: 'nav.evaluations' } },
      },
      {
        path: 'nominations',
        name: 'nominations',
        component: () => import('@/views/NominationsView.vue'),
        meta: { roles: KANWIL, title: 'nav.nominations', nav: { order: 40, key: 'nav.nominations' } },
      },
      ...surveyRoutes,
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/AuditView.vue'),
        meta: { roles: KANWIL, title: 'nav.audit', nav: { order: 60, key: 'nav.audit' } },
      },
      ...usersRoutes,
      {
        path: 'admin/periods',
        name: 'periods',
        component: () => import('@/views/PeriodsView.vue'),
        meta: { roles: ['ADMIN'], title: 'nav.periods', nav: { order: 80, key: 'nav.periods' } },
      },
      {
        path: 'admin/units',
        name: 'units',
        component: () => import('@/views/UnitsView.vue'),
        meta: { roles: KANWIL, title: 'orgUnits.title', nav: { order: 75, key: 'orgUnits.nav' } },
      },
      {
        path: 'admin/instruments',
        name: 'instruments',
        component: () => import('@/views/InstrumentsView.vue'),
        meta: { roles: ['ADMIN'], title: 'instruments.title', nav: { order: 85, key: 'instruments.nav' } },
      },
      {
        path: 'admin/portalrb',
        name: 'portalrb',
        component: () => import('@/views/PortalRbTokensView.vue'),
        meta: { roles: KANWIL, title: 'tokens.title', nav: { order: 90, key: 'tokens.nav' } },
      },
      {
        path: 'submissions/:id(\\d+)/lke',
        name: 'lke',
        component: () => import('@/modules/lke/routes/LkeView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { title: 'lke.title' },
      },
      {
        path: 'submissions/:id(\\d+)',
        name: 'submission',
        component: () => import('@/views/UnitView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { title: 'unit.title' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { public: true, title: 'common.notFoundTitle' } },
];
