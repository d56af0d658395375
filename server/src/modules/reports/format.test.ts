import { describe, expect, it } from 'vitest';
import { formatDateId, formatPercent, formatScore } from './format';

describe('report formats', () => {
  it('cut scores and percentages to two decimals, never rounding a shortfall up to its minimum', () => {
    expect(formatScore(74.999999)).toBe('74,99');
    expect(formatScore(76.8)).toBe('76,80');
    expect(formatPercent(59.999)).toBe('59,99 %');
    expect(formatScore(null)).toBe('–');
  });

  it('writes dates in Indonesian', () => {
    expect(formatDateId('2026-12-02')).toBe('2 Desember 2026');
  });
});
