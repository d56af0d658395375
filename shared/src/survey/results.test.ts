import { describe, expect, it } from 'vitest';
import {
  conversionText,
  convertToIndex,
  questionnaire,
  respondentWarning,
  roundIndex,
  statementCodes,
  surveyGroupResult,
  surveyRoundResult,
  validateQuestionnaire,
  validateResponseScores,
  type Questionnaire,
  type SurveyResponseData,
} from '../index';

const q = questionnaire('2026');

function resp(serviceType: string, respondentGroup: string, spkp: number[], spak: number[]): SurveyResponseData {
  const scores: Record<string, number> = {};
  spkp.forEach((v, i) => (scores[`SPKP${i + 1}`] = v));
  spak.forEach((v, i) => (scores[`SPAK${i + 1}`] = v));
  return { serviceType, respondentGroup, scores };
}

// Hand-computed example (three respondents):
//   SPKP: R1 all 6, R2 all 5, R3 4 ×7 and SPKP8 = 1 → SPKP1..7 mean 5, SPKP8 (6+5+1)/3 = 4;
//         mean of means (7·5 + 4)/8 = 4.875 → index 4.875 ÷ 6 × 4 = 3.25.
//   SPAK: R1 6 6 6 6 6, R2 6 6 6 6 5, R3 5 5 6 6 4 → means 17/3, 17/3, 6, 6, 5 → mean 17/3
//         → index 17/3 ÷ 6 × 4 = 3.777… → 3.78.
const R = [
  resp('PASPOR', 'PEMOHON', [6, 6, 6, 6, 6, 6, 6, 6], [6, 6, 6, 6, 6]),
  resp('PASPOR', 'KUASA', [5, 5, 5, 5, 5, 5, 5, 5], [6, 6, 6, 6, 5]),
  resp('IZIN_TINGGAL', 'PEMOHON', [4, 4, 4, 4, 4, 4, 4, 1], [5, 5, 6, 6, 4]),
];

describe('the bundled questionnaire (2026)', () => {
  it('has SPKP with 8 statements and SPAK with 5, scale 1–6, conversion mean ÷ 6 × 4, both languages', () => {
    expect(validateQuestionnaire(q)).toEqual([]);
    const spkp = q.blocks.find((b) => b.survey === 'SPKP')!;
    const spak = q.blocks.find((b) => b.survey === 'SPAK')!;
    expect([spkp.index, spkp.statements.length, spak.index, spak.statements.length]).toEqual(['IPKP', 8, 'IPAK', 5]);
    expect(q.scale).toMatchObject({ min: 1, max: 6 });
    expect(q.conversion).toEqual({ from: 0, to: 6, indexMax: 4 });
    expect(conversionText(q.conversion, 'id')).toBe('Indeks = rata-rata ÷ 6 × 4');
    expect(conversionText(q.conversion, 'en')).toBe('Index = mean ÷ 6 × 4');
    expect(statementCodes(q)).toHaveLength(13);
  });

  it('refuses a version without an SPAK block, with duplicate codes or a bad conversion', () => {
    const bad: Questionnaire = { ...q, conversion: { from: 6, to: 6, indexMax: 4 }, blocks: [q.blocks[0], { ...q.blocks[0] }] };
    const issues = validateQuestionnaire(bad);
    expect(issues.some((i) => i.includes('conversion'))).toBe(true);
    expect(issues.some((i) => i.includes('duplicate statement code SPKP1'))).toBe(true);
    expect(issues.some((i) => i.includes('SPAK (IPAK)'))).toBe(true);
  });
});

