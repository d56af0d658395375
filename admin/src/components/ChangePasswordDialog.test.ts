import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('@/api/portalrb', () => ({ changePassword: vi.fn() }));
import * as api from '@/api/portalrb';
import { mountWithApp } from '@/test/mount';
import { blankRouter } from '@/test/router';
import ChangePasswordDialog from './ChangePasswordDialog.vue';

const q = (sel: string) => document.body.querySelector(sel) as HTMLElement;
async function type(sel: string, v: string) {
  const el = q(`${sel} input`) as HTMLInputElement;
  el.value = v;
  el.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('ChangePasswordDialog', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.mocked(api.changePassword).mockReset();
  });

  it('checks length and repetition, then changes the password', async () => {
    vi.mocked(api.changePassword).mockResolvedValue(true);
    mountWithApp(ChangePasswordDialog, { router: blankRouter(), props: { show: true } });
    await flushPromises();
    await type('[data-test=old-password]', 'lama-sekali');
    await type('[data-test=new-password]', 'pendek');
    await type('[data-test=confirm-password]', 'lain');
    expect(document.body.textContent).toContain('Kedua kata sandi baru tidak sama');
    expect((q('[data-test=password-save]') as HTMLButtonElement).disabled).toBe(true);
    await type('[data-test=new-password]', 'baru-panjang-1');
    await type('[data-test=confirm-password]', 'baru-panjang-1');
    q('[data-test=password-save]').click();
    await flushPromises();
    expect(api.changePassword).toHaveBeenCalledWith('lama-sekali', 'baru-panjang-1');
    expect(q('[data-test=password-done]').textContent).toContain('Kata sandi diganti');
  });

  it('shows a wrong current password as a human message', async () => {
    vi.mocked(api.changePassword).mockRejectedValue(new ApiError('BAD_USER_INPUT', 'Kata sandi lama salah'));
    mountWithApp(ChangePasswordDialog, { router: blankRouter(), props: { show: true }, lang: 'en' });
    await flushPromises();
    await type('[data-test=old-password]', 'salah-salah');
    await type('[data-test=new-password]', 'baru-panjang-1');
    await type('[data-test=confirm-password]', 'baru-panjang-1');
    q('[data-test=password-save]').click();
    await flushPromises();
    expect(q('[data-test=password-error]').textContent).toContain('Kata sandi lama salah');
  });

  it('forced (temporary password): explains why, offers no way out, reports the change', async () => {
    vi.mocked(api.changePassword).mockResolvedValue(true);
    const { wrapper } = mountWithApp(ChangePasswordDialog, { router: blankRouter(), props: { show: true, forced: true } });
    await flushPromises();
    expect(q('[data-test=password-forced]').textContent).toContain('kata sandi sementara');
    expect([...document.body.querySelectorAll('[data-test=password-dialog] button')].map((b) => b.textContent?.trim())).not.toContain('Tutup');
    expect(document.body.querySelector('[data-test=password-dialog] .n-card-header__close')).toBeNull();
    await type('[data-test=old-password]', 'Sementara234');
    await type('[data-test=new-password]', 'baru-panjang-1');
    await type('[data-test=confirm-password]', 'baru-panjang-1');
    q('[data-test=password-save]').click();
    await flushPromises();
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });
});
