import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { checkEligibility, THRESHOLDS } from './eligibility';
import type { Target } from './vocabulary';
import { planGap } from './gap';
import { loadInstrument } from './instrument/loader';
import type { Instrument } from './instrument/types';
import { bundledInstrument } from './instruments';
import { scoreAnswers } from './scoring';

const SCHEMES: Record<string, [string, number][]> = {
  YA_TIDAK: [
    ['Ya', 1],
    ['Tidak', 0],
  ],
  ABC: [
    ['A', 1],
    ['B', 0.5],
    ['C', 0],
  ],
  ABCD: [
    ['A', 1],
    ['B', 0.67],
    ['C', 0.33],
    ['D', 0],
  ],
  ABCDE: [
    ['A', 1],
    ['B', 0.75],
    ['C', 0.5],
    ['D', 0.25],
    ['E', 0],
  ],
};

let nextNode = 1;
const q = (id: number, type: string, weight = 0) => ({
  id,
  teks_pertanyaan: `Soal ${id}`,
  kriteria_nilai: '',
  jenis_jawaban: type,
  bobot_maksimal: weight,
  skema_penilaian: (SCHEMES[type] ?? []).map(([key, multiplier]) => ({ key, label: key, multiplier })),
});
const node = (nama: string, level: string, w: number, children: unknown[] = [], soals: unknown[] = []) => ({
  id: nextNode++,
  nama,
  level,
  bobot_maksimal: w,
  children,
  soals,
});

/** A two-area instrument small enough to search exhaustively: 7 graded pengungkit items. */
function tinyInstrument(): Instrument {
  nextNode = 1;
  const master = {
    tahun: 2030,
    data: [
      node('A. PENGUNGKIT', 'komponen', 60, [
        node('I. PEMENUHAN', 'sub_komponen', 30, [
          node('1. AREA SATU', 'area_perubahan', 15, [node('i. Satu', 'sub_area', 15, [], [q(1, 'ABCD'), q(2, 'ABC')])]),
          node('2. AREA DUA', 'area_perubahan', 15, [node('i. Dua', 'sub_area', 15, [], [q(3, 'ABCDE'), q(4, 'YA_TIDAK')])]),
        ]),
        node('II. REFORM', 'sub_komponen', 30, [
          node('1. AREA SATU', 'area_perubahan', 15, [node('i. Tiga', 'sub_area', 15, [], [q(5, 'ABCDE')])]),
          node('2. AREA DUA', 'area_perubahan', 15, [node('i. Empat', 'sub_area', 15, [], [q(6, 'ABCD'), q(7, 'ABC')])]),
        ]),
      ]),
      node('B. HASIL', 'komponen', 40, [
        node('I. BIROKRASI BERSIH', 'sub_komponen', 22.5, [], [q(8, '0-4', 17.5), q(9, 'ABCDE', 5)]),
        node('II. PELAYANAN PRIMA', 'sub_komponen', 17.5, [], [q(10, '0-4', 17.5)]),
      ]),
    ],
  };
  return loadInstrument(master, { version: 1, formulas: [] });
}

/** Exhaustive search: fewest items, then fewest steps, meeting total, pengungkit and every area. */
function bruteForce(inst: Instrument, answers: Answers, target: Target): { items: number; steps: number } | null {
  const graded = inst.items.filter((i) => i.part !== 'HASIL');
  const choices = graded.map((it) => {
    const cur = answers[it.soalId];
    const curIndex = cur == null ? it.options.length : it.options.findIndex((o) => o.key === cur);
    const list: { key: string | null; steps: number }[] = [{ key: null, steps: 0 }];
    for (let i = 0; i < curIndex; i++) list.push({ key: it.options[i].key, steps: curIndex - i });
    return list;
  });
  let best: { items: number; steps: number } | null = null;
  const pick: number[] = graded.map(() => 0);
  const rec = (i: number) => {
    if (i === graded.length) {
      const next: Answers = { ...answers };
      let items = 0;
      let steps = 0;
      pick.forEach((p, j) => {
        if (p === 0) return;
        next[graded[j].soalId] = choices[j][p].key;
        items++;
        steps += choices[j][p].steps;
      });
      if (best && (items > best.items || (items === best.items && steps >= best.steps))) return;
      const fails = checkEligibility(scoreAnswers(inst, next), target, { hasWbk: true }).failures;
      if (fails.some((f) => f.requirement === 'total' || f.requirement === 'pengungkit' || f.requirement.startsWith('area:'))) return;
      best = { items, steps };
      return;
    }
    for (let p = 0; p < choices[i].length; p++) {
      pick[i] = p;
      rec(i + 1);
    }
    pick[i] = 0;
  };
  rec(0);
  return best;
}

