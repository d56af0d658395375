import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/units', async (orig) => {
  const real = await orig<typeof import('@/api/units')>();
  return {
    ...real,
    fetchOrgUnits: vi.fn(),
    createKanwil: vi.fn(),
    updateKanwil: vi.fn(),
    createSatker: vi.fn(),
    updateSatker: vi.fn(),
    addPredicate: vi.fn(),
    revokePredicate: vi.fn(),
  };
});
import * as api from '@/api/units';
import { useAuthStore } from '@/stores/auth';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import UnitsView from './UnitsView.vue';

const ORG = {
  kanwils: [{ id: 1, code: 'KANWIL-SUMUT', name: 'Kanwil Sumatera Utara' }],
  satkers: [
    {
      id: 10,
      code: 'IMI-MEDAN',
      name: 'Kanim Medan',
      kind: 'KANIM' as const,
      division: 'Imigrasi',
      kanwilId: 1,
      holdsWbk: true,
      predicates: [
        { id: 5, predicate: 'WBK' as const, year: 2024, decreeNumber: 'SK-1/2024', decreeDate: '2024-12-10', revoked: false, revokedAt: null, reason: null },
      ],
    },
    { id: 11, code: 'PAS-RUTAN', name: 'Rutan Medan', kind: 'RUTAN' as const, division: null, kanwilId: 1, holdsWbk: false, predicates: [] },
  ],
};

function mountAs(role: 'ADMIN' | 'KANWIL_HEAD', lang: 'id' | 'en' = 'id') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore();
  auth.checked = true;
  auth.user = {
    id: 1,
    username: 'u',
    displayName: 'U',
    locale: 'id',
    mustChangePassword: false,
    roles: [{ role, kanwilId: role === 'ADMIN' ? null : 1, satkerId: null }],
  };
  return mountWithApp(UnitsView, { pinia, lang, router: blankRouter() }).wrapper;
}
const body = () => document.body;
const q = (sel: string) => body().querySelector(sel) as HTMLElement | null;

describe('UnitsView', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    for (const f of [api.createKanwil, api.updateKanwil, api.createSatker, api.updateSatker, api.addPredicate, api.revokePredicate])
      vi.mocked(f)
        .mockReset()
        .mockResolvedValue({} as never);
    vi.mocked(api.fetchOrgUnits).mockReset().mockResolvedValue(ORG);
  });

  it('lists Kanwil and units; the admin adds a unit with code, name, kind and division', async () => {
    const w = mountAs('ADMIN');
    await flushPromises();
    expect(w.get('[data-test=kanwil-table]').text()).toContain('KANWIL-SUMUT');
    expect(w.get('[data-test=satker-table]').text()).toContain('IMI-MEDAN');
    expect(w.get('[data-test=satker-table]').text()).toContain('WBK 2024');
    expect(w.find('[data-test=add-kanwil]').exists()).toBe(true);

    await w.get('[data-test=add-satker]').trigger('click');
    await flushPromises();
    const set = (sel: string, v: string) => {
      const el = q(`${sel} input`) as HTMLInputElement;
      el.value = v;
      el.dispatchEvent(new Event('input'));
    };
    set('[data-test=satker-code]', 'PAS-LAPAS-X');
    set('[data-test=satker-name]', 'Lapas X');
    set('[data-test=satker-division]', 'Pemasyarakatan');
    await flushPromises();
    q('[data-test=satker-save]')!.click();
    await flushPromises();
    expect(api.createSatker).toHaveBeenCalledWith({ code: 'PAS-LAPAS-X', name: 'Lapas X', kind: 'KANIM', division: 'Pemasyarakatan', kanwilId: 1 });
    expect(api.fetchOrgUnits).toHaveBeenCalledTimes(2);
  });

  it('a Kanwil head sees Kanwil read-only; a refused save shows the human message', async () => {
    vi.mocked(api.updateSatker).mockRejectedValue(new ApiError('FORBIDDEN', 'Hanya admin atau Kepala Kanwil tersebut'));
    const w = mountAs('KANWIL_HEAD', 'en');
    await flushPromises();
    expect(w.find('[data-test=add-kanwil]').exists()).toBe(false);
    expect(w.get('[data-test=kanwil-card]').text()).toContain('Only an administrator can add or edit a Kanwil');
    await w.get('[data-test=edit-satker-IMI-MEDAN]').trigger('click');
    await flushPromises();
    expect((q('[data-test=satker-code] input') as HTMLInputElement).disabled).toBe(true);
    q('[data-test=satker-save]')!.click();
    await flushPromises();
    expect(api.updateSatker).toHaveBeenCalledWith(10, { name: 'Kanim Medan', kind: 'KANIM', division: 'Imigrasi' });
    expect(q('[data-test=satker-error]')!.textContent).toContain('You are not allowed');
  });

  it('shows the predicate history, adds a predicate and revokes one explaining the 2-year ban', async () => {
    const w = mountAs('ADMIN');
    await flushPromises();
    await w.get('[data-test=predicates-IMI-MEDAN]').trigger('click');
    await flushPromises();
    expect(q('[data-test=predicate-table]')!.textContent).toContain('SK-1/2024');

    q('[data-test=add-predicate-save]')!.click();
    await flushPromises();
    expect(api.addPredicate).toHaveBeenCalledWith(10, { predicate: 'WBK', year: new Date().getFullYear(), decreeNumber: null, decreeDate: null });

    q('[data-test=revoke-5]')!.click();
    await flushPromises();
    expect(q('[data-test=revoke-ban]')!.textContent).toContain('2 tahun');
    expect((q('[data-test=revoke-confirm]') as HTMLButtonElement).disabled).toBe(true);
  });
});
