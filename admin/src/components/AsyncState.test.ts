import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { mountWithApp } from '@/test/mount';
import AsyncState from './AsyncState.vue';

describe('AsyncState', () => {
  it('shows loading, then the error with our message and the server detail, then empty, then content', async () => {
    const slots = { default: () => 'CONTENT' };
    const loading = mountWithApp(AsyncState, { props: { loading: true }, slots }).wrapper;
    expect(loading.find('[data-test=loading]').exists()).toBe(true);

    const err = mountWithApp(AsyncState, { props: { loading: false, error: new ApiError('FORBIDDEN', 'Hanya admin') }, slots }).wrapper;
    expect(err.get('[data-test=error]').text()).toContain('Anda tidak berwenang');
    expect(err.get('[data-test=error]').text()).toContain('Hanya admin');

    const net = mountWithApp(AsyncState, { props: { loading: false, error: new ApiError('NETWORK', 'Failed to fetch') }, slots, lang: 'en' }).wrapper;
    expect(net.get('[data-test=error]').text()).toContain('Cannot reach the server');
    expect(net.get('[data-test=error]').text()).not.toContain('Failed to fetch');

    const empty = mountWithApp(AsyncState, { props: { loading: false, empty: true, emptyText: 'Kosong' }, slots }).wrapper;
    expect(empty.get('[data-test=empty]').text()).toContain('Kosong');

    const ok = mountWithApp(AsyncState, { props: { loading: false }, slots }).wrapper;
    expect(ok.text()).toBe('CONTENT');
  });
});
