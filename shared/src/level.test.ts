import { describe, expect, it } from 'vitest';
import { overlayAnswers, type Answers } from './answers';
import { bundledInstrument } from './instruments/index';
import { assessLevel, basisLevel, emptyAnswersByLevel, holdsWbk, scoreLevel } from './level';
import { scoreAnswers } from './scoring';
import type { SurveyRecord } from './survey/precedence';

const inst = bundledInstrument(2026);

function best(): Answers {
  const a: Answers = {};
  for (const item of inst.items) {
    if (item.type === 'COUNT') a[item.soalId] = 0;
    else if (item.type === 'INDEX') a[item.soalId] = null;
    else a[item.soalId] = item.options[0]!.key;
  }
  return a;
}

describe('the level scorer', () => {
  const official: SurveyRecord[] = [
    { id: 1, kind: 'IPAK', index: 4, source: 'BPS', recordedAt: '2026-06-01T00:00:00Z' },
    { id: 2, kind: 'IPKP', index: 4, source: 'BPS', recordedAt: '2026-06-01T00:00:00Z' },
  ];

  it('TPN lays its answers over the TPI’s: a TPN page with few answers still scores the whole sheet', () => {
    const byLevel = emptyAnswersByLevel();
    byLevel.TPI = best();
    byLevel.TPN = { 1: 'Tidak' };
    const tpn = scoreLevel(inst, byLevel, 'TPN', official);
    expect(tpn.completeness).toBe(1);
    expect(tpn.total).toBeCloseTo(scoreAnswers(inst, overlayAnswers(byLevel.TPI, byLevel.TPN), { level: 'TPN', surveys: official }).total, 12);
    expect(tpn.total).toBeGreaterThan(90);
    // the TPN answers alone would be almost nothing
    expect(scoreAnswers(inst, byLevel.TPN, { level: 'TPN', surveys: official }).total).toBeLessThan(40);
  });

  it('WBBM eligibility needs hasWbk, and uses the WBBM thresholds', () => {
    const byLevel = emptyAnswersByLevel();
    byLevel.TPI = best();
    expect(assessLevel(inst, byLevel, 'TPN', official, 'WBBM', { hasWbk: true }).eligibility.eligible).toBe(true);
    const without = assessLevel(inst, byLevel, 'TPN', official, 'WBBM', { hasWbk: false }).eligibility;
    expect(without.eligible).toBe(false);
    expect(without.failures.map((f) => f.requirement)).toEqual(['wbk']);
  });

  it('basis: TPI once answered, else KANWIL, else SELF', () => {
    const byLevel = emptyAnswersByLevel();
    expect(basisLevel(byLevel)).toBe('SELF');
    byLevel.KANWIL = { 1: 'Ya' };
    expect(basisLevel(byLevel)).toBe('KANWIL');
    byLevel.TPI = { 2: '' };
    expect(basisLevel(byLevel)).toBe('KANWIL');
    byLevel.TPI = { 2: 'A' };
    expect(basisLevel(byLevel)).toBe('TPI');
  });

  it('holdsWbk ignores revoked predicates', () => {
    expect(holdsWbk([{ predicate: 'WBK', revoked: true }])).toBe(false);
    expect(
      holdsWbk([
        { predicate: 'WBK', revoked: true },
        { predicate: 'WBBM', revoked: false },
      ]),
    ).toBe(true);
    expect(holdsWbk([])).toBe(false);
  });
});