describe('gap planner', () => {
  const inst = tinyInstrument();
  const letterArb = (id: number) => {
    const keys = inst.itemById[id].options.map((o) => o.key);
    return fc.option(fc.constantFrom(...keys), { nil: undefined });
  };
  const answersArb = fc
    .record({
      a1: letterArb(1),
      a2: letterArb(2),
      a3: letterArb(3),
      a4: letterArb(4),
      a5: letterArb(5),
      a6: letterArb(6),
      a7: letterArb(7),
      ipak: fc.constantFrom(3.2, 3.6, 4),
      kinerja: fc.constantFrom('A', 'B', 'C'),
      ipkp: fc.constantFrom(3.2, 3.6, 4),
    })
    .map((r) => {
      const a: Answers = { 8: r.ipak, 9: r.kinerja, 10: r.ipkp };
      [r.a1, r.a2, r.a3, r.a4, r.a5, r.a6, r.a7].forEach((v, i) => {
        if (v !== undefined) a[i + 1] = v;
      });
      return a;
    });

  it('finds the fewest items, then the fewest letter steps (checked exhaustively)', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom<Target>('WBK', 'WBBM'), (answers, target) => {
        const plan = planGap(inst, answers, target, { hasWbk: true });
        const brute = bruteForce(inst, answers, target);
        if (!plan.plan.reachable) {
          expect(brute).toBeNull();
          return;
        }
        expect(brute).not.toBeNull();
        expect(plan.plan.optimal).toBe(true);
        expect(plan.plan.itemCount).toBe(brute!.items);
        expect(plan.plan.stepCount).toBe(brute!.steps);
        // applying the plan really meets the thresholds
        const next: Answers = { ...answers };
        for (const c of plan.plan.changes) next[c.soalId] = c.to;
        const fails = checkEligibility(scoreAnswers(inst, next), target, { hasWbk: true }).failures;
        expect(fails.filter((f) => ['total', 'pengungkit'].includes(f.requirement) || f.requirement.startsWith('area:'))).toEqual([]);
      }),
      { numRuns: 30, seed: 20261122 },
    );
  });

  it('lists the single changes that raise the score most, best first', () => {
    const answers: Answers = { 1: 'D', 2: 'C', 3: 'E', 4: 'Tidak', 5: 'E', 6: 'D', 7: 'C', 8: 4, 9: 'A', 10: 4 };
    const plan = planGap(inst, answers, 'WBK');
    // [5] alone carries the whole reform area 1 weight (15): E → A adds 15
    expect(plan.topChanges[0]).toMatchObject({ soalId: 5, from: 'E', to: 'A', steps: 4, gain: 15 });
    const gains = plan.topChanges.map((c) => c.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(plan.topChanges.every((c) => c.to === inst.itemById[c.soalId].options[0].key)).toBe(true);
  });

  it('plans nothing for a unit that already meets every pengungkit threshold', () => {
    const answers: Answers = { 1: 'A', 2: 'A', 3: 'A', 4: 'Ya', 5: 'A', 6: 'A', 7: 'A', 8: 4, 9: 'A', 10: 4 };
    const plan = planGap(inst, answers, 'WBBM', { hasWbk: true });
    expect(plan.plan).toMatchObject({ reachable: true, itemCount: 0, stepCount: 0, changes: [] });
    expect(plan.blockers).toEqual([]);
  });

  it('before the survey results it plans with the minimum each survey needs and says what the survey must reach', () => {
    const answers: Answers = { 1: 'B', 2: 'B', 3: 'B', 4: 'Ya', 5: 'B', 6: 'B', 7: 'B', 9: 'B' };
    const plan = planGap(inst, answers, 'WBBM', { hasWbk: false });
    // no survey at all: IPAK and IPKP are taken at the WBBM minimum (3.60), so only prior WBK blocks
    expect(plan.blockers.map((b) => b.requirement)).toEqual(['wbk']);
    expect(plan.surveys.map((s) => [s.kind, s.state, s.assumedIndex, s.message])).toEqual([
      ['IPAK', 'MISSING', 3.6, 'IPAK ≥ 3,60 diperlukan (belum ada hasil survei)'],
      ['IPKP', 'MISSING', 3.6, 'IPKP ≥ 3,60 diperlukan (belum ada hasil survei)'],
    ]);
    expect(plan.assumption).toBe(
      'Rencana ini memakai IPAK 3,60 (minimum WBBM, belum ada hasil survei) dan IPKP 3,60 (minimum WBBM, belum ada hasil survei); dengan itu nilai hasil 35,25 (survei dan capaian kinerja tidak berubah lewat jawaban pengungkit).',
    );
    // hasil 2 × 3.6 / 4 × 17.5 + 3.75 = 35.25: pengungkit needs 49.75, which answers can reach
    expect(plan.current.hasil).toBeCloseTo(35.25, 9);
    expect(plan.requiredPengungkit).toBeCloseTo(49.75, 9);
    expect(plan.plan.reachable).toBe(true);
    expect(plan.plan.after.total).toBeGreaterThanOrEqual(85 - 1e-9);
    // the same unit held at "hasil as it is" (surveys at 0) would be unreachable: the old reading
    const zero = planGap(inst, answers, 'WBBM', { hasWbk: false, assume: { IPAK: 0, IPKP: 0 } });
    expect(zero.plan.reachable).toBe(false);
    expect(zero.plan.unreachable.join(' ')).toMatch(/Nilai total 85 tidak tercapai/);
    expect(zero.blockers.map((b) => b.requirement)).toEqual(expect.arrayContaining(['ipak', 'pelayanan', 'wbk']));
    expect(zero.plan.after.pengungkit).toBeGreaterThanOrEqual(THRESHOLDS.WBBM.pengungkit - 1e-9);
    for (const a of zero.plan.after.areas) expect(a.percent).toBeGreaterThanOrEqual(75 - 1e-9);
  });

  it('an internal estimate is the default assumption; an official result is never replaced', () => {
    const answers: Answers = { 1: 'A', 2: 'A', 3: 'A', 4: 'Ya', 5: 'A', 6: 'A', 7: 'A', 9: 'A' };
    const surveys = [
      { kind: 'IPAK' as const, index: 3.9, source: 'INTERNAL' as const, recordedAt: '2026-03-01' },
      { kind: 'IPKP' as const, index: 3.1, source: 'BPS' as const, recordedAt: '2026-03-02' },
    ];
    const plan = planGap(inst, answers, 'WBK', { surveys, assume: { IPKP: 4 }, locale: 'en' });
    expect(plan.surveys.map((s) => [s.state, s.source, s.assumedIndex, s.meets])).toEqual([
      ['ESTIMATED', 'INTERNAL', 3.9, true],
      ['MEASURED', 'BPS', 3.1, false],
    ]);
    expect(plan.surveys[1].message).toBe('IPKP ≥ 3.20 needed (BPS result 3.10)');
    expect(plan.blockers.map((b) => b.requirement)).toEqual(['pelayanan']);
    expect(plan.assumption).toMatch(/^This plan uses IPAK 3\.90 \(estimate: internal survey\) and IPKP 3\.10 \(BPS result\)/);
  });

  it('plans on the 2026 instrument within the thresholds it can reach', () => {
    const bundled = bundledInstrument();
    const answers: Answers = {};
    for (const it of bundled.items) {
      if (it.options.length) answers[it.soalId] = it.options[Math.min(1, it.options.length - 1)].key;
      else if (it.type === 'COUNT') answers[it.soalId] = 0;
    }
    answers[125] = 3.7;
    answers[127] = 3.65;
    answers[126] = 'A';
    const plan = planGap(bundled, answers, 'WBBM', { hasWbk: true });
    expect(plan.plan.reachable).toBe(true);
    expect(plan.plan.itemCount).toBeGreaterThan(0);
    const next: Answers = { ...answers };
    for (const c of plan.plan.changes) next[c.soalId] = c.to;
    const after = scoreAnswers(bundled, next);
    expect(after.total).toBeCloseTo(plan.plan.after.total, 9);
    const fails = checkEligibility(after, 'WBBM', { hasWbk: true }).failures;
    expect(fails).toEqual([]);
  });
});
