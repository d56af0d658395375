import { flushPromises } from '@vue/test-utils';
import { NSelect } from 'naive-ui';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/admin', () => ({ fetchKanwils: vi.fn() }));
vi.mock('@/api/portalrb', () => ({
  fetchPortalRbTokens: vi.fn(),
  fetchInstansiList: vi.fn(),
  createPortalRbToken: vi.fn(),
  rotatePortalRbToken: vi.fn(),
  revokePortalRbToken: vi.fn(),
}));
import * as admin from '@/api/admin';
import * as api from '@/api/portalrb';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from '@/stores/auth';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import PortalRbTokensView from './PortalRbTokensView.vue';

const TOKEN = {
  id: 1,
  kanwilId: 1,
  instansiId: null,
  prefix: 'pzrb_abc1234',
  createdAt: '2026-11-01T00:00:00Z',
  revokedAt: null,
  createdBy: { id: 1, displayName: 'Admin' },
};
const q = (sel: string) => document.body.querySelector(sel) as HTMLElement;

describe('PortalRbTokensView', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(admin.fetchKanwils)
      .mockReset()
      .mockResolvedValue([{ id: 1, code: 'KW-DEMO', name: 'Kanwil Demo', instansiId: 1 }]);
    vi.mocked(api.fetchPortalRbTokens).mockReset().mockResolvedValue([TOKEN]);
    vi.mocked(api.fetchInstansiList)
      .mockReset()
      .mockResolvedValue([{ id: 3, code: 'KEMENIMIPAS', name: 'Kementerian Imigrasi dan Pemasyarakatan' }]);
    vi.mocked(api.createPortalRbToken)
      .mockReset()
      .mockResolvedValue({ token: 'pzrb_abc1234-SECRET', revokedTokenIds: [], info: { ...TOKEN, id: 2 } });
  });

  it('lists tokens by prefix, creates one and shows the plaintext once with a copy button and a warning', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { wrapper } = mountWithApp(PortalRbTokensView, { router: blankRouter() });
    await flushPromises();
    expect(api.fetchPortalRbTokens).toHaveBeenCalledWith({ kanwilId: 1 });
    expect(api.fetchInstansiList).not.toHaveBeenCalled(); // not an admin
    expect(wrapper.get('[data-test=token-table]').text()).toContain('pzrb_abc1234…');
    expect(wrapper.get('[data-test=token-table]').text()).not.toContain('SECRET');

    await wrapper.get('[data-test=create-token]').trigger('click');
    await flushPromises();
    expect((q('[data-test=issued-token] input') as HTMLInputElement).value).toBe('pzrb_abc1234-SECRET');
    expect(q('[data-test=issued-warning]').textContent).toContain('tidak akan ditampilkan lagi');
    q('[data-test=copy-token]').click();
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('pzrb_abc1234-SECRET');
    expect(q('[data-test=copy-token]').textContent).toContain('Tersalin');
    q('[data-test=issued-close]').click();
    await flushPromises();
    await vi.waitFor(() => expect(document.body.textContent).not.toContain('SECRET'));
  });

  it('shows empty and error states', async () => {
    vi.mocked(api.fetchPortalRbTokens).mockResolvedValue([]);
    const a = mountWithApp(PortalRbTokensView, { router: blankRouter() }).wrapper;
    await flushPromises();
    expect(a.get('[data-test=empty]').text()).toContain('Belum ada token');
    a.unmount();
    vi.mocked(api.fetchPortalRbTokens).mockRejectedValue(new ApiError('FORBIDDEN', 'Hanya admin atau Kepala Kanwil'));
    const b = mountWithApp(PortalRbTokensView, { router: blankRouter(), lang: 'en' }).wrapper;
    await flushPromises();
    expect(b.get('[data-test=error]').text()).toContain('You are not allowed');
  });

  it('lets the admin pick an instansi: its tokens are listed and issued for the instansi', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const auth = useAuthStore();
    auth.checked = true;
    auth.user = {
      id: 1,
      username: 'admin',
      displayName: 'Admin',
      locale: 'id',
      mustChangePassword: false,
      roles: [{ role: 'ADMIN', kanwilId: null, satkerId: null }],
    };
    const { wrapper } = mountWithApp(PortalRbTokensView, { pinia, router: blankRouter() });
    await flushPromises();
    expect(api.fetchInstansiList).toHaveBeenCalled();
    expect(wrapper.get('[data-test=token-owner]').text()).toContain('KW-DEMO');
    const select = wrapper.findComponent(NSelect);
    const options = select.props('options') as { value: string; label: string }[];
    expect(options.map((o) => o.label)).toEqual(['KW-DEMO — Kanwil Demo', 'Instansi: Kementerian Imigrasi dan Pemasyarakatan (seluruh Kanwil)']);
    select.vm.$emit('update:value', options[1].value);
    await flushPromises();
    expect(api.fetchPortalRbTokens).toHaveBeenLastCalledWith({ instansiId: 3 });
    await wrapper.get('[data-test=create-token]').trigger('click');
    await flushPromises();
    expect(api.createPortalRbToken).toHaveBeenCalledWith({ instansiId: 3 });
  });
});
