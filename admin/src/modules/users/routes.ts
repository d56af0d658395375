import type { RouteRecordRaw } from 'vue-router';

/** Admin: users, their roles and scopes (inside the app layout). */
export const usersRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('./components/UsersPage.vue'),
    meta: { roles: ['ADMIN'], title: 'nav.users', nav: { order: 70, key: 'nav.users' } },
  },
];
