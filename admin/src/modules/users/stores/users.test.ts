import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api/admin', () => ({ fetchSatkers: vi.fn(), fetchKanwils: vi.fn(), fetchOrganisation: vi.fn() }));
vi.mock('../api', () => ({ fetchUsers: vi.fn(), createUser: vi.fn(), updateUser: vi.fn(), resetUserPassword: vi.fn() }));
import * as admin from '@/api/admin';
import * as api from '../api';
import { cleanGrant, scopeOf, useUsersStore } from './users';

const user = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  username: `u${id}`,
  displayName: `U ${id}`,
  locale: 'id',
  email: null,
  active: true,
  mustChangePassword: false,
  roles: [{ role: 'COORDINATOR', kanwilId: null, satkerId: 5 }],
  ...extra,
});

describe('useUsersStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(api.fetchUsers)
      .mockReset()
      .mockResolvedValue([user(1), user(2)] as never);
    vi.mocked(admin.fetchSatkers).mockResolvedValue([{ id: 5, code: 'IMI-POLONIA', name: 'Kanim Polonia', kind: 'KANIM', kanwilId: 1 }] as never);
    vi.mocked(admin.fetchKanwils).mockResolvedValue([{ id: 1, code: 'SUMUT', name: 'Kanwil Sumut' }] as never);
    vi.mocked(admin.fetchOrganisation).mockResolvedValue({
      instansiList: [{ id: 2, code: 'KEMENIMIPAS', name: 'Kemenimipas' }],
      eselonUnits: [{ id: 3, code: 'DITJENIM', name: 'Ditjen Imigrasi', instansiId: 2 }],
    } as never);
  });

  it('loads users, units and Kanwils; labels scopes by code', async () => {
    const s = useUsersStore();
    await s.load();
    expect(s.users).toHaveLength(2);
    expect(s.scopeLabel({ satkerId: 5 })).toBe('IMI-POLONIA');
    expect(s.scopeLabel({ kanwilId: 1 })).toBe('SUMUT');
    expect(s.scopeLabel({})).toBe('');
  });

  it('keeps the load error for the page', async () => {
    vi.mocked(api.fetchUsers).mockRejectedValue(new Error('down'));
    const s = useUsersStore();
    await s.load();
    expect((s.error as Error).message).toBe('down');
  });

  it('update sends only the scope each role takes and replaces the row', async () => {
    const s = useUsersStore();
    await s.load();
    vi.mocked(api.updateUser).mockResolvedValue(user(2, { roles: [{ role: 'KANWIL_HEAD', kanwilId: 1, satkerId: null }] }) as never);
    await s.update(2, {
      roles: [
        { role: 'KANWIL_HEAD', kanwilId: 1, satkerId: 5 },
        { role: 'ADMIN', kanwilId: 1 },
      ],
    });
    expect(api.updateUser).toHaveBeenCalledWith(2, {
      roles: [
        { role: 'KANWIL_HEAD', kanwilId: 1, satkerId: null, eselonId: null, instansiId: null },
        { role: 'ADMIN', kanwilId: null, satkerId: null, eselonId: null, instansiId: null },
      ],
    });
    expect(s.users[1].roles[0].role).toBe('KANWIL_HEAD');
  });

  it('resetPassword returns the temporary password and marks the user', async () => {
    const s = useUsersStore();
    await s.load();
    vi.mocked(api.resetUserPassword).mockResolvedValue({ temporaryPassword: 'abcDEF234567xy', user: user(1, { mustChangePassword: true }) } as never);
    expect(await s.resetPassword(1)).toBe('abcDEF234567xy');
    expect(s.users[0].mustChangePassword).toBe(true);
  });

  it('scopes by role; a viewer keeps the unit when one is chosen', () => {
    expect(scopeOf('ADMIN')).toBe('none');
    expect(scopeOf('VIEWER')).toBe('either');
    expect(cleanGrant({ role: 'VIEWER', kanwilId: 1, satkerId: 5 })).toEqual({ role: 'VIEWER', kanwilId: null, satkerId: 5, eselonId: null, instansiId: null });
    expect(cleanGrant({ role: 'VIEWER', kanwilId: 1, satkerId: null })).toEqual({
      role: 'VIEWER',
      kanwilId: 1,
      satkerId: null,
      eselonId: null,
      instansiId: null,
    });
    expect(cleanGrant({ role: 'COORDINATOR', kanwilId: 1, satkerId: 5 })).toEqual({
      role: 'COORDINATOR',
      kanwilId: null,
      satkerId: 5,
      eselonId: null,
      instansiId: null,
    });
  });

  it('the route reviewers take one Eselon I unit or one instansi; a pembina keeps its Eselon I scope', async () => {
    expect(scopeOf('ESELON_REVIEWER')).toBe('eselon');
    expect(scopeOf('TPM_EVALUATOR')).toBe('instansi');
    expect(cleanGrant({ role: 'ESELON_REVIEWER', kanwilId: 1, satkerId: null, eselonId: 3 })).toEqual({
      role: 'ESELON_REVIEWER',
      kanwilId: null,
      satkerId: null,
      eselonId: 3,
      instansiId: null,
    });
    expect(cleanGrant({ role: 'TPM_EVALUATOR', kanwilId: null, satkerId: 5, instansiId: 2 })).toMatchObject({ kanwilId: null, satkerId: null, instansiId: 2 });
    expect(cleanGrant({ role: 'KANWIL_HEAD', kanwilId: null, satkerId: null, eselonId: 3 })).toMatchObject({ kanwilId: null, eselonId: 3 });
    const s = useUsersStore();
    await s.load();
    expect(s.scopeLabel({ eselonId: 3 })).toBe('DITJENIM');
    expect(s.scopeLabel({ instansiId: 2 })).toBe('KEMENIMIPAS');
  });
});
