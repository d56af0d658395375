import { describe, expect, it } from 'vitest';
import { formatFloor2, formatNumber, formatPercent } from './format';

describe('the one number formatter', () => {
  it('cuts, never rounds up: a total just under a minimum never reads as met', () => {
    expect(formatNumber(74.999999, 'id', { fixed: true })).toBe('74,99');
    expect(formatNumber(74.999999, 'en', { fixed: true })).toBe('74.99');
    expect(formatFloor2(74.999999)).toBe('74,99');
    expect(formatPercent(0.99999, 'id', { digits: 0 })).toBe('99 %');
  });

  it('Indonesian decimal comma, binary noise absorbed, trailing zeros only when fixed', () => {
    expect(formatNumber(0.29 * 100, 'id')).toBe('29');
    expect(formatNumber(92.17, 'id', { fixed: true })).toBe('92,17');
    expect(formatNumber(75, 'id')).toBe('75');
    expect(formatNumber(75, 'id', { fixed: true })).toBe('75,00');
    expect(formatNumber(12.5, 'id', { digits: 1, fixed: true })).toBe('12,5');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(-0.001, 'id', { digits: 2 })).toBe('-0,01');
  });
});
