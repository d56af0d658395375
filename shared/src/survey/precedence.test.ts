import { describe, expect, it } from 'vitest';
import { surveyInForce, type SurveyRecord } from './precedence';

const rec = (source: SurveyRecord['source'], index: number, day: number, id = day): SurveyRecord => ({
  id,
  kind: 'IPAK',
  index,
  source,
  recordedAt: new Date(Date.UTC(2026, 0, day)),
});

describe('survey precedence (DOMAIN §2)', () => {
  const internalOld = rec('INTERNAL', 3.1, 1);
  const internalNew = rec('INTERNAL', 3.2, 5);
  const bpsOld = rec('BPS', 3.5, 2);
  const tpnNew = rec('TPN', 3.9, 4);

  it('SELF and KANWIL: the level’s own entry first', () => {
    for (const level of ['SELF', 'KANWIL'] as const) {
      expect(surveyInForce(level, 'IPAK', 3.3, [internalNew, tpnNew])).toEqual({ index: 3.3, source: 'ANSWER' });
    }
  });

  it('SELF and KANWIL without an entry: the newest official result, even when an internal round is newer', () => {
    expect(surveyInForce('SELF', 'IPAK', null, [internalOld, bpsOld, tpnNew, internalNew])).toEqual({ index: 3.9, source: 'TPN' });
    expect(surveyInForce('KANWIL', 'IPAK', '', [bpsOld, internalNew])).toEqual({ index: 3.5, source: 'BPS' });
  });

  it('without an entry or official result: the newest internal round', () => {
    expect(surveyInForce('SELF', 'IPAK', undefined, [internalNew, internalOld])).toEqual({ index: 3.2, source: 'INTERNAL' });
  });

  it('TPI and TPN: the newest official result wins over the entry and internal rounds', () => {
    for (const level of ['TPI', 'TPN'] as const) {
      expect(surveyInForce(level, 'IPAK', 3.0, [internalNew, bpsOld, tpnNew])).toEqual({ index: 3.9, source: 'TPN' });
      expect(surveyInForce(level, 'IPAK', 3.0, [internalNew])).toEqual({ index: 3.0, source: 'ANSWER' });
      expect(surveyInForce(level, 'IPAK', null, [internalNew])).toEqual({ index: 3.2, source: 'INTERNAL' });
    }
  });

  it('ties on recordedAt go to the higher id; other kinds are ignored; none = unanswered', () => {
    const a = rec('BPS', 3.4, 3, 10);
    const b = rec('BPS', 3.6, 3, 11);
    expect(surveyInForce('TPI', 'IPAK', null, [b, a])).toEqual({ index: 3.6, source: 'BPS' });
    expect(surveyInForce('TPI', 'IPKP', null, [a, b])).toEqual({ index: null, source: null });
  });
});
