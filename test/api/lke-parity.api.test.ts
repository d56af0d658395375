/**
 * SPA = server (issue #8 item 7). For a few hundred generated answer sets — answers at SELF, KANWIL, TPI and TPN
 * (the highest level filled varies), recorded survey results of every source, target WBK or WBBM, a unit that holds
 * WBK or not — the SPA's own path (the Pinia LKE store: its GraphQL documents through the SPA client, the instrument
 * store's loadInstrument of the version's stored source, the store's score/eligibility) shows exactly the numbers and
 * eligibility the server gives: the GraphQL `scores` of every level, `eligibility` on the basis level, and at TPN the
 * service the workflow uses (results/tpn.ts tpnScore) — over a real SQLite (or PostgreSQL) database.
 * The answer sets are written straight into the answer/survey tables: what is under test is reading and scoring them.
 */
import fc from 'fast-check';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue, Eligibility, Item, Level, ScoreResult, SurveyKind, SurveySource } from '@pantau/shared';
import { useLkeStore } from '../../admin/src/stores/lke';
import { AnswerLevel } from '../../server/src/common/enums';
import { Answer, encodeValue } from '../../server/src/modules/answer/entities';
import { instrumentOf } from '../../server/src/modules/instrument/service';
import { tpnScore } from '../../server/src/modules/results/tpn';
import { Submission } from '../../server/src/modules/submission/entities';
import { SurveyResult } from '../../server/src/modules/survey/entities';
import { ON_PG } from '../support/pg';
import { demoSubmissions, loginAs, ok, startServer, type Client, type TestServer } from './helpers';

// 300 answer sets on SQLite ("several hundred", issue 8); the PostgreSQL pass of `npm test` (same code, other database) reads 30.
const RUNS = Number(process.env.PANTAU_PARITY_RUNS ?? (ON_PG ? 30 : 300));
const LEVELS: Level[] = ['SELF', 'KANWIL', 'TPI', 'TPN'];
/** IMI-MEDAN holds WBK; IMI-POLONIA never did; PAS-LAPAS-MEDAN had it revoked. */
const UNITS = ['IMI-MEDAN', 'IMI-POLONIA', 'PAS-LAPAS-MEDAN'] as const;

const SCORE = `total pengungkit pemenuhan reform hasil completeness answered required unanswered
  areas { code score pemenuhan reform percent weight } hasilParts { bersih ipak kinerja pelayanan } survey { kind index source }`;
const SERVER = `query ($id: Int!) { submission(id: $id) { target satker { holdsWbk }
  scores { self { ${SCORE} } kanwil { ${SCORE} } tpi { ${SCORE} } tpn { ${SCORE} } }
  eligibility { basisLevel target eligible failures { requirement actual required message awaitingSurvey } }
  tpnEligibility { basisLevel target eligible failures { requirement actual required message awaitingSurvey } } } }`;

interface ServerScore {
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  completeness: number;
  answered: number;
  required: number;
  unanswered: number[];
  areas: { code: string; score: number; pemenuhan: number; reform: number; percent: number; weight: number }[];
  hasilParts: { bersih: number; ipak: number; kinerja: number; pelayanan: number };
  survey: { kind: SurveyKind; index: number | null; source: string | null }[];
}

/** The SPA's score in the server's GraphQL shape (every number a user sees on the LKE page). */
function spaScore(s: ScoreResult): ServerScore {
  return {
    total: s.total,
    pengungkit: s.pengungkit,
    pemenuhan: s.pemenuhan,
    reform: s.reform,
    hasil: s.hasil,
    completeness: s.completeness,
    answered: s.answered,
    required: s.required,
    unanswered: s.unanswered,
    areas: s.areas.map((a) => ({ code: a.code, score: a.score, pemenuhan: a.pemenuhan, reform: a.reform, percent: a.percent, weight: a.weight })),
    hasilParts: { bersih: s.hasilParts.bersih, ipak: s.hasilParts.ipak, kinerja: s.hasilParts.kinerja, pelayanan: s.hasilParts.pelayanan },
    survey: (['IPAK', 'IPKP'] as const).map((kind) => ({ kind, index: s.survey[kind].index, source: s.survey[kind].source })),
  };
}

