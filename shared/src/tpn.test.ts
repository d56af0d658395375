import { describe, expect, it } from 'vitest';
import {
  adminSelectionProblems,
  currentTpnSubstage,
  endOfDayWib,
  fieldChanges,
  layFieldOverTpi,
  passesAdminSelection,
  rankAgainstQuota,
  sanggahProblems,
  tpnStepProblems,
  type TpnProgressFacts,
} from './tpn';

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

describe('TPN evaluation steps', () => {
  const facts = (p: Partial<TpnProgressFacts> = {}): TpnProgressFacts => ({
    adminOutcome: 'LULUS',
    sanggahFiled: false,
    steps: [],
    resultRecorded: false,
    ...p,
  });
  it('desk, field and panel in order, only after passing the administrative selection, never after the result', () => {
    expect(tpnStepProblems('DESK', facts())).toEqual([]);
    expect(tpnStepProblems('DESK', facts({ adminOutcome: 'LULUS_DENGAN_CATATAN' }))).toEqual([]);
    expect(tpnStepProblems('DESK', facts({ adminOutcome: null }))[0]).toMatch(/belum dicatat/);
    expect(tpnStepProblems('DESK', facts({ adminOutcome: 'TIDAK_LULUS' }))[0]).toMatch(/tidak lulus/);
    expect(tpnStepProblems('FIELD', facts())[0]).toMatch(/setelah evaluasi dokumen/);
    expect(tpnStepProblems('FIELD', facts({ steps: ['DESK'] }))).toEqual([]);
    expect(tpnStepProblems('PANEL', facts({ steps: ['DESK'] }))[0]).toMatch(/setelah evaluasi lapangan/);
    expect(tpnStepProblems('DESK', facts({ steps: ['DESK'] }))).toEqual([]); // re-recorded (corrected)
    expect(tpnStepProblems('PANEL', facts({ steps: ['DESK', 'FIELD'], resultRecorded: true }))[0]).toMatch(/sudah dicatat/);
  });
  it('tells the current sub-stage', () => {
    expect(currentTpnSubstage(facts({ adminOutcome: null }))).toBe('ADMIN_SELECTION');
    expect(currentTpnSubstage(facts({ adminOutcome: 'TIDAK_LULUS' }))).toBe('ADMIN_SELECTION');
    expect(currentTpnSubstage(facts({ adminOutcome: 'TIDAK_LULUS', sanggahFiled: true }))).toBe('SANGGAH');
    expect(currentTpnSubstage(facts())).toBe('DESK');
    expect(currentTpnSubstage(facts({ steps: ['DESK'] }))).toBe('FIELD');
    expect(currentTpnSubstage(facts({ steps: ['DESK', 'FIELD'] }))).toBe('PANEL');
    expect(currentTpnSubstage(facts({ steps: ['DESK', 'FIELD', 'PANEL'] }))).toBe('RESULT');
    expect(currentTpnSubstage(facts({ adminOutcome: null, resultRecorded: true }))).toBe('RESULT');
  });
  it('field values replace the TPN level only where they differ', () => {
    expect(fieldChanges<string | number>({ 1: 'A', 2: 'B', 3: 4 }, { 1: 'A', 2: 'C', 3: null, 5: 2 })).toEqual([
      { soalId: 2, before: 'B', after: 'C' },
      { soalId: 5, before: null, after: 2 },
    ]);
  });
});
