import { describe, expect, it } from 'vitest';
import { THRESHOLDS, bandOf, checkAllTargets, checkEligibility, meets } from './eligibility';
import { formatFloor2 } from './format';
import type { Target } from './vocabulary';
import { bundledInstrument } from './instruments/index';
import type { ScoreResult } from './scoring';

const inst = bundledInstrument(2026);

/**
 * A ScoreResult sitting exactly on every minimum of `target` (eligibility reads only the summary fields,
 * so they need not add up here).
 */
function atMinimum(target: Target): ScoreResult {
  const t = THRESHOLDS[target];
  return {
    total: t.total,
    pengungkit: t.pengungkit,
    pemenuhan: t.pengungkit / 2,
    reform: t.pengungkit / 2,
    hasil: t.bersih + t.pelayanan,
    completeness: 1,
    answered: 125,
    required: 125,
    areas: inst.areas.map((a) => ({
      code: a.code,
      name: a.name,
      weight: a.weight,
      pemenuhan: (a.weight * t.areaPercent) / 200,
      reform: (a.weight * t.areaPercent) / 200,
      score: (a.weight * t.areaPercent) / 100,
      percent: t.areaPercent,
    })),
    hasilParts: { ipak: t.ipak, kinerja: t.kinerja, bersih: t.bersih, pelayanan: t.pelayanan },
    survey: {
      IPAK: { index: (t.ipak / 17.5) * 4, source: 'ANSWER' },
      IPKP: { index: (t.pelayanan / 17.5) * 4, source: 'BPS' },
    },
    itemValues: {},
    formulaValues: {},
    nodeScores: {},
    unanswered: [],
  };
}

type Field = 'total' | 'pengungkit' | 'bersih' | 'ipak' | 'kinerja' | 'pelayanan' | `area:${string}`;

function lowered(target: Target, field: Field, by: number): ScoreResult {
  const s = atMinimum(target);
  if (field.startsWith('area:')) {
    const a = s.areas.find((x) => `area:${x.code}` === field)!;
    a.percent -= by;
  } else if (field === 'total' || field === 'pengungkit') s[field] -= by;
  else s.hasilParts[field as 'bersih'] -= by;
  return s;
}

const FIELDS: Field[] = ['total', 'pengungkit', 'area:1', 'area:2', 'area:3', 'area:4', 'area:5', 'area:6', 'bersih', 'ipak', 'kinerja', 'pelayanan'];

describe.each(['WBK', 'WBBM'] as const)('%s thresholds', (target) => {
  const opts = { hasWbk: true };

  it('passes with every requirement exactly at its minimum', () => {
    expect(checkEligibility(atMinimum(target), target, opts)).toEqual({ target, eligible: true, failures: [] });
  });

  it.each(FIELDS)('fails on %s 1e-6 below its minimum, and only on it', (field) => {
    const e = checkEligibility(lowered(target, field, 1e-6), target, opts);
    expect(e.eligible).toBe(false);
    expect(e.failures.map((f) => f.requirement)).toEqual([field]);
    // shown rounded down, so a shortfall never reads as "x < x"
    const [left, right] = e.failures[0].message.split(' < ');
    expect(left.endsWith(right.split(' (')[0])).toBe(false);
  });

  it('still passes 1e-10 below a minimum (tolerance 1e-9, no rounding)', () => {
    for (const f of FIELDS) expect(checkEligibility(lowered(target, f, 1e-10), target, opts).eligible).toBe(true);
  });
});

