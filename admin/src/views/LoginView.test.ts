import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
import * as session from '@/api/session';
import { createAppRouter } from '@/router';
import { mountWithApp } from '@/test/mount';
import LoginView from './LoginView.vue';

async function setup(path: string) {
  const pinia = createPinia();
  vi.mocked(session.fetchMe).mockResolvedValue(null);
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const { wrapper } = mountWithApp(LoginView, { router, pinia });
  return { wrapper, router };
}

describe('LoginView', () => {
  beforeEach(() => vi.mocked(session.login).mockReset());

  it('signs in and returns to the page the user came from', { timeout: 30_000 }, async () => {
    vi.mocked(session.login).mockResolvedValue({
      id: 1,
      username: 'kakanwil',
      displayName: 'K',
      locale: 'id',
      mustChangePassword: false,
      roles: [{ role: 'KANWIL_HEAD', kanwilId: 1, satkerId: null }],
    });
    const { wrapper, router } = await setup('/login?redirect=/submissions/3/lke');
    await wrapper.get('#username').setValue('kakanwil');
    await wrapper.get('#password').setValue('rahasia');
    await wrapper.get('[data-test=login-submit]').trigger('click');
    await flushPromises();
    expect(session.login).toHaveBeenCalledWith('kakanwil', 'rahasia');
    // (the lazy LKE route is transformed on first import: slow on a loaded machine)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/submissions/3/lke'), { timeout: 20_000 });
  });

  it('asks for both fields before calling the server', async () => {
    const { wrapper } = await setup('/login');
    await wrapper.get('[data-test=login-submit]').trigger('click');
    await flushPromises();
    expect(session.login).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Wajib diisi');
  });

  it('Enter on the password field and the submit click send ONE login request', async () => {
    const me = {
      id: 1,
      username: 'kakanwil',
      displayName: 'K',
      locale: 'id',
      mustChangePassword: false,
      roles: [{ role: 'KANWIL_HEAD', kanwilId: 1, satkerId: null }],
    };
    vi.mocked(session.login).mockImplementation(() => new Promise((r) => setTimeout(() => r(me), 200)) as never);
    const { wrapper } = await setup('/login');
    await wrapper.get('#username').setValue('kakanwil');
    await wrapper.get('#password').setValue('rahasia');
    // what a browser does on Enter: keydown/keyup on the field and the implicit click on the submit button
    void wrapper.get('[data-test=login-submit]').trigger('click');
    void wrapper.get('#password').trigger('keyup', { key: 'Enter' });
    void wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(session.login).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 300));
    await flushPromises();
  });
});
