import { nextTick } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountWithApp } from '@/test/mount';
import WhenVisible from './WhenVisible.vue';

type Callback = (entries: { isIntersecting: boolean }[]) => void;
let fire: Callback | null = null;
const disconnect = vi.fn();
class FakeObserver {
  constructor(cb: Callback) {
    fire = cb;
  }
  observe() {}
  disconnect = disconnect;
}

afterEach(() => {
  vi.unstubAllGlobals();
  fire = null;
});

describe('WhenVisible', () => {
  it('renders its slot only once its place comes near the viewport, then stops observing', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { wrapper } = mountWithApp(WhenVisible, { props: { minHeight: 420 }, slots: { default: '<p data-test="heavy">chart</p>' } });
    expect(wrapper.find('[data-test=heavy]').exists()).toBe(false);
    expect(wrapper.get('[data-test=when-visible]').attributes('style')).toContain('min-height: 420px');
    fire!([{ isIntersecting: false }]);
    await nextTick();
    expect(wrapper.find('[data-test=heavy]').exists()).toBe(false);
    fire!([{ isIntersecting: true }]);
    await nextTick();
    expect(wrapper.find('[data-test=heavy]').exists()).toBe(true);
    expect(disconnect).toHaveBeenCalled();
    wrapper.unmount();
  });

  it('renders at once where there is no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { wrapper } = mountWithApp(WhenVisible, { slots: { default: '<p data-test="heavy">chart</p>' } });
    expect(wrapper.find('[data-test=heavy]').exists()).toBe(true);
    wrapper.unmount();
  });
});