describe('the numbers themselves', () => {
  it('are those of P90 Lampiran II', () => {
    expect(THRESHOLDS.WBK).toEqual({ total: 75, pengungkit: 40, areaPercent: 60, bersih: 18.25, ipak: 15.75, kinerja: 2.5, pelayanan: 14, requiresWbk: false });
    expect(THRESHOLDS.WBBM).toEqual({
      total: 85,
      pengungkit: 48,
      areaPercent: 75,
      bersih: 19.5,
      ipak: 15.75,
      kinerja: 3.75,
      pelayanan: 15.75,
      requiresWbk: true,
    });
  });

  it('bandOf(): met at the minimum, near within 15 points below it, below further down', () => {
    expect(bandOf(60, 60)).toBe('MET');
    expect(bandOf(60 - 1e-10, 60)).toBe('MET');
    expect(bandOf(59.99, 60)).toBe('NEAR');
    expect(bandOf(45, 60)).toBe('NEAR');
    expect(bandOf(44.99, 60)).toBe('BELOW');
    // against a WBBM area minimum a WBK-passing 70 % is only near
    expect(bandOf(70, THRESHOLDS.WBBM.areaPercent)).toBe('NEAR');
  });

  it('meets() compares with 1e-9 tolerance', () => {
    expect(meets(75 - 1e-10, 75)).toBe(true);
    expect(meets(75 - 2e-9, 75)).toBe(false);
  });
});

describe('messages', () => {
  it('area message: "Area Penguatan Pengawasan 63,1 % < 75 %"', () => {
    const s = atMinimum('WBBM');
    s.areas[4].percent = 63.1;
    const e = checkEligibility(s, 'WBBM', { hasWbk: true });
    expect(e.failures).toEqual([{ requirement: 'area:5', actual: 63.1, required: 75, message: 'Area Penguatan Pengawasan 63,1 % < 75 %' }]);
  });

  it('floors to two decimals: 74.999 → "74,99", never "75"', () => {
    const s = atMinimum('WBK');
    s.total = 74.999;
    expect(checkEligibility(s, 'WBK').failures[0].message).toBe('Nilai total 74,99 < 75');
    expect(formatFloor2(74.999)).toBe('74,99');
    expect(formatFloor2(0.29)).toBe('0,29'); // 0.29 × 100 = 28.999999999999996
    expect(formatFloor2(18.25)).toBe('18,25');
    expect(formatFloor2(3.6)).toBe('3,6');
    expect(formatFloor2(1234.5)).toBe('1234,5');
    expect(formatFloor2(74.999, 'en')).toBe('74.99');
  });

  it('survey parts name the index', () => {
    const s = atMinimum('WBK');
    s.hasilParts.ipak = 15.3125;
    s.survey.IPAK.index = 3.5;
    s.hasilParts.pelayanan = 13.5625;
    s.survey.IPKP.index = 3.1;
    const msgs = checkEligibility(s, 'WBK').failures.map((f) => f.message);
    expect(msgs).toEqual(['Nilai survei IPAK 15,31 < 15,75 (indeks 3,5 < 3,6)', 'Pelayanan publik prima (IPKP) 13,56 < 14 (indeks 3,1 < 3,2)']);
  });

  it('WBBM without a prior WBK fails with requirement "wbk", even with every score met', () => {
    const e = checkEligibility(atMinimum('WBBM'), 'WBBM');
    expect(e.eligible).toBe(false);
    expect(e.failures).toEqual([
      { requirement: 'wbk', actual: 0, required: 1, message: 'Predikat WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK' },
    ]);
    expect(checkEligibility(atMinimum('WBK'), 'WBK').eligible).toBe(true); // WBK never needs it
  });

  it('English locale', () => {
    const s = atMinimum('WBBM');
    s.areas[4].percent = 63.1;
    s.total = 84.999;
    const e = checkEligibility(s, 'WBBM', { locale: 'en' });
    expect(e.failures.map((f) => f.message)).toEqual([
      'Total score 84.99 < 85',
      'Area Penguatan Pengawasan 63.1 % < 75 %',
      'WBBM can only be proposed for a unit that already holds WBK',
    ]);
  });

  it('checkAllTargets gives both', () => {
    const r = checkAllTargets(atMinimum('WBBM'), { hasWbk: true });
    expect(r.WBK.eligible).toBe(true);
    expect(r.WBBM.eligible).toBe(true);
  });
});
