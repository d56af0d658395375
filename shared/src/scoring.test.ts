import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { checkEligibility } from './eligibility';
import type { Formula, Instrument } from './instrument/types';
import { bundledInstrument } from './instruments/index';
import { formulaValue, ratio, scoreAnswers } from './scoring';

const inst: Instrument = bundledInstrument(2026);
const formula = (id: string): Formula => inst.formulas.formulas.find((f) => f.id === id)!;

/** Best letter everywhere, survey indices 4, and the given counts (default: all 0, every formula fully met). */
function best(counts: Record<number, number> = {}): Answers {
  const a: Answers = {};
  for (const it of inst.items) {
    if (it.type === 'COUNT') a[it.soalId] = counts[it.soalId] ?? 0;
    else if (it.type === 'INDEX') a[it.soalId] = 4;
    else a[it.soalId] = it.options[0].key;
  }
  return a;
}

const close = (x: number, y: number) => expect(Math.abs(x - y), `${x} vs ${y}`).toBeLessThanOrEqual(1e-9);

describe('whole-instrument scores', () => {
  it('all best answers (every count 0) give pengungkit 60 and total 100', () => {
    const s = scoreAnswers(inst, best());
    close(s.pengungkit, 60);
    close(s.pemenuhan, 30);
    close(s.reform, 30);
    close(s.hasil, 40);
    close(s.total, 100);
    expect(s.completeness).toBe(1);
    expect(s.areas.map((a) => a.percent).every((p) => Math.abs(p - 100) < 1e-9)).toBe(true);
  });

  it('all best answers with real counts (every ratio 1, disiplin prev > 0 and now = 0) give pengungkit 60', () => {
    const counts = {
      88: 10,
      89: 12,
      90: 12,
      91: 12, // changes ≥ agents, all integrated
      102: 4,
      103: 0,
      104: 0,
      105: 7,
      106: 7,
      110: 15,
      111: 0,
      112: 15,
      113: 1,
      114: 3,
      115: 6,
      116: 10,
      117: 2,
      118: 5,
      119: 40,
      120: 47,
      122: 9,
      123: 9,
    };
    const s = scoreAnswers(inst, best(counts));
    close(s.pengungkit, 60);
    expect(Object.values(s.formulaValues)).toEqual(Array(8).fill(1));
  });

  it('an empty answer set scores 0 with completeness 0', () => {
    const s = scoreAnswers(inst, {});
    expect(s.total).toBe(0);
    expect(s.completeness).toBe(0);
    expect(s.unanswered).toHaveLength(125);
  });

  it('blank, empty string and missing all count 0 and unanswered', () => {
    const base = best();
    const a = scoreAnswers(inst, { ...base, 2: null, 88: null });
    const b = scoreAnswers(inst, { ...base, 2: '', 88: '  ' });
    const c = { ...base };
    delete c[2];
    delete c[88];
    const d = scoreAnswers(inst, c);
    for (const s of [a, b, d]) {
      close(s.total, 100 - 0.5 / 2 - 2 / 2); // [2] is half of A.I.1.i (0.5); [88] blanks half of A.II.1.i (2)
      expect(s.completeness).toBe(123 / 125);
      expect(s.unanswered).toEqual([2, 88]);
    }
  });
});

