import { describe, expect, it } from 'vitest';
import { toDate } from './lean';

describe('toDate: stored timestamps as they come back from each database', () => {
  it.each([
    [1764656400123, '2025-12-02T06:20:00.123Z'],
    ['1764656400123', '2025-12-02T06:20:00.123Z'],
    ['2026-12-02 06:20:00.123+00', '2026-12-02T06:20:00.123Z'],
    ['2026-12-02 13:20:00+07', '2026-12-02T06:20:00.000Z'],
    ['2026-12-02 11:50:00.5+05:30', '2026-12-02T06:20:00.500Z'],
    ['2026-12-02 11:50:00+0530', '2026-12-02T06:20:00.000Z'],
    ['2026-12-02 06:20:00', '2026-12-02T06:20:00.000Z'],
    ['2026-12-02T06:20:00.123Z', '2026-12-02T06:20:00.123Z'],
  ])('%s → %s', (input, iso) => {
    expect(toDate(input).toISOString()).toBe(iso);
  });

  it('keeps a Date as it is', () => {
    const d = new Date();
    expect(toDate(d)).toBe(d);
  });
});
