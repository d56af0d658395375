import { describe, expect, it } from 'vitest';
import { requiredSurveyIndex } from '../eligibility';
import { hasilState, surveyOriginLabel, surveyPlans, surveyState } from './hasil';

const parts = (kinerja: number) => ({ ipak: 0, kinerja, bersih: kinerja, pelayanan: 0 });

describe('Hasil before the survey results', () => {
  it('measured = an official result in force, estimated = own round or entry, missing = none', () => {
    expect(surveyState({ index: 3.7, source: 'BPS' })).toBe('MEASURED');
    expect(surveyState({ index: 3.7, source: 'TPN' })).toBe('MEASURED');
    expect(surveyState({ index: 3.7, source: 'THIRD_PARTY' })).toBe('MEASURED');
    expect(surveyState({ index: 3.4, source: 'INTERNAL' })).toBe('ESTIMATED');
    expect(surveyState({ index: 3.4, source: 'ANSWER' })).toBe('ESTIMATED');
    expect(surveyState({ index: null, source: null })).toBe('MISSING');
    expect(surveyState(undefined)).toBe('MISSING');
    // the unit's state is the weaker of the two
    expect(hasilState({ IPAK: { index: 3.7, source: 'BPS' }, IPKP: { index: 3.5, source: 'TPN' } })).toBe('MEASURED');
    expect(hasilState({ IPAK: { index: 3.7, source: 'BPS' }, IPKP: { index: 3.5, source: 'INTERNAL' } })).toBe('ESTIMATED');
    expect(hasilState({ IPAK: { index: 3.7, source: 'INTERNAL' }, IPKP: { index: null, source: null } })).toBe('MISSING');
  });

  it('the index each target needs (part minimum / 17.5 × 4, two decimals up)', () => {
    expect(requiredSurveyIndex('IPAK', 'WBK')).toBe(3.6); // 15.75
    expect(requiredSurveyIndex('IPAK', 'WBBM')).toBe(3.6); // 15.75
    expect(requiredSurveyIndex('IPKP', 'WBK')).toBe(3.2); // 14.00
    expect(requiredSurveyIndex('IPKP', 'WBBM')).toBe(3.6); // 15.75
    // capaian kinerja above its minimum does not lower IPAK below its own minimum
    expect(requiredSurveyIndex('IPAK', 'WBK', 5)).toBe(3.6);
  });

  it('assumes the measured value, else the given assumption, else the estimate, else the minimum, and says what the survey must reach', () => {
    const score = { survey: { IPAK: { index: null, source: null }, IPKP: { index: 3.05, source: 'INTERNAL' as const } }, hasilParts: parts(3.75) };
    const [ipak, ipkp] = surveyPlans(score, 'WBK');
    expect(ipak).toMatchObject({
      kind: 'IPAK',
      state: 'MISSING',
      assumedIndex: 3.6,
      requiredIndex: 3.6,
      meets: true,
      message: 'IPAK ≥ 3,60 diperlukan (belum ada hasil survei)',
    });
    expect(ipkp).toMatchObject({
      kind: 'IPKP',
      state: 'ESTIMATED',
      assumedIndex: 3.05,
      requiredIndex: 3.2,
      meets: false,
      message: 'IPKP ≥ 3,20 diperlukan (perkiraan dari survei internal 3,05)',
    });
    const en = surveyPlans(score, 'WBBM', { locale: 'en', assume: { IPAK: 3.8, IPKP: 3.7 } });
    expect(en.map((p) => [p.assumedIndex, p.message])).toEqual([
      [3.8, 'IPAK ≥ 3.60 needed (no survey result yet)'],
      [3.7, 'IPKP ≥ 3.60 needed (estimate from internal survey 3.05)'],
    ]);
    // a measured value is never replaced by an assumption
    const measured = surveyPlans(
      { survey: { IPAK: { index: 3.4, source: 'BPS' }, IPKP: { index: 3.3, source: 'THIRD_PARTY' } }, hasilParts: parts(5) },
      'WBK',
      { assume: { IPAK: 4 } },
    );
    expect(measured.map((p) => [p.state, p.assumedIndex, p.meets, p.message])).toEqual([
      ['MEASURED', 3.4, false, 'IPAK ≥ 3,60 diperlukan (hasil BPS 3,40)'],
      ['MEASURED', 3.3, true, 'IPKP ≥ 3,20 diperlukan (hasil Pihak ketiga 3,30)'],
    ]);
  });

  it('labels every origin in both languages', () => {
    expect(surveyOriginLabel('THIRD_PARTY', 'id')).toBe('Pihak ketiga');
    expect(surveyOriginLabel('ANSWER', 'en')).toBe('Own entry');
    expect(surveyOriginLabel(null)).toBe('–');
  });
});
