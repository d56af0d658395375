import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from './answers';
import type { Item } from './instrument/types';
import { bundledInstrument } from './instruments/index';
import { scoreAnswers, type ScoreResult } from './scoring';

const inst = bundledInstrument(2026);
const letterItems = inst.items.filter((i) => i.options.length > 0);
const surveyItems = inst.items.filter((i) => i.type === 'INDEX');

function valueArb(item: Item): fc.Arbitrary<AnswerValue> {
  if (item.type === 'COUNT') return fc.integer({ min: 0, max: 30 });
  if (item.type === 'INDEX') return fc.integer({ min: 0, max: 400 }).map((x) => x / 100);
  return fc.constantFrom(...item.options.map((o) => o.key));
}

/** Full (every item answered) or partial (any item may be blank) answer sets. */
const answersArb = (full: boolean): fc.Arbitrary<Answers> =>
  fc
    .tuple(...inst.items.map((it) => (full ? valueArb(it) : fc.option(valueArb(it), { nil: null, freq: 3 }))))
    .map((values) => Object.fromEntries(inst.items.map((it, i) => [it.soalId, values[i]])) as Answers);
const anyAnswersArb = fc.oneof(answersArb(true), answersArb(false));

const EPS = 1e-9;

/** Every score a user sees: totals, parts, areas and every node. */
function allScores(s: ScoreResult): Record<string, number> {
  const out: Record<string, number> = {
    total: s.total,
    pengungkit: s.pengungkit,
    pemenuhan: s.pemenuhan,
    reform: s.reform,
    hasil: s.hasil,
    ...Object.fromEntries(Object.entries(s.hasilParts).map(([k, v]) => [`hasil.${k}`, v])),
  };
  for (const a of s.areas) out[`area ${a.code}`] = a.score;
  for (const [id, v] of Object.entries(s.nodeScores)) out[`node ${id}`] = v;
  return out;
}

function expectNoLower(before: ScoreResult, after: ScoreResult) {
  const a = allScores(before);
  const b = allScores(after);
  for (const k of Object.keys(a)) expect(b[k], k).toBeGreaterThanOrEqual(a[k] - 1e-12);
}

describe('scoring properties (random full and partial answer sets)', () => {
  it('scores stay within their weights; completeness within [0, 1]', () => {
    fc.assert(
      fc.property(anyAnswersArb, (answers) => {
        const s = scoreAnswers(inst, answers);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100 + EPS);
        expect(s.pengungkit).toBeLessThanOrEqual(60 + EPS);
        expect(s.hasil).toBeLessThanOrEqual(40 + EPS);
        expect(s.completeness).toBeGreaterThanOrEqual(0);
        expect(s.completeness).toBeLessThanOrEqual(1);
        for (const n of Object.values(inst.nodes)) {
          expect(s.nodeScores[n.id]).toBeGreaterThanOrEqual(0);
          expect(s.nodeScores[n.id]).toBeLessThanOrEqual(n.weight + EPS);
        }
        for (const a of s.areas) {
          expect(a.percent).toBeGreaterThanOrEqual(0);
          expect(a.percent).toBeLessThanOrEqual(100 + EPS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parts add up: pengungkit = pemenuhan + reform = Σ areas; total = pengungkit + hasil; nodes sum their children', () => {
    fc.assert(
      fc.property(anyAnswersArb, (answers) => {
        const s = scoreAnswers(inst, answers);
        expect(Math.abs(s.pengungkit - (s.pemenuhan + s.reform))).toBeLessThanOrEqual(EPS);
        expect(Math.abs(s.areas.reduce((x, a) => x + a.score, 0) - s.pengungkit)).toBeLessThanOrEqual(EPS);
        expect(Math.abs(s.areas.reduce((x, a) => x + a.pemenuhan, 0) - s.pemenuhan)).toBeLessThanOrEqual(EPS);
        expect(Math.abs(s.total - (s.pengungkit + s.hasil))).toBeLessThanOrEqual(EPS);
        expect(Math.abs(s.hasilParts.bersih - (s.hasilParts.ipak + s.hasilParts.kinerja))).toBeLessThanOrEqual(EPS);
        for (const a of s.areas) expect(Math.abs(a.score - (a.pemenuhan + a.reform))).toBeLessThanOrEqual(EPS);
        for (const n of Object.values(inst.nodes)) {
          if (!n.children.length) continue;
          const sum = n.children.reduce((x, c) => x + s.nodeScores[c.id], 0);
          expect(Math.abs(s.nodeScores[n.id] - sum)).toBeLessThanOrEqual(EPS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('completeness = answered required items ÷ 125', () => {
    fc.assert(
      fc.property(answersArb(false), (answers) => {
        const s = scoreAnswers(inst, answers);
        const answered = inst.items.filter((i) => i.required && answers[i.soalId] !== null).length;
        expect(s.completeness).toBe(answered / 125);
      }),
      { numRuns: 100 },
    );
  });

  it('improving one letter answer one step (or answering a blank one) never lowers any score', () => {
    fc.assert(
      fc.property(anyAnswersArb, fc.nat(letterItems.length - 1), fc.nat(), (answers, pick, choice) => {
        const item = letterItems[pick];
        const current = answers[item.soalId];
        const keys = item.options.map((o) => o.key); // best first
        const i = keys.indexOf(current as string);
        const improved = i < 0 ? keys[choice % keys.length] : keys[Math.max(0, i - 1)];
        expectNoLower(scoreAnswers(inst, answers), scoreAnswers(inst, { ...answers, [item.soalId]: improved }));
      }),
      { numRuns: 400 },
    );
  });

  it('raising a survey index never lowers any score', () => {
    fc.assert(
      fc.property(anyAnswersArb, fc.constantFrom(...surveyItems), fc.integer({ min: 1, max: 400 }), (answers, item, cents) => {
        const current = (answers[item.soalId] as number | null) ?? 0;
        const raised = Math.min(400, Math.round(current * 100) + cents) / 100;
        const before = scoreAnswers(inst, answers);
        const after = scoreAnswers(inst, { ...answers, [item.soalId]: raised });
        expectNoLower(before, after);
        expect(after.completeness).toBe(before.completeness);
      }),
      { numRuns: 300 },
    );
  });
});
