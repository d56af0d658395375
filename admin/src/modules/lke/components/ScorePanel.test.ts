import { describe, expect, it } from 'vitest';
import { bundledInstrument, checkEligibility, scoreAnswers, type Answers, type EligibilityOptions, type ScoreResult, type Target } from '@pantau/shared';
import { mountWithApp } from '@/test/mount';
import ScorePanel from './ScorePanel.vue';

const props = (score: ScoreResult, target: Target, opts: EligibilityOptions = {}) => ({ score, eligibility: checkEligibility(score, target, opts) });

describe('ScorePanel', () => {
  const instrument = bundledInstrument(2026);
  const all: Answers = {};
  for (const item of instrument.items) {
    if (item.type === 'COUNT') all[item.soalId] = 0;
    else if (item.type === 'INDEX') all[item.soalId] = 4;
    else all[item.soalId] = item.options[0]!.key;
  }

  it('shows the shared score (Indonesian decimals), completeness and per-area %', () => {
    const partial: Answers = { 1: 'Ya', 2: 'A', 3: 'B' };
    const score = scoreAnswers(instrument, partial);
    const { wrapper } = mountWithApp(ScorePanel, { props: props(score, 'WBK') });
    const total = wrapper.get('[data-test=score-total]').text();
    expect(total).toBe(score.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(wrapper.get('[data-test=score-completeness]').text()).toContain(`${score.answered} dari 125`);
    expect(wrapper.findAll('[data-test^=area-]')).toHaveLength(6);
    expect(wrapper.get('[data-test=eligibility-badge]').text()).toContain('Belum memenuhi WBK');
    expect(wrapper.get('[data-test=failures]').text()).toContain('Nilai total');
  });

  it('shows each survey value with its source beside it, and what a missing one awaits', () => {
    const score = scoreAnswers(
      instrument,
      { 125: null, 127: 3.3 },
      { level: 'SELF', surveys: [{ kind: 'IPAK', index: 3.8, source: 'TPN', recordedAt: '2026-05-01' }] },
    );
    const { wrapper } = mountWithApp(ScorePanel, { props: props(score, 'WBK') });
    expect(wrapper.get('[data-test=score-ipak]').text()).toBe('3,80TPN');
    expect(wrapper.get('[data-test=score-ipkp]').text()).toBe('3,30Isian sendiri');
    const none = mountWithApp(ScorePanel, { props: props(scoreAnswers(instrument, {}), 'WBK') }).wrapper;
    expect(none.get('[data-test=score-ipak]').text()).toBe('menunggu survei');
    expect(none.get('[data-test=failures]').text()).toContain('IPKP ≥ 3,20 diperlukan');
  });

  it('a perfect sheet is eligible for WBK; WBBM still needs a WBK predicate', () => {
    const score = scoreAnswers(instrument, all);
    expect(score.total).toBeCloseTo(100, 9);
    const wbk = mountWithApp(ScorePanel, { props: props(score, 'WBK') }).wrapper;
    expect(wbk.get('[data-test=eligibility-badge]').text()).toContain('Memenuhi syarat WBK');
    const wbbm = mountWithApp(ScorePanel, { props: props(score, 'WBBM', { hasWbk: false, locale: 'en' }), lang: 'en' }).wrapper;
    expect(wbbm.get('[data-test=eligibility-badge]').text()).toContain('Does not yet meet WBBM');
    expect(wbbm.get('[data-test=failures]').text()).toContain('already holds WBK');
  });
});
