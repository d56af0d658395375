import { describe, expect, it } from 'vitest';
import { adminSelectionProblems, endOfDayWib, layFieldOverTpi, passesAdminSelection, rankAgainstQuota, sanggahProblems } from './tpn';

describe('TPN sub-stages', () => {
  it('administrative selection: two passing outcomes; a note is required unless plain lulus', () => {
    expect(passesAdminSelection('LULUS')).toBe(true);
    expect(passesAdminSelection('LULUS_DENGAN_CATATAN')).toBe(true);
    expect(passesAdminSelection('TIDAK_LULUS')).toBe(false);
    expect(passesAdminSelection(null)).toBe(false);
    expect(adminSelectionProblems('LULUS', null)).toEqual([]);
    expect(adminSelectionProblems('LULUS_DENGAN_CATATAN', ' ')).toHaveLength(1);
    expect(adminSelectionProblems('TIDAK_LULUS', 'SPTJM tidak ditandatangani')).toEqual([]);
  });

  it('sanggah: once per unit, within its window (the whole deadline day, WIB), with a reason and evidence', () => {
    const deadline = endOfDayWib('2026-06-10');
    expect(deadline.toISOString()).toBe('2026-06-10T16:59:59.999Z');
    const ok = {
      outcome: 'TIDAK_LULUS' as const,
      alreadyFiled: 0,
      deadline,
      now: new Date('2026-06-10T16:59:00Z'),
      reason: 'Bukti LHKPN sudah lengkap',
      evidenceCount: 1,
    };
    expect(sanggahProblems(ok)).toEqual([]);
    expect(sanggahProblems({ ...ok, now: new Date('2026-06-10T17:00:00Z') }).map((p) => p.code)).toEqual(['DEADLINE_PASSED']);
    expect(sanggahProblems({ ...ok, alreadyFiled: 1 }).map((p) => p.code)).toEqual(['CONFLICT']);
    expect(sanggahProblems({ ...ok, outcome: 'LULUS' }).map((p) => p.code)).toEqual(['INVALID_STATE']);
    expect(sanggahProblems({ ...ok, deadline: null }).map((p) => p.code)).toEqual(['INVALID_STATE']);
    expect(sanggahProblems({ ...ok, reason: '', evidenceCount: 0 }).map((p) => p.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('field answers replace the TPI answers where they differ', () => {
    expect(layFieldOverTpi({ 1: 'A', 2: 'B', 3: 4 }, { 2: 'C', 3: null })).toEqual({ 1: 'A', 2: 'C', 3: 4 });
  });

  it('ranks candidates against the quota: by score, ties by earlier nomination; failed ones never within', () => {
    const r = rankAgainstQuota(
      [
        { id: 1, score: 80.5 },
        { id: 2, score: 91.2, outcome: 'LULUS' },
        { id: 3, score: 95, outcome: 'TIDAK_LULUS' },
        { id: 4, score: 85, nominatedAt: '2026-05-02T00:00:00Z' },
        { id: 5, score: 85, nominatedAt: '2026-05-01T00:00:00Z', outcome: 'LULUS_DENGAN_CATATAN' },
      ],
      2,
    );
    expect(r).toEqual([
      { id: 2, rank: 1, withinQuota: true },
      { id: 5, rank: 2, withinQuota: true },
      { id: 4, rank: 3, withinQuota: false },
      { id: 1, rank: 4, withinQuota: false },
      { id: 3, rank: null, withinQuota: false },
    ]);
    expect(rankAgainstQuota([{ id: 1, score: 1 }], null)).toEqual([{ id: 1, rank: 1, withinQuota: true }]);
    expect(rankAgainstQuota([{ id: 1, score: 1 }], 0)).toEqual([{ id: 1, rank: 1, withinQuota: false }]);
  });
});
