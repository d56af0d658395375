import { describe, expect, it } from 'vitest';
import { bundledInstrument } from './instruments/index';
import { lhkpnCompliance, lhkpnItemIds, sakipMeets, SAKIP_SCALE } from './nomination';

const inst = bundledInstrument(2026);

describe('nomination prerequisites', () => {
  it('compares SAKIP grades on AA > A > BB > B > CC > C > D (≥ B for WBK, ≥ BB for WBBM)', () => {
    expect(SAKIP_SCALE).toEqual(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']);
    expect(['AA', 'A', 'BB', 'B'].map((g) => sakipMeets(g, 'WBK'))).toEqual([true, true, true, true]);
    expect(['CC', 'C', 'D', '', 'X'].map((g) => sakipMeets(g, 'WBK'))).toEqual([false, false, false, false, false]);
    expect(['AA', 'A', 'BB', 'B', 'cc'].map((g) => sakipMeets(g, 'WBBM'))).toEqual([true, true, true, false, false]);
    expect(sakipMeets(' bb ', 'WBBM')).toBe(true);
  });

  it('finds the LHKPN/LHKASN count items in the instrument data, not in literals', () => {
    expect(lhkpnItemIds(inst)).toEqual([113, 114, 115, 116, 117, 118, 119, 120]);
  });

  it('pre-fills LHKPN/LHKASN compliance from [113]–[120]: the lower of the two ratios, 0 obliged = met', () => {
    const full = { 113: 2, 114: 3, 115: 5, 116: 10, 117: 10, 118: 5, 119: 5, 120: 20 };
    expect(lhkpnCompliance(inst, full)).toBe(100);
    expect(lhkpnCompliance(inst, { ...full, 116: 8 })).toBe(80);
    expect(lhkpnCompliance(inst, { ...full, 120: 15 })).toBe(75);
    expect(lhkpnCompliance(inst, { 113: 0, 114: 0, 115: 0, 116: 0, 117: 0, 118: 0, 119: 0, 120: 0 })).toBe(100);
    expect(lhkpnCompliance(inst, { ...full, 120: null })).toBeNull();
  });
});
