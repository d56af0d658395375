import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument } from '@pantau/shared';
import { Role, SubmissionStatus, TargetPredicate, AnswerLevel, SurveyKindEnum, SurveySource } from '../../server/src/common/enums';
import { InstrumentVersion } from '../../server/src/modules/instrument/entities';
import { Kanwil, Predicate, PredicateHistory, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { Period } from '../../server/src/modules/period/entities';
import { Submission, SurveyResult } from '../../server/src/modules/submission/entities';
import { Answer } from '../../server/src/modules/answer/entities';
import { createUserIn } from '../../server/src/modules/user/service';
import { User } from '../../server/src/modules/user/entities';
import { DeadlineExtension, StageEnum } from '../../server/src/modules/workflow/entities';
import { demoAnswers } from '../../server/src/db/seed';
import { Client, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const QUERY = `query ($p: Int!, $k: Int) { kanwilComparison(periodId: $p, kanwilId: $k) {
  kanwil { name } period { year }
  rows { satker { code name kind } submissionId status target completeness selfTotal kanwilTotal tpiTotal holdsWbk
    areas { code selfPercent kanwilPercent tpiPercent }
    eligibility { eligible basisLevel failures { requirement message } }
    nextDeadline { stage at } } } }`;

/** Builds a Kanwil with `n` units, each with a submission, SELF + KANWIL (+ TPI for some) answers, surveys, predicates. */
async function buildKanwil(server: TestServer, code: string, n: number, periodId: number): Promise<number> {
  const em = server.handle.orm.em.fork();
  const inst = bundledInstrument(2026);
  const kanwil = em.create(Kanwil, { code, name: `Kanwil ${code}`, createdAt: new Date() });
  await em.flush();
  const period = em.getReference(Period, periodId);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const satker = em.create(Satker, { code: `${code}-${i}`, name: `Unit ${i}`, kind: SatkerKind.LAPAS, division: 'Pemasyarakatan', kanwil, createdAt: new Date() });
    if (i % 3 === 0) em.create(PredicateHistory, { satker, predicate: Predicate.WBK, year: 2022, revoked: false });
    if (i % 7 === 6) continue; // a unit without submission
    const sub = em.create(Submission, {
      satker,
      period,
      target: i % 3 === 0 ? TargetPredicate.WBBM : TargetPredicate.WBK,
      status: i % 2 ? SubmissionStatus.IN_DESK_REVIEW : SubmissionStatus.SUBMITTED,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    em.create(SurveyResult, { submission: sub, kind: SurveyKindEnum.IPAK, index: 3.7, respondents: 40, source: SurveySource.BPS, recordedAt: new Date() });
    await em.flush();
    const self = demoAnswers(inst, i, 0.6 + (i % 5) * 0.08);
    for (const [level, on] of [[AnswerLevel.SELF, true], [AnswerLevel.KANWIL, true], [AnswerLevel.TPI, i % 2 === 1]] as const) {
      if (!on) continue;
      for (const [k, v] of Object.entries(self)) rows.push({ submission: sub.id, soalId: Number(k), level, valueJson: JSON.stringify(v), updatedAt: new Date(), version: 1 });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await em.insertMany(Answer, rows.slice(i, i + 500) as never[]);
  await createUserIn(em, null, { username: `head.${code.toLowerCase()}`, displayName: 'Head', password: 'rahasia-123', roles: [{ role: Role.KANWIL_HEAD, kanwilId: kanwil.id }] });
  return kanwil.id;
}

describe('Kanwil comparison', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it('lists every unit of the demo Kanwil with scores, area %, eligibility (with its basis level) and next deadline', async () => {
    const c = await loginAs(server, 'kakanwil');
    const d = ok(await c.gql(QUERY, { p: 1 })).kanwilComparison;
    expect(d.rows).toHaveLength(21);
    const byCode = Object.fromEntries(d.rows.map((r: any) => [r.satker.code, r]));
    expect(byCode['PAS-LPKA-MEDAN']).toMatchObject({ submissionId: null, status: null, eligibility: null });
    expect(byCode['IMI-BATAM'].eligibility.basisLevel).toBe('TPI');
    expect(byCode['IMI-BELAWAN'].eligibility.basisLevel).toBe('KANWIL');
    expect(byCode['IMI-POLONIA'].eligibility.basisLevel).toBe('SELF');
    expect(byCode['IMI-POLONIA'].nextDeadline.stage).toBe('SELF_ASSESSMENT');
    expect(byCode['IMI-BATAM'].areas).toHaveLength(6);
    const eligible = d.rows.filter((r: any) => r.eligibility?.eligible).length;
    expect(eligible).toBeGreaterThan(0);
    expect(eligible).toBeLessThan(19);
    for (const r of d.rows.filter((r: any) => r.eligibility && !r.eligibility.eligible)) expect(r.eligibility.failures.length).toBeGreaterThan(0);

    // the same numbers as the submission view
    const s = ok(await c.gql(`query ($id: Int!) { submission(id: $id) { scores { self { total } kanwil { total } tpi { total } } } }`, { id: byCode['IMI-BATAM'].submissionId })).submission;
    expect(byCode['IMI-BATAM'].selfTotal).toBeCloseTo(s.scores.self.total, 12);
    expect(byCode['IMI-BATAM'].tpiTotal).toBeCloseTo(s.scores.tpi.total, 12);
  });

  it('gives the gap to the target (shared planGap)', async () => {
    const c = await loginAs(server, 'kakanwil');
    const d = ok(await c.gql(`{ kanwilComparison(periodId: 1) { rows { satker { code } eligibility { eligible } gap { target basisLevel reachable itemCount requiredPengungkit changes { soalId from to gain } blockers { requirement } } } } }`)).kanwilComparison;
    const pol = d.rows.find((r: any) => r.satker.code === 'IMI-POLONIA');
    expect(pol.gap).toMatchObject({ target: 'WBK', basisLevel: 'SELF' });
    expect(pol.gap.itemCount).toBe(pol.gap.changes.length);
    expect(d.rows.find((r: any) => r.satker.code === 'PAS-LPKA-MEDAN').gap).toBeNull();
  });

  it('next deadline takes deadline extensions into account (per unit)', async () => {
    const c = await loginAs(server, 'kakanwil');
    const before = ok(await c.gql(QUERY, { p: 1 })).kanwilComparison.rows;
    const pol = before.find((r: any) => r.satker.code === 'IMI-POLONIA');
    const tar = before.find((r: any) => r.satker.code === 'IMI-TARAKAN');
    const em = server.handle.orm.em.fork();
    const later = new Date(Date.parse(pol.nextDeadline.at) + 10 * 86400_000);
    const admin = await em.findOneOrFail(User, { username: 'admin' });
    em.create(DeadlineExtension, {
      period: 1,
      stage: StageEnum.selfAssessment,
      satker: await em.findOneOrFail(Satker, { code: 'IMI-POLONIA' }),
      deadline: later,
      reason: 'uji',
      createdBy: admin,
      createdAt: new Date(),
    } as never);
    await em.flush();
    const after = ok(await c.gql(QUERY, { p: 1 })).kanwilComparison.rows;
    expect(after.find((r: any) => r.satker.code === 'IMI-POLONIA').nextDeadline).toEqual({ stage: 'SELF_ASSESSMENT', at: later.toISOString() });
    expect(after.find((r: any) => r.satker.code === 'IMI-TARAKAN').nextDeadline).toEqual(tar.nextDeadline);
    const s = ok(await c.gql(`query ($id: Int!) { submission(id: $id) { nextDeadline { at } } }`, { id: pol.submissionId })).submission;
    expect(s.nextDeadline.at).toBe(later.toISOString());
  });

  it('is refused outside the Kanwil scope', async () => {
    for (const u of ['koordinator.polonia', 'evaluator.itjen', 'kepala.polonia']) {
      expect(errorCode(await (await loginAs(server, u)).gql(QUERY, { p: 1 })), u).toBe('FORBIDDEN');
    }
    expect(errorCode(await new Client(server.url).gql(QUERY, { p: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('uses the same number of SQL statements for 5 and for 50 units', async () => {
    const em = server.handle.orm.em.fork();
    const version = await em.findOneOrFail(InstrumentVersion, { year: 2026 }, { fields: ['id'] });
    const period = em.create(Period, { year: 2026, name: 'Global 2026', kanwil: null, instrumentVersion: version.id, createdAt: new Date() });
    await em.flush();
    const small = await buildKanwil(server, 'KA', 5, period.id);
    const large = await buildKanwil(server, 'KB', 50, period.id);
    const headA = await loginAs(server, 'head.ka', 'rahasia-123');
    const headB = await loginAs(server, 'head.kb', 'rahasia-123');

    const measure = async (c: Client, k: number) => {
      const before = server.handle.sql.count;
      const d = ok(await c.gql(QUERY, { p: period.id, k }));
      return { statements: server.handle.sql.count - before, rows: d.kanwilComparison.rows.length };
    };
    await measure(headA, small); // warm the instrument cache
    const a = await measure(headA, small);
    const b = await measure(headB, large);
    expect(a.rows).toBe(5);
    expect(b.rows).toBe(50);
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(10);

    // a Kanwil head of KA may not compare KB
    expect(errorCode(await headA.gql(QUERY, { p: period.id, k: large }))).toBe('FORBIDDEN');
  });
});
