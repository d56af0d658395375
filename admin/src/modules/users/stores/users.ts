import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ROLE_SCOPE } from '@pantau/shared';
import type { CreateUserInput, RoleGrantInput, UpdateUserInput } from '@/graphql/generated';
import { fetchKanwils, fetchOrganisation, fetchSatkers, type KanwilRow, type OrganisationRows, type SatkerRow } from '@/api/admin';
import { createUser, fetchUsers, resetUserPassword, updateUser, type UserRow } from '../api';

/** Which scope a role takes: the shared rule the server checks too (here it only shapes the form). */
export function scopeOf(role: RoleGrantInput['role']): (typeof ROLE_SCOPE)[RoleGrantInput['role']] {
  return ROLE_SCOPE[role];
}

/** A grant with only the scope its role takes (a stale Kanwil on a coordinator is dropped, not sent). */
export function cleanGrant(g: RoleGrantInput): RoleGrantInput {
  const s = scopeOf(g.role);
  const wide = s === 'kanwil' || s === 'either';
  return {
    role: g.role,
    kanwilId: s === 'kanwil' || (s === 'either' && g.satkerId == null) ? (g.kanwilId ?? null) : null,
    satkerId: s === 'satker' || (s === 'either' && g.satkerId != null) ? (g.satkerId ?? null) : null,
    // the reviewers of a route's later steps: one Eselon I unit, or one instansi (its own team, TPM); a Kanwil-level
    // grant held on a whole Eselon I unit or instansi keeps it
    eselonId: s === 'eselon' || (wide && g.kanwilId == null && g.satkerId == null) ? (g.eselonId ?? null) : null,
    instansiId: s === 'instansi' || (wide && g.kanwilId == null && g.satkerId == null && g.eselonId == null) ? (g.instansiId ?? null) : null,
  };
}

/** Admin user management: the list, create, edit (roles, scopes, active), temporary password. */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserRow[]>([]);
  const satkers = ref<SatkerRow[]>([]);
  const kanwils = ref<KanwilRow[]>([]);
  const organisation = ref<OrganisationRows>({ instansiList: [], eselonUnits: [] });
  const loading = ref(false);
  const error = ref<unknown>(null);

  const satkerById = computed(() => new Map(satkers.value.map((s) => [s.id, s])));
  const kanwilById = computed(() => new Map(kanwils.value.map((k) => [k.id, k])));

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      const [u, s, k, o] = await Promise.all([fetchUsers(), fetchSatkers(), fetchKanwils(), fetchOrganisation()]);
      users.value = u;
      satkers.value = s;
      kanwils.value = k;
      organisation.value = o;
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
  function scopeLabel(g: { kanwilId?: number | null; satkerId?: number | null; eselonId?: number | null; instansiId?: number | null }): string {
    if (g.satkerId != null) return satkerById.value.get(g.satkerId)?.code ?? `#${g.satkerId}`;
    if (g.kanwilId != null) return kanwilById.value.get(g.kanwilId)?.code ?? `Kanwil #${g.kanwilId}`;
    if (g.eselonId != null) return organisation.value.eselonUnits.find((e) => e.id === g.eselonId)?.code ?? `Eselon I #${g.eselonId}`;
    if (g.instansiId != null) return organisation.value.instansiList.find((x) => x.id === g.instansiId)?.code ?? `#${g.instansiId}`;
    return '';
  }

  return { users, satkers, kanwils, organisation, loading, error, load, create, update, setActive, resetPassword, scopeLabel };
});
