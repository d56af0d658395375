import { flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '@pantau/shared';
import { mountWithApp } from '@/test/mount';
import PagedHeatmap from './PagedHeatmap.vue';

const AREAS = ['1', '2', '3', '4', '5', '6'].map((code) => ({ code, name: `Area ${code}` }));
const unitsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    label: `U${i + 1}`,
    name: `Unit ${i + 1}`,
    threshold: i % 2 ? THRESHOLDS.WBBM.areaPercent : THRESHOLDS.WBK.areaPercent,
    submissionId: 100 + i,
  }));

const blank = defineComponent({ render: () => h('div') });
const makeRouter = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/submissions/:id/lke', name: 'lke', component: blank },
      { path: '/:pathMatch(.*)*', component: blank },
    ],
  });

describe('PagedHeatmap', () => {
  it('draws 1,000 units a page of 30 rows at a time (an HTML table, no canvas), and pages', async () => {
    const units = unitsOf(1000);
    const values = units.map(() => AREAS.map(() => 50));
    const { wrapper } = mountWithApp(PagedHeatmap, { props: { units, areas: AREAS, values, lang: 'id' }, router: makeRouter() });
    expect(wrapper.findAll('[data-test=heatmap-row]')).toHaveLength(30);
    expect(wrapper.find('canvas').exists()).toBe(false);
    expect(wrapper.get('[data-test=heatmap-range]').text().replace(/\s/g, '')).toBe('1–30/1000');
    await wrapper
      .findAll('[data-test=heatmap-pager] .n-pagination-item')
      .find((el) => el.text() === '2')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test=heatmap-range]').text().replace(/\s/g, '')).toBe('31–60/1000');
    expect(wrapper.findAll('[data-test=heatmap-row]')[0]!.text()).toContain('U31');
    wrapper.unmount();
  });

  it("colours a cell against the unit's own target minimum (60 % WBK, 75 % WBBM) and links it to the unit's LKE area", async () => {
    const units = unitsOf(2); // U1 WBK, U2 WBBM
    const values = [
      [70, 59.99, 44.99, null, 60, 60],
      [70, 75, 60, null, 74.999, 59.9],
    ];
    const { wrapper, router } = mountWithApp(PagedHeatmap, { props: { units, areas: AREAS, values, lang: 'id' }, router: makeRouter() });
    const cls = (u: string, a: string) => wrapper.get(`[data-test=heat-link-${u}-${a}]`).element.parentElement!.className;
    expect(['1', '2', '3', '4', '5'].map((a) => cls('U1', a))).toEqual(['pz-heat-met', 'pz-heat-near', 'pz-heat-below', 'pz-heat-none', 'pz-heat-met']);
    expect(['1', '2', '3', '5', '6'].map((a) => cls('U2', a))).toEqual(['pz-heat-near', 'pz-heat-met', 'pz-heat-near', 'pz-heat-near', 'pz-heat-below']);
    // values are cut, never rounded up to the minimum
    expect(wrapper.get('[data-test=heat-link-U1-2]').text()).toBe('59');
    expect(wrapper.get('[data-test=heat-link-U1-4]').text()).toBe('–');
    expect(wrapper.get('[data-test=heat-link-U2-3]').attributes('href')).toBe(router.resolve({ path: '/submissions/101/lke', query: { area: '3' } }).href);
    expect(wrapper.text()).toContain('≤ 15 poin di bawah');
    wrapper.unmount();
  });

  it('shows no pager for one page', () => {
    const units = unitsOf(5);
    const { wrapper } = mountWithApp(PagedHeatmap, {
      props: { units, areas: AREAS, values: units.map(() => AREAS.map(() => 80)), lang: 'en' },
      lang: 'en',
      router: makeRouter(),
    });
    expect(wrapper.findAll('[data-test=heatmap-row]')).toHaveLength(5);
    expect(wrapper.find('[data-test=heatmap-pager]').exists()).toBe(false);
    expect(wrapper.text()).toContain('≤ 15 points below');
    wrapper.unmount();
  });
});
