import type { RouteRecordRaw } from 'vue-router';

/** The public response page (no login, outside the app layout): /survei/<link token>. */
export const publicSurveyRoutes: RouteRecordRaw[] = [
  {
    path: '/survei/:token',
    name: 'public-survey',
    component: () => import('./components/PublicSurveyPage.vue'),
    props: (r) => ({ token: String(r.params.token) }),
    meta: { public: true, title: 'app.name' },
  },
];

/** The unit's survey rounds (inside the app layout). */
export const surveyRoutes: RouteRecordRaw[] = [
  {
    path: 'surveys',
    name: 'surveys',
    component: () => import('./components/SurveyRoundsPage.vue'),
    props: (r) => ({ satkerId: r.query.satker ? Number(r.query.satker) : null }),
    meta: { roles: ['ADMIN', 'KANWIL_HEAD', 'COORDINATOR', 'VIEWER'], title: 'nav.surveys', nav: { order: 45, key: 'nav.surveys' } },
  },
];
