import { flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import type { ProgressData } from '@/api/progress';

// the chart library needs a canvas: stand in for vue-echarts and expose the option it would draw
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChartStub',
    props: { option: { type: Object, required: true } },
    setup: (p) => () => h('div', { 'data-option': JSON.stringify(p.option) }),
  }),
}));
vi.mock('@/components/charts/echarts', () => ({}));
vi.mock('@/api/progress', () => ({ fetchProgress: vi.fn() }));
import * as api from '@/api/progress';
import { mountWithApp } from '@/test/mount';
import ProgressCard from './ProgressCard.vue';

const DATA: ProgressData = {
  level: 'SELF',
  weeks: [
    {
      week: '2026-W46',
      start: '2026-11-09T00:00:00.000Z',
      asOf: '2026-11-16T00:00:00.000Z',
      submissions: 2,
      averageCompleteness: 0.5,
      averageSelfTotal: 40.123,
    },
    { week: '2026-W47', start: '2026-11-16T00:00:00.000Z', asOf: '2026-11-22T11:00:00.000Z', submissions: 2, averageCompleteness: 0.755, averageSelfTotal: 55 },
  ],
  levels: [
    { level: 'SELF', submissions: [2, 2], averageCompleteness: [0.5, 0.755], averageTotal: [40.123, 55] },
    { level: 'KANWIL', submissions: [0, 1], averageCompleteness: [null, 0.9], averageTotal: [null, 61.004] },
    { level: 'TPI', submissions: [0, 0], averageCompleteness: [null, null], averageTotal: [null, null] },
    { level: 'TPN', submissions: [0, 0], averageCompleteness: [null, null], averageTotal: [null, null] },
  ],
  units: [
    { satker: { id: 11, code: 'IMI-A', name: 'Kanim A' }, submissionId: 1, completeness: [0.4, 0.6], selfTotal: [30, 45.555] },
    { satker: { id: 12, code: 'IMI-B', name: 'Kanim B' }, submissionId: 2, completeness: [0.6, 0.91], selfTotal: [50.246, 64.4] },
  ],
};

const optionOf = (w: ReturnType<typeof mountWithApp>['wrapper']) => JSON.parse(w.get('[data-test=progress-chart]').attributes('data-option')!);

describe('ProgressCard', () => {
  it('draws the Kanwil average completeness (%) and the average score of every level with values by ISO week, and adds the chosen units', async () => {
    vi.mocked(api.fetchProgress).mockResolvedValue(DATA);
    const { wrapper } = mountWithApp(ProgressCard, { props: { periodId: 3 } });
    await flushPromises();
    expect(api.fetchProgress).toHaveBeenCalledWith(3, undefined);
    expect(wrapper.text()).toContain('Perkembangan dari waktu ke waktu');
    let option = optionOf(wrapper);
    expect(option.xAxis.data).toEqual(['2026-W46', '2026-W47']);
    expect(option.series.map((s: any) => s.name)).toEqual([
      'Rata-rata kelengkapan Kanwil (%)',
      'Rata-rata nilai Kanwil · Mandiri',
      'Rata-rata nilai Kanwil · Kanwil',
    ]);
    expect(option.series[0].data).toEqual([50, 75.5]);
    expect(option.series[1].data).toEqual([40.12, 55]);
    expect(option.series[2].data).toEqual([null, 61]); // a level without values yet (TPI, TPN) draws no line

    // choose a unit: its score and completeness lines join the chart
    (wrapper.vm as unknown as { $: { setupState: { picked: number[] } } }).$.setupState.picked = [12];
    await flushPromises();
    option = optionOf(wrapper);
    expect(option.series).toHaveLength(5);
    expect(option.series[3]).toMatchObject({ name: 'IMI-B · nilai', data: [50.25, 64.4] });
    expect(option.series[4]).toMatchObject({ name: 'IMI-B · kelengkapan (%)', data: [60, 91], lineStyle: { type: 'dashed' } });
  });

  it('speaks English too', async () => {
    vi.mocked(api.fetchProgress).mockResolvedValue(DATA);
    const { wrapper } = mountWithApp(ProgressCard, { props: { periodId: 3 }, lang: 'en' });
    await flushPromises();
    expect(wrapper.text()).toContain('Progress over time');
    expect(optionOf(wrapper).series[0].name).toBe('Kanwil average completeness (%)');
  });
});
