import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';

vi.mock('@/api/session', () => ({ fetchMe: vi.fn(async () => null), login: vi.fn(), logout: vi.fn() }));
vi.mock('../api', () => ({ fetchReviewRoutes: vi.fn(), setReviewRoute: vi.fn() }));
import * as api from '../api';
import { mountWithApp } from '@/test/mount';
import ReviewRoutesCard from './ReviewRoutesCard.vue';

const row = (id: number, code: string, eselonStep: boolean, levels: string[], configured = false) =>
  ({ periodId: 4, configured, instansi: { id, code, name: `Kementerian ${code}` }, route: { eselonStep, deskTeam: 'TPI', levels } }) as never;

describe('ReviewRoutesCard', () => {
  beforeEach(() => {
    vi.mocked(api.fetchReviewRoutes).mockReset();
    vi.mocked(api.setReviewRoute).mockReset();
  });

  it('lists each instansi’s route with its steps and saves a changed one', async () => {
    vi.mocked(api.fetchReviewRoutes).mockResolvedValue([
      row(1, 'KEMENIMIPAS', false, ['SELF', 'KANWIL', 'TPI', 'TPN']),
      row(2, 'KEMENKUM', false, ['SELF', 'KANWIL', 'TPI', 'TPN']),
    ]);
    vi.mocked(api.setReviewRoute).mockResolvedValue(row(1, 'KEMENIMIPAS', true, ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN'], true));
    const { wrapper } = mountWithApp(ReviewRoutesCard, { props: { periodId: 4 } });
    await flushPromises();
    expect(api.fetchReviewRoutes).toHaveBeenCalledWith(4);
    const imipas = wrapper.get('[data-test=route-KEMENIMIPAS]');
    expect(imipas.text()).toContain('bawaan');
    expect(imipas.get('[data-test=route-save]').attributes('disabled')).toBeDefined();
    await imipas.get('[data-test=route-eselon]').trigger('click');
    expect(imipas.get('[data-test=route-save]').attributes('disabled')).toBeUndefined();
    await imipas.get('[data-test=route-save]').trigger('click');
    await flushPromises();
    expect(api.setReviewRoute).toHaveBeenCalledWith(4, 1, true, 'TPI');
    const after = wrapper.get('[data-test=route-KEMENIMIPAS]');
    expect(after.text()).toContain('diatur');
    expect(after.get('[data-test=route-levels]').text().split(' → ')).toHaveLength(5);
    // the other instansi is untouched
    expect(wrapper.get('[data-test=route-KEMENKUM] [data-test=route-levels]').text().split(' → ')).toHaveLength(4);
  });

  it('shows the server’s refusal (a route locked once a unit went past the Kanwil)', async () => {
    vi.mocked(api.fetchReviewRoutes).mockResolvedValue([row(1, 'KEMENIMIPAS', true, ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN'], true)]);
    vi.mocked(api.setReviewRoute).mockRejectedValue(new ApiError('INVALID_STATE', 'Alur tidak dapat diubah: sudah melewati tahap Kanwil'));
    const { wrapper } = mountWithApp(ReviewRoutesCard, { props: { periodId: 4 } });
    await flushPromises();
    await wrapper.get('[data-test=route-eselon]').trigger('click');
    await wrapper.get('[data-test=route-save]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=routes-error]').text()).toContain('sudah melewati tahap Kanwil');
  });
});