describe('answer values', () => {
  it('ABCD B is 0.67 exactly, C 0.33 exactly', () => {
    const s = scoreAnswers(inst, { 38: 'B', 93: 'C' });
    expect(s.itemValues[38]).toBe(0.67);
    expect(s.itemValues[93]).toBe(0.33);
    close(s.nodeScores[17], 0.67 * 0.75); // A.I.3.v has only [38]
    close(s.nodeScores[38], 0.33 * 1); // A.II.1.iii has only [93]
  });

  it('ABC, ABCDE and Ya/Tidak values', () => {
    const s = scoreAnswers(inst, { 2: 'B', 14: 'D', 1: 'Ya', 3: 'Tidak' });
    expect([s.itemValues[2], s.itemValues[14], s.itemValues[1], s.itemValues[3]]).toEqual([0.5, 0.25, 1, 0]);
  });

  it('a sub-area averages its items × its weight', () => {
    // A.I.1.iv (1.5): Ya, A, B, C (ABCD 0.33) → (1 + 1 + 0.5 + 0.33) / 4 × 1.5
    const s = scoreAnswers(inst, { 9: 'Ya', 10: 'A', 11: 'B', 12: 'C' });
    close(s.nodeScores[7], ((1 + 1 + 0.5 + 0.33) / 4) * 1.5);
    close(s.areas[0].pemenuhan, ((1 + 1 + 0.5 + 0.33) / 4) * 1.5);
  });

  it('[92] scores value × its own weight 1 (the one weighted question of A.II.1.ii)', () => {
    const s = scoreAnswers(inst, { 92: 'B' });
    close(s.nodeScores[37], 0.75);
    close(s.areas[0].reform, 0.75);
    close(s.pengungkit, 0.75);
  });

  it('survey index 3.60 → IPAK part 15.75; IPKP index / 4 × 17.5', () => {
    const s = scoreAnswers(inst, { 125: 3.6, 127: 3.2 });
    close(s.hasilParts.ipak, 15.75);
    close(s.hasilParts.pelayanan, 14);
    close(s.hasilParts.bersih, 15.75);
    close(s.hasil, 29.75);
  });

  it('[126] scores value × 5', () => {
    for (const [k, v] of [
      ['A', 5],
      ['B', 3.75],
      ['C', 2.5],
      ['D', 1.25],
      ['E', 0],
    ] as const) {
      const s = scoreAnswers(inst, { 126: k });
      close(s.hasilParts.kinerja, v);
      close(s.hasilParts.bersih, v);
    }
  });
});

describe('computed percentages (DOMAIN §3)', () => {
  it('ratio: min(1, n / d), d = 0 counts as 1', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(5, 4)).toBe(1);
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(7, 0)).toBe(1);
    expect(formulaValue(formula('capaian-sasaran-kinerja'), { 105: 0, 106: 0 })).toBe(1);
    expect(formulaValue(formula('capaian-sasaran-kinerja'), { 105: 8, 106: 6 })).toBe(0.75);
  });

  it('disiplin: prev = 0 and now = 0 → 1; prev = 0 and now > 0 → 0', () => {
    const f = formula('pelanggaran-disiplin');
    expect(formulaValue(f, { 102: 0, 103: 0, 104: 0 })).toBe(1);
    expect(formulaValue(f, { 102: 0, 103: 2, 104: 2 })).toBe(0);
  });

  it('disiplin: prev > now → (prev − now) / prev; now ≥ prev → 0', () => {
    const f = formula('pelanggaran-disiplin');
    expect(formulaValue(f, { 102: 4, 103: 1, 104: 1 })).toBe(0.75);
    expect(formulaValue(f, { 102: 4, 103: 0, 104: 0 })).toBe(1);
    expect(formulaValue(f, { 102: 4, 103: 4, 104: 4 })).toBe(0);
    expect(formulaValue(f, { 102: 3, 103: 5, 104: 5 })).toBe(0);
  });

  it('a formula is unanswered (0) until every count it names is filled, the "must be filled" ones included', () => {
    expect(formulaValue(formula('capaian-sasaran-kinerja'), { 105: 8 })).toBeNull();
    expect(formulaValue(formula('pelanggaran-disiplin'), { 102: 4, 103: 1 })).toBeNull(); // [104] sanctioned
    expect(formulaValue(formula('pengaduan-masyarakat'), { 110: 5, 112: 5 })).toBeNull(); // [111] in process
    expect(formulaValue(formula('pengaduan-masyarakat'), { 110: 5, 111: 0, 112: 5 })).toBe(1);
    expect(formulaValue(formula('lhkpn'), { 113: 1, 114: 2, 116: 3 })).toBeNull();

    const s = scoreAnswers(inst, { 105: 8, 106: null });
    expect(s.formulaValues['capaian-sasaran-kinerja']).toBeNull();
    expect(s.nodeScores[48]).toBe(0);
  });

  it('A.II.1.i averages its two ratios × 2', () => {
    const s = scoreAnswers(inst, { 88: 12, 89: 9, 90: 9, 91: 6 });
    close(s.nodeScores[36], ((9 / 12 + 6 / 9) / 2) * 2);
  });

  it('A.II.6.i averages [121] and the simplification ratio × 2.5', () => {
    const s = scoreAnswers(inst, { 121: 'B', 122: 10, 123: 4 });
    close(s.nodeScores[58], ((0.67 + 0.4) / 2) * 2.5);
  });

  it('LHKPN: [116] over [113] + [114] + [115]; A.II.5.iii = a + b (each weight 1)', () => {
    const s = scoreAnswers(inst, { 113: 1, 114: 3, 115: 4, 116: 6, 117: 2, 118: 3, 119: 15, 120: 20 });
    close(s.nodeScores[55], 6 / 8);
    close(s.nodeScores[56], 1);
    close(s.nodeScores[54], 6 / 8 + 1);
    // b counts even when a is weak: never the "average and drop b" Excel copy
    const onlyA = scoreAnswers(inst, { 113: 1, 114: 3, 115: 4, 116: 6 });
    close(onlyA.nodeScores[54], 6 / 8);
  });
});

