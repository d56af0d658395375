import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ROLE_SCOPE } from '@pantau/shared';
import type { CreateUserInput, RoleGrantInput, UpdateUserInput } from '@/graphql/generated';
import { fetchKanwils, fetchSatkers, type KanwilRow, type SatkerRow } from '@/api/admin';
import { createUser, fetchUsers, resetUserPassword, updateUser, type UserRow } from '../api';

/** Which scope a role takes: the shared rule the server checks too (here it only shapes the form). */
export function scopeOf(role: RoleGrantInput['role']): 'none' | 'kanwil' | 'satker' | 'either' {
  return ROLE_SCOPE[role];
}

/** A grant with only the scope its role takes (a stale Kanwil on a coordinator is dropped, not sent). */
export function cleanGrant(g: RoleGrantInput): RoleGrantInput {
  const s = scopeOf(g.role);
  return {
    role: g.role,
    kanwilId: s === 'kanwil' || (s === 'either' && g.satkerId == null) ? (g.kanwilId ?? null) : null,
    satkerId: s === 'satker' || (s === 'either' && g.satkerId != null) ? (g.satkerId ?? null) : null,
  };
}

/** Admin user management: the list, create, edit (roles, scopes, active), temporary password. */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserRow[]>([]);
  const satkers = ref<SatkerRow[]>([]);
  const kanwils = ref<KanwilRow[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);

  const satkerById = computed(() => new Map(satkers.value.map((s) => [s.id, s])));
  const kanwilById = computed(() => new Map(kanwils.value.map((k) => [k.id, k])));

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      const [u, s, k] = await Promise.all([fetchUsers(), fetchSatkers(), fetchKanwils()]);
      users.value = u;
      satkers.value = s;
      kanwils.value = k;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  function replace(u: UserRow) {
    const i = users.value.findIndex((x) => x.id === u.id);
    if (i >= 0) users.value.splice(i, 1, u);
    else users.value.push(u);
  }

  async function create(input: CreateUserInput): Promise<void> {
    await createUser({ ...input, roles: input.roles.map(cleanGrant) });
    users.value = await fetchUsers();
  }

  async function update(id: number, input: UpdateUserInput): Promise<UserRow> {
    const u = await updateUser(id, input.roles ? { ...input, roles: input.roles.map(cleanGrant) } : input);
    replace(u);
    return u;
  }

  async function setActive(id: number, active: boolean): Promise<UserRow> {
    return update(id, { active });
  }

  /** Returns the temporary password to hand over (not kept in the store). */
  async function resetPassword(id: number): Promise<string> {
    const r = await resetUserPassword(id);
    replace(r.user);
    return r.temporaryPassword;
  }

  /** "Kanwil Sumut", "IMI-POLONIA" or "" — for the role tags. */
  function scopeLabel(g: { kanwilId?: number | null; satkerId?: number | null }): string {
    if (g.satkerId != null) return satkerById.value.get(g.satkerId)?.code ?? `#${g.satkerId}`;
    if (g.kanwilId != null) return kanwilById.value.get(g.kanwilId)?.code ?? `Kanwil #${g.kanwilId}`;
    return '';
  }

  return { users, satkers, kanwils, loading, error, load, create, update, setActive, resetPassword, scopeLabel };
});
