import { ref, shallowRef } from 'vue';
import { describe, expect, it } from 'vitest';
import { assessLevel, bundledInstrument, emptyAnswersByLevel, type Instrument, type Locale } from '@pantau/shared';
import type { LkeAnswer, LkeSubmission, Level } from '@/api/lke';
import type { Draft } from './drafts';
import { useLiveScore } from './live-score';

const inst = bundledInstrument(2026);
const items = Object.values(inst.itemById);
const abc = items.filter((i) => i.type === 'ABC');
const stored = (soalId: number, value: unknown, level: Level): LkeAnswer => ({
  soalId,
  level,
  value,
  note: null,
  version: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: null,
});

function setup(level: Level, answers: LkeAnswer[]) {
  const sub = {
    id: 1,
    target: 'WBBM',
    satker: { id: 1, code: 'IMI-X', name: 'X', kind: 'KANIM', holdsWbk: true },
    answers,
    surveyResults: [],
  } as unknown as LkeSubmission;
  const src = {
    submission: ref<LkeSubmission | null>(sub),
    level: ref<Level>(level),
    server: ref<Record<number, LkeAnswer>>(Object.fromEntries(answers.filter((a) => a.level === level).map((a) => [a.soalId, a]))),
    drafts: ref<Record<number, Draft>>({}),
    inFlight: ref<Record<number, Draft>>({}),
    instrument: shallowRef<Instrument | null>(inst),
    locale: ref<Locale>('id'),
  };
  return { src, live: useLiveScore(src), sub };
}

describe('LKE live score', () => {
  it('this level: typed over being saved over stored; the other levels as stored', () => {
    const [a, b, c] = abc;
    const { src, live } = setup('KANWIL', [stored(a!.soalId, 'A', 'SELF'), stored(b!.soalId, 'A', 'KANWIL'), stored(c!.soalId, 'A', 'KANWIL')]);
    src.inFlight.value = { [b!.soalId]: { value: 'B', note: null } };
    src.drafts.value = { [c!.soalId]: { value: 'C', note: null } };
    expect(live.answers.value).toEqual({ [b!.soalId]: 'B', [c!.soalId]: 'C' });
    expect(live.byLevel.value.SELF).toEqual({ [a!.soalId]: 'A' });
    expect(live.otherLevels.value[a!.soalId]!.map((x) => x.level)).toEqual(['SELF']);
  });

  it('scores TPN over TPI with hasWbk and the WBBM thresholds, exactly as shared assessLevel (the server) does', () => {
    const tpi = abc.slice(0, 60).map((i) => stored(i.soalId, 'A', 'TPI'));
    const tpn = abc.slice(0, 10).map((i) => stored(i.soalId, 'C', 'TPN'));
    const { src, live, sub } = setup('TPN', [...tpi, ...tpn]);
    src.drafts.value = { [abc[11]!.soalId]: { value: 'B', note: null } };
    const byLevel = emptyAnswersByLevel();
    for (const a of tpi) byLevel.TPI[a.soalId] = 'A';
    for (const a of tpn) byLevel.TPN[a.soalId] = 'C';
    byLevel.TPN[abc[11]!.soalId] = 'B';
    const expected = assessLevel(inst, byLevel, 'TPN', [], 'WBBM', { hasWbk: true, locale: 'id' });
    expect(live.score.value!.total).toBe(expected.score.total);
    expect(live.eligibility.value).toEqual(expected.eligibility);
    // the TPI entries count at TPN (overlay): more than the 11 TPN entries alone would give
    const tpnOnly = emptyAnswersByLevel();
    tpnOnly.TPN = byLevel.TPN;
    expect(live.score.value!.total).toBeGreaterThan(assessLevel(inst, tpnOnly, 'TPN', [], 'WBBM', { hasWbk: true }).score.total);
    expect(sub.satker.holdsWbk).toBe(true);
  });

  it('no score before the instrument and the submission are loaded', () => {
    const { src, live } = setup('SELF', []);
    src.instrument.value = null;
    expect(live.score.value).toBeNull();
    expect(live.eligibility.value).toBeNull();
  });
});