describe('survey items and completeness', () => {
  it("the level's own entry wins over the recorded survey", () => {
    const surveys = [
      { kind: 'IPAK', index: 3.0, source: 'BPS', recordedAt: 1 },
      { kind: 'IPKP', index: 3.3, source: 'BPS', recordedAt: 1 },
    ] as const;
    const s = scoreAnswers(inst, { 125: 3.8 }, { level: 'KANWIL', surveys });
    expect(s.survey.IPAK).toEqual({ index: 3.8, source: 'ANSWER' });
    close(s.hasilParts.ipak, (3.8 / 4) * 17.5);
    expect(s.survey.IPKP).toEqual({ index: 3.3, source: 'BPS' });
    close(s.hasilParts.pelayanan, (3.3 / 4) * 17.5);
  });

  it('without either, the survey item is unanswered and eligibility awaits the survey', () => {
    const s = scoreAnswers(inst, best({}) as Answers);
    const noSurvey = scoreAnswers(inst, { ...best(), 125: null, 127: null });
    expect(noSurvey.survey.IPAK).toEqual({ index: null, source: null });
    expect(noSurvey.hasilParts.ipak).toBe(0);
    close(noSurvey.total, s.total - 35);
    const e = checkEligibility(noSurvey, 'WBK');
    const ipak = e.failures.find((f) => f.requirement === 'ipak');
    expect(ipak).toMatchObject({ actual: null, awaitingSurvey: true, message: 'IPAK belum tersedia: menunggu hasil survei (IPAK ≥ 3,60 diperlukan)' });
    expect(e.failures.find((f) => f.requirement === 'pelayanan')?.message).toBe('IPKP belum tersedia: menunggu hasil survei (IPKP ≥ 3,20 diperlukan)');
    expect(checkEligibility(noSurvey, 'WBBM', { locale: 'en' }).failures.find((f) => f.requirement === 'pelayanan')?.message).toBe(
      'IPKP not available yet: awaiting the survey result (IPKP ≥ 3.60 needed)',
    );
    expect(e.failures.find((f) => f.requirement === 'pelayanan')).toMatchObject({ actual: null, awaitingSurvey: true });
    expect(e.failures.find((f) => f.requirement === 'bersih')?.awaitingSurvey).toBe(true);
  });

  it('completeness counts 125 required items; survey items neither count nor block it', () => {
    expect(scoreAnswers(inst, { 125: 3.5, 127: 3.5 }).completeness).toBe(0);
    expect(scoreAnswers(inst, { 1: 'Ya' }).completeness).toBe(1 / 125);
    const all = { ...best(), 125: null, 127: null };
    const s = scoreAnswers(inst, all);
    expect(s.completeness).toBe(1);
    expect(s.answered).toBe(125);
    expect(s.required).toBe(125);
    // a count of 0 is an answer
    expect(scoreAnswers(inst, { 88: 0 }).completeness).toBe(1 / 125);
  });
});
