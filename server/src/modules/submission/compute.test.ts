import { describe, expect, it } from 'vitest';
import { bundledInstrument, scoreAnswers, overlayAnswers, type SurveyRecord } from '@pantau/shared';
import { computeSubmission } from './compute';
import { AnswerLevel } from '../../common/enums';

describe('submission scoring', () => {
  const inst = bundledInstrument(2026);

  it('scores every level; TPN = TPI overlaid with TPN; basis = latest level with answers', () => {
    const cells = [
      { level: AnswerLevel.SELF, soalId: 2, value: 'A' },
      { level: AnswerLevel.KANWIL, soalId: 2, value: 'B' },
      { level: AnswerLevel.TPI, soalId: 2, value: 'C' },
      { level: AnswerLevel.TPI, soalId: 3, value: 'Ya' },
      { level: AnswerLevel.TPN, soalId: 2, value: 'A' },
    ];
    const surveys: SurveyRecord[] = [{ id: 1, kind: 'IPAK', index: 3.6, source: 'BPS', recordedAt: 0 }];
    const r = computeSubmission(inst, cells, surveys, { hasWbk: false });
    expect(r.basis).toBe('TPI');
    expect(r.scores.SELF.total).toBeCloseTo(scoreAnswers(inst, { 2: 'A' }, { surveys }).total, 12);
    expect(r.scores.TPN.total).toBeCloseTo(scoreAnswers(inst, overlayAnswers({ 2: 'C', 3: 'Ya' }, { 2: 'A' }), { level: 'TPN', surveys }).total, 12);
    expect(r.scores.SELF.survey.IPAK).toEqual({ index: 3.6, source: 'BPS' });
    expect(r.eligibility.WBBM.failures.some((f) => f.requirement === 'wbk')).toBe(true);
    expect(computeSubmission(inst, [cells[0]], [], { hasWbk: true }).basis).toBe('SELF');
  });
});
