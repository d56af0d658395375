import { describe, expect, it } from 'vitest';
import { lineageChain, lineageWouldCycle, pencananganForRule, pencananganOldEnough, predicateFacts } from './lineage';

// Kanim Polonia (2020, under Kanwil Kemenkumham Sumut) → Kanim Polonia under Kanwil Ditjen Imigrasi Sumut (2025)
const nodes = [
  { id: 1, predecessorId: null },
  { id: 2, predecessorId: 1 },
  { id: 3, predecessorId: 2 },
];

describe('unit lineage', () => {
  it('walks from the unit to its oldest predecessor and stops on a loop', () => {
    expect(lineageChain(3, nodes)).toEqual([3, 2, 1]);
    expect(lineageChain(1, nodes)).toEqual([1]);
    expect(lineageChain(9, nodes)).toEqual([9]);
    expect(
      lineageChain(1, [
        { id: 1, predecessorId: 2 },
        { id: 2, predecessorId: 1 },
      ]),
    ).toEqual([1, 2]);
    expect(lineageWouldCycle(1, 3, nodes)).toBe(true);
    expect(lineageWouldCycle(3, 1, nodes)).toBe(false);
  });

  it('a revocation of the predecessor bans the successor for two years; its WBK counts for a WBBM', () => {
    const predecessor = [{ predicate: 'WBK', year: 2020, revoked: true, revokedAt: '2025-03-10' }];
    expect(predicateFacts(predecessor)).toEqual({ hasWbk: false, banUntil: '2027-03-10' });
    expect(predicateFacts([])).toEqual({ hasWbk: false, banUntil: null });
    expect(predicateFacts([{ predicate: 'WBK', year: 2021, revoked: false }])).toEqual({ hasWbk: true, banUntil: null });
    // the later of two bans wins
    expect(predicateFacts([...predecessor, { predicate: 'WBBM', year: 2022, revoked: true, revokedAt: '2025-09-01' }]).banUntil).toBe('2027-09-01');
  });

  it('the pencanangan of a predecessor counts for the one-year rule', () => {
    // the new unit declared on 2 Jan 2026; its predecessor on 15 Jan 2025
    expect(pencananganForRule('2026-01-02', ['2025-01-15'])).toBe('2025-01-15');
    expect(pencananganOldEnough(pencananganForRule('2026-01-02', ['2025-01-15']), '2026-05-31')).toBe(true);
    expect(pencananganOldEnough(pencananganForRule('2026-01-02', []), '2026-05-31')).toBe(false);
    expect(pencananganForRule(null, [null, '2024-02-29'])).toBe('2024-02-29');
    expect(pencananganOldEnough('2024-02-29', '2025-02-28')).toBe(false);
    expect(pencananganOldEnough('2024-02-29', '2025-03-01')).toBe(true);
    expect(pencananganForRule(null)).toBeNull();
  });
});