describe('index arithmetic', () => {
  it('statement means, mean of the means, index with two decimals (hand-computed)', () => {
    const r = surveyGroupResult(q, R);
    expect(r.respondents).toBe(3);
    expect(r.belowMinimum).toBe(true);
    expect(r.indices.IPKP.statements.map((s) => s.mean)).toEqual([5, 5, 5, 5, 5, 5, 5, 4]);
    expect(r.indices.IPKP.mean).toBe(4.875);
    expect(r.indices.IPKP.index).toBe(3.25);
    expect(r.indices.IPAK.statements[0].mean).toBeCloseTo(17 / 3, 12);
    expect(r.indices.IPAK.statements[4].mean).toBe(5);
    expect(r.indices.IPAK.mean).toBeCloseTo(17 / 3, 12);
    expect(r.indices.IPAK.index).toBe(3.78);
  });

  it('per service type and per respondent group, in the round order; overall is over all respondents', () => {
    const r = surveyRoundResult(q, R, { serviceTypes: ['PASPOR', 'IZIN_TINGGAL', 'VISA'], respondentGroups: ['PEMOHON', 'KUASA'] });
    expect(r.byServiceType.map((g) => [g.key, g.respondents, g.indices.IPKP.index])).toEqual([
      ['PASPOR', 2, 3.67], // 5.5 ÷ 6 × 4 = 3.666…
      ['IZIN_TINGGAL', 1, 2.42], // (7·4 + 1)/8 = 3.625 → 2.4166…
      ['VISA', 0, null],
    ]);
    // PEMOHON: R1 + R3: SPKP1..7 mean 5, SPKP8 3.5 → 38.5/8 = 4.8125 → 3.2083 → 3.21
    expect(r.byRespondentGroup.map((g) => [g.key, g.respondents, g.indices.IPKP.index])).toEqual([
      ['PEMOHON', 2, 3.21],
      ['KUASA', 1, 3.33],
    ]);
    expect(r.indices.IPKP.index).toBe(3.25);
    expect(r.indices.IPAK.index).toBe(3.78);
  });

  it('a statement nobody rated drops out of the mean of means', () => {
    const partial = [{ serviceType: 'X', respondentGroup: 'Y', scores: { SPKP1: 6, SPKP2: 3 } }];
    const r = surveyGroupResult(q, partial);
    expect(r.indices.IPKP.statements[2]).toEqual({ code: 'SPKP3', mean: null, respondents: 0 });
    expect(r.indices.IPKP.mean).toBe(4.5);
    expect(r.indices.IPKP.index).toBe(3);
    expect(r.indices.IPAK).toMatchObject({ mean: null, index: null });
  });

  it('30 respondents is no longer below the minimum; the warning names the count', () => {
    const thirty = Array.from({ length: 30 }, () => R[0]);
    const r = surveyGroupResult(q, thirty);
    expect(r.belowMinimum).toBe(false);
    expect(r.indices.IPKP.index).toBe(4);
    expect(respondentWarning(30)).toBeNull();
    expect(respondentWarning(29)).toBe('Jumlah responden 29 kurang dari 30 (batas minimal survei per unit)');
    expect(respondentWarning(3, 'en')).toBe('3 respondents is fewer than 30 (the minimum per unit)');
  });

  it('the conversion is data: another version converts 1–6 onto 0–4', () => {
    const other: Questionnaire = { ...q, version: 'x', conversion: { from: 1, to: 6, indexMax: 4 } };
    // 4.875 → (4.875 − 1) ÷ 5 × 4 = 3.1
    expect(surveyGroupResult(other, R).indices.IPKP.index).toBe(3.1);
    expect(conversionText(other.conversion, 'id')).toBe('Indeks = (rata-rata − 1) ÷ 5 × 4');
    expect(convertToIndex(0.5, other.conversion)).toBe(0);
  });

  it('rounds half up to two decimals despite binary fractions', () => {
    expect(roundIndex(3.605)).toBe(3.61);
    expect(roundIndex(2.675)).toBe(2.68);
    expect(roundIndex(3.6049)).toBe(3.6);
  });
});

describe('response validation', () => {
  it('needs every statement, an integer on the scale, and no unknown codes', () => {
    expect(validateResponseScores(q, R[0].scores)).toEqual([]);
    const issues = validateResponseScores(q, { ...R[0].scores, SPKP1: 7, SPAK5: 2.5, SPKP9: 3, SPAK2: undefined as unknown as number });
    expect(issues).toEqual([
      'SPKP1: nilai harus bilangan bulat 1–6',
      'SPAK2: belum dijawab',
      'SPAK5: nilai harus bilangan bulat 1–6',
      'SPKP9: bukan pernyataan kuesioner ini',
    ]);
  });
});

describe('round state', () => {
  it('opens on the start date, closes after the end date (Jakarta dates) or when closed', async () => {
    const { surveyRoundState, jakartaDate, isIsoDate } = await import('../index');
    const r = { startDate: '2026-03-01', endDate: '2026-03-31', closed: false };
    expect(surveyRoundState(r, '2026-02-28')).toBe('SCHEDULED');
    expect(surveyRoundState(r, '2026-03-01')).toBe('OPEN');
    expect(surveyRoundState(r, '2026-03-31')).toBe('OPEN');
    expect(surveyRoundState(r, '2026-04-01')).toBe('ENDED');
    expect(surveyRoundState({ ...r, closed: true }, '2026-03-15')).toBe('CLOSED');
    // 31 March 18:00 UTC is already 1 April in Jakarta (UTC+7)
    expect(jakartaDate(new Date('2026-03-31T18:00:00Z'))).toBe('2026-04-01');
    expect([isIsoDate('2026-02-29'), isIsoDate('2028-02-29'), isIsoDate('2026-3-1')]).toEqual([false, true, false]);
  });
});