const sortSurvey = (s: ServerScore): ServerScore => ({ ...s, survey: [...s.survey].sort((a, b) => a.kind.localeCompare(b.kind)) });

function eligibilityShape(e: Eligibility) {
  return {
    target: e.target,
    eligible: e.eligible,
    failures: e.failures.map((f) => ({
      requirement: f.requirement,
      actual: f.actual,
      required: f.required,
      message: f.message,
      awaitingSurvey: !!f.awaitingSurvey,
    })),
  };
}

function valueArb(item: Item): fc.Arbitrary<AnswerValue> {
  if (item.type === 'COUNT') return fc.integer({ min: 0, max: 30 });
  if (item.type === 'INDEX') return fc.integer({ min: 0, max: 400 }).map((x) => x / 100);
  return fc.constantFrom(...item.options.map((o) => o.key));
}

describe('LKE parity: the SPA store shows the server’s scores and eligibility', () => {
  let server: TestServer;
  let admin: Client;
  let subs: Record<string, { id: number }>;
  let items: Item[];
  let versionId: number;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    subs = await demoSubmissions(admin);
    const sub = await server.handle.orm.em.fork().findOneOrFail(Submission, subs['IMI-MEDAN'].id, { populate: ['period'] });
    versionId = sub.period.instrumentVersion.id;
    items = (await instrumentOf(server.handle.orm.em.fork(), versionId)).items;
    // The SPA client fetches relative URLs with the browser's cookie: the same, against the test server.
    globalThis.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (admin.cookie) headers.set('cookie', admin.cookie);
      const url = typeof input === 'string' && input.startsWith('/') ? server.url + input : input;
      return realFetch(url, { ...init, headers });
    }) as typeof fetch;
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server?.cleanup();
  });

  it(`${RUNS} generated answer sets × every level`, async () => {
    setActivePinia(createPinia());
    const store = useLkeStore();
    const randomArb = fc
      .tuple(...items.map((it) => fc.option(valueArb(it), { nil: null, freq: 4 })))
      .map((values) => Object.fromEntries(items.map((it, i) => [it.soalId, values[i]])) as Record<number, AnswerValue>);
    // Near the top: the first option, full counts, high indices, a few items changed at random (eligible cases,
    // shortfalls just under a minimum).
    const best = (it: Item): AnswerValue => (it.type === 'COUNT' ? 20 : it.type === 'INDEX' ? 3.9 : (it.options[0]?.key ?? null));
    const goodArb = fc
      .tuple(...items.map((it) => fc.oneof({ weight: 12, arbitrary: fc.constant(best(it)) }, { weight: 1, arbitrary: fc.option(valueArb(it), { nil: null }) })))
      .map((values) => Object.fromEntries(items.map((it, i) => [it.soalId, values[i]])) as Record<number, AnswerValue>);
    const answersArb = fc.oneof(randomArb, goodArb);
    const surveyArb = fc.record({
      kind: fc.constantFrom<SurveyKind>('IPAK', 'IPKP'),
      index: fc.integer({ min: 0, max: 400 }).map((x) => x / 100),
      source: fc.constantFrom<SurveySource>('BPS', 'TPN', 'THIRD_PARTY', 'INTERNAL'),
      minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
    });
    const caseArb = fc.record({
      unit: fc.constantFrom(...UNITS),
      target: fc.constantFrom('WBK', 'WBBM'),
      /** Highest level filled: 0 = SELF only … 3 = up to TPN. */
      top: fc.integer({ min: 0, max: 3 }),
      answers: fc.tuple(answersArb, answersArb, answersArb, answersArb),
      surveys: fc.array(surveyArb, { maxLength: 4 }),
    });
    const seen = { levels: new Set<string>(), eligible: 0, notEligible: 0, wbk: 0, surveys: 0 };

    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const id = subs[c.unit].id;
        const em = server.handle.orm.em.fork();
        await em.nativeDelete(Answer, { submission: id });
        await em.nativeDelete(SurveyResult, { submission: id });
        await em.nativeUpdate(Submission, { id }, { target: c.target as never });
        const now = Date.now();
        const rows = LEVELS.slice(0, c.top + 1).flatMap((level, li) =>
          Object.entries(c.answers[li])
            .filter(([, v]) => v !== null)
            .map(([soalId, v]) => ({
              submission: id,
              soalId: Number(soalId),
              level: level as AnswerLevel,
              valueJson: encodeValue(v),
              updatedAt: new Date(now),
              version: 1,
            })),
        );
        if (rows.length) await em.insertMany(Answer, rows);
        if (c.surveys.length) {
          await em.insertMany(
            SurveyResult,
            c.surveys.map((s) => ({
              submission: id,
              kind: s.kind,
              index: s.index,
              respondents: 30,
              source: s.source,
              recordedAt: new Date(now - s.minutes * 60_000),
            })) as never[],
          );
        }

        const srv = ok(await admin.gql(SERVER, { id })).submission;
        const tpn = await tpnScore(
          em.fork(),
          await instrumentOf(em, versionId),
          await em.fork().findOneOrFail(Submission, id, { populate: ['satker', 'period'] }),
        );
        if (srv.satker.holdsWbk) seen.wbk++;
        if (c.surveys.length) seen.surveys++;
        for (const level of LEVELS) {
          await store.load(id, level);
          expect(store.loadError, `SPA load at ${level}`).toBeNull();
          const key = level.toLowerCase() as 'self' | 'kanwil' | 'tpi' | 'tpn';
          expect(sortSurvey(spaScore(store.score!)), `${c.unit} ${level} score`).toEqual(sortSurvey(srv.scores[key]));
          if (level === srv.eligibility.basisLevel) {
            seen.levels.add(level);
            expect(eligibilityShape(store.eligibility!), `${c.unit} eligibility at the basis level ${level}`).toEqual(
              eligibilityShape({ target: srv.eligibility.target, eligible: srv.eligibility.eligible, failures: srv.eligibility.failures }),
            );
          }
          if (level === 'TPN') {
            expect(spaScore(store.score!), `${c.unit} TPN score = tpnScore`).toEqual(spaScore(tpn.score));
            expect(eligibilityShape(store.eligibility!), `${c.unit} TPN eligibility = tpnScore`).toEqual(eligibilityShape(tpn.eligibility));
            // the TPN outcome card shows the server's tpnEligibility: the same result as the LKE page at TPN
            expect(srv.tpnEligibility.basisLevel).toBe('TPN');
            expect(eligibilityShape(store.eligibility!), `${c.unit} TPN eligibility = Submission.tpnEligibility`).toEqual(
              eligibilityShape({ target: srv.tpnEligibility.target, eligible: srv.tpnEligibility.eligible, failures: srv.tpnEligibility.failures }),
            );
            if (store.eligibility!.eligible) seen.eligible++;
            else seen.notEligible++;
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The generated cases reached every basis level, both outcomes, both kinds of unit, and recorded surveys.
    expect([...seen.levels].sort()).toEqual(['KANWIL', 'SELF', 'TPI']);
    expect(seen.wbk).toBeGreaterThan(0);
    expect(seen.wbk).toBeLessThan(RUNS);
    expect(seen.surveys).toBeGreaterThan(0);
    expect(seen.notEligible).toBeGreaterThan(0);
    // Eligible cases too, so a scorer that never finds a unit eligible (the WBBM badge without hasWbk) cannot pass:
    // about 1 case in 20 is eligible at TPN (9 of 200 in one run), too few to require of the 30-case PostgreSQL pass.
    if (RUNS >= 100) expect(seen.eligible).toBeGreaterThan(0);
  }, 1_200_000);
});
