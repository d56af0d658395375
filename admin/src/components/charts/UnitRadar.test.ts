import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mount';
import UnitRadar from './UnitRadar.vue';

const AREAS = ['1', '2', '3', '4', '5', '6'].map((code) => ({ code, name: `Area ${code}` }));

describe('UnitRadar', () => {
  it('draws one polygon per unit over the six areas, with a legend and a title on every point', () => {
    const series = [
      { name: 'IMI-A', values: [100, 50, 0, null, 80, 60] },
      { name: 'IMI-B', values: [20, 20, 20, 20, 20, 20] },
    ];
    const { wrapper } = mountWithApp(UnitRadar, { props: { areas: AREAS, series } });
    const groups = wrapper.findAll('[data-test=radar-series]');
    expect(groups).toHaveLength(2);
    expect(groups[0]!.findAll('circle')).toHaveLength(6);
    expect(groups[0]!.find('circle title').text()).toBe('IMI-A · 1. Area 1: 100,0 %');
    // an area without answers is drawn at the centre and reads "–"
    expect(groups[0]!.findAll('circle title')[3]!.text()).toBe('IMI-A · 4. Area 4: –');
    // the first point of 100 % sits on the outer ring, straight up from the centre (radius 112)
    const c = groups[0]!.find('circle');
    expect(Number(c.attributes('cx'))).toBeCloseTo(210);
    expect(Number(c.attributes('cy'))).toBeCloseTo(165 - 112);
    expect(wrapper.get('svg').attributes('aria-label')).toBe('Radar perbandingan: IMI-A, IMI-B');
    expect(wrapper.findAll('.pz-radar-legend li').map((l) => l.text())).toEqual(['IMI-A', 'IMI-B']);
    wrapper.unmount();
  });
});
