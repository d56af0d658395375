import { describe, expect, it } from 'vitest';
import { bundledInstrument, scoreAnswers, overlayAnswers } from '@pantau/shared';
import { computeSubmission, holdsWbk, latestSurveys } from './compute';
import { AnswerLevel } from '../../common/enums';

describe('submission scoring', () => {
  const inst = bundledInstrument(2026);

  it('latest survey per kind wins (recordedAt, then id)', () => {
    const fb = latestSurveys([
      { id: 1, kind: 'IPAK', index: 3.1, recordedAt: new Date('2026-01-01') },
      { id: 2, kind: 'IPAK', index: 3.7, recordedAt: new Date('2026-03-01') },
      { id: 3, kind: 'IPKP', index: 3.3, recordedAt: new Date('2026-03-01') },
      { id: 4, kind: 'IPKP', index: 3.5, recordedAt: new Date('2026-03-01') },
    ]);
    expect(fb).toEqual({ IPAK: 3.7, IPKP: 3.5 });
  });

  it('scores every level; TPN = TPI overlaid with TPN; basis = latest level with answers', () => {
    const cells = [
      { level: AnswerLevel.SELF, soalId: 2, value: 'A' },
      { level: AnswerLevel.KANWIL, soalId: 2, value: 'B' },
      { level: AnswerLevel.TPI, soalId: 2, value: 'C' },
      { level: AnswerLevel.TPI, soalId: 3, value: 'Ya' },
      { level: AnswerLevel.TPN, soalId: 2, value: 'A' },
    ];
    const r = computeSubmission(inst, cells, [{ id: 1, kind: 'IPAK', index: 3.6, recordedAt: 0 }], { hasWbk: false });
    expect(r.basis).toBe('TPI');
    const fallback = { surveyFallback: { IPAK: 3.6 } };
    expect(r.scores.SELF.total).toBeCloseTo(scoreAnswers(inst, { 2: 'A' }, fallback).total, 12);
    expect(r.scores.TPN.total).toBeCloseTo(scoreAnswers(inst, overlayAnswers({ 2: 'C', 3: 'Ya' }, { 2: 'A' }), fallback).total, 12);
    expect(r.scores.SELF.survey.IPAK).toEqual({ index: 3.6, source: 'SURVEY' });
    expect(r.eligibility.WBBM.failures.some((f) => f.requirement === 'wbk')).toBe(true);
    expect(computeSubmission(inst, [cells[0]], [], { hasWbk: true }).basis).toBe('SELF');
  });

  it('holdsWbk ignores revoked predicates', () => {
    expect(holdsWbk([{ predicate: 'WBK', revoked: true }])).toBe(false);
    expect(holdsWbk([{ predicate: 'WBK', revoked: true }, { predicate: 'WBBM', revoked: false }])).toBe(true);
    expect(holdsWbk([])).toBe(false);
  });
});
