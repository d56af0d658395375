import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/errors';
import * as sessionApi from '@/api/session';
import type { SessionUser } from '@/api/session';
import type { Role } from '@/utils/roles';

/** Who is signed in, with which roles. The server decides everything; this only drives navigation. */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null);
  /** True once we asked the server who we are (so the router guard does not ask twice). */
  const checked = ref(false);
  let pending: Promise<SessionUser | null> | null = null;
  /**
   * The server said the session is gone while the user was working: the page stays as it is (unsaved edits with it),
   * a dialog signs the same user in again in place, and whoever waited for the session continues (saves once).
   */
  const sessionExpired = ref(false);
  const restoredListeners = new Set<() => void>();

  const roles = computed<Role[]>(() => {
    const set = new Set<Role>();
    for (const a of user.value?.roles ?? []) set.add(a.role);
    return [...set];
  });
  const isAuthenticated = computed(() => user.value !== null);
  /** May open the Kanwil comparison: admin, Kanwil head, or a viewer scoped to a Kanwil (not to one satker). */
  const canCompare = computed(() =>
    (user.value?.roles ?? []).some((r) => r.role === 'ADMIN' || r.role === 'KANWIL_HEAD' || (r.role === 'VIEWER' && r.kanwilId != null && r.satkerId == null)),
  );

  function hasRole(...r: Role[]): boolean {
    return r.some((x) => roles.value.includes(x));
  }

  /** Ask the server for the current session (once; concurrent callers share the request). */
  async function ensureSession(force = false): Promise<SessionUser | null> {
    if (checked.value && !force) return user.value;
    if (!pending) {
      pending = sessionApi
        .fetchMe()
        .then((u) => {
          user.value = u;
          return u;
        })
        .catch((err: unknown) => {
          if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
            user.value = null;
            return null;
          }
          throw err;
        })
        .finally(() => {
          checked.value = true;
          pending = null;
        });
    }
    return pending;
  }

  async function login(username: string, password: string): Promise<SessionUser> {
    const u = await sessionApi.login(username, password);
    user.value = u;
    checked.value = true;
    sessionExpired.value = false;
    return u;
  }

  async function logout(): Promise<void> {
    try {
      await sessionApi.logout();
    } finally {
      user.value = null;
      checked.value = true;
      sessionExpired.value = false;
    }
  }

  /** The server said our session is gone. */
  function expire(): void {
    user.value = null;
    checked.value = true;
    sessionExpired.value = false;
  }

  /** The session ended under a signed-in user: keep the page and the user, ask for the password again (idempotent). */
  function expireInPlace(): void {
    sessionExpired.value = true;
  }

  /** Called when the session is back (re-login in place); returns the unsubscribe. */
  function onRestored(fn: () => void): () => void {
    restoredListeners.add(fn);
    return () => restoredListeners.delete(fn);
  }

  /** Sign the expired user in again (the dialog); the same account only, so edits are saved as the one who made them. */
  async function relogin(password: string): Promise<SessionUser> {
    const username = user.value?.username;
    if (!username) throw new ApiError('UNAUTHENTICATED', 'no user to sign in again');
    const u = await sessionApi.login(username, password);
    user.value = u;
    checked.value = true;
    sessionExpired.value = false;
    for (const fn of [...restoredListeners]) fn();
    return u;
  }

  return {
    user,
    checked,
    sessionExpired,
    roles,
    isAuthenticated,
    canCompare,
    hasRole,
    ensureSession,
    login,
    logout,
    expire,
    expireInPlace,
    onRestored,
    relogin,
  };
});
