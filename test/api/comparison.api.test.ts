import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument } from '@pantau/shared';
import { Role, SubmissionStatus, TargetPredicate, AnswerLevel, SurveyKindEnum, SurveySource } from '../../server/src/common/enums';
import { InstrumentVersion } from '../../server/src/modules/instrument/entities';
import { Kanwil, Predicate, PredicateHistory, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { Period } from '../../server/src/modules/period/entities';
import { Submission } from '../../server/src/modules/submission/entities';
import { SurveyResult } from '../../server/src/modules/survey/entities';
import { Answer } from '../../server/src/modules/answer/entities';
import { createUserIn } from '../../server/src/modules/user/service';
import { User } from '../../server/src/modules/user/entities';
import { DeadlineExtension, StageEnum } from '../../server/src/modules/period/entities';
import { demoAnswers } from '../../server/src/db/seed';
import { SubmissionScoreCache } from '../../server/src/modules/comparison/entities';
import { copyLevelAnswers } from '../../server/src/modules/workflow/answers';
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
    const satker = em.create(Satker, {
      code: `${code}-${i}`,
      name: `Unit ${i}`,
      kind: SatkerKind.LAPAS,
      division: 'Pemasyarakatan',
      kanwil,
      createdAt: new Date(),
    });
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
    for (const [level, on] of [
      [AnswerLevel.SELF, true],
      [AnswerLevel.KANWIL, true],
      [AnswerLevel.TPI, i % 2 === 1],
    ] as const) {
      if (!on) continue;
      for (const [k, v] of Object.entries(self))
        rows.push({ submission: sub.id, soalId: Number(k), level, valueJson: JSON.stringify(v), updatedAt: new Date(), version: 1 });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await em.insertMany(Answer, rows.slice(i, i + 500) as never[]);
  await createUserIn(em, null, {
    username: `head.${code.toLowerCase()}`,
    displayName: 'Head',
    password: 'rahasia-123',
    roles: [{ role: Role.KANWIL_HEAD, kanwilId: kanwil.id }],
  });
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
    const s = ok(
      await c.gql(`query ($id: Int!) { submission(id: $id) { scores { self { total } kanwil { total } tpi { total } } } }`, {
        id: byCode['IMI-BATAM'].submissionId,
      }),
    ).submission;
    expect(byCode['IMI-BATAM'].selfTotal).toBeCloseTo(s.scores.self.total, 12);
    expect(byCode['IMI-BATAM'].tpiTotal).toBeCloseTo(s.scores.tpi.total, 12);
  });

  it('gives the gap to the target (shared planGap)', async () => {
    const c = await loginAs(server, 'kakanwil');
    const d = ok(
      await c.gql(
        `{ kanwilComparison(periodId: 1) { rows { satker { code } eligibility { eligible } gap { target basisLevel reachable itemCount requiredPengungkit changes { soalId from to gain } blockers { requirement } } } } }`,
      ),
    ).kanwilComparison;
    const pol = d.rows.find((r: any) => r.satker.code === 'IMI-POLONIA');
    expect(pol.gap).toMatchObject({ target: 'WBK', basisLevel: 'SELF' });
    expect(pol.gap.itemCount).toBe(pol.gap.changes.length);
    expect(d.rows.find((r: any) => r.satker.code === 'PAS-LPKA-MEDAN').gap).toBeNull();
  });

  it('says for each unit whether its Hasil is measured, estimated or missing, with each survey value, its source and what it must reach', async () => {
    const c = await loginAs(server, 'kakanwil');
    const d = ok(
      await c.gql(
        `{ kanwilComparison(periodId: 1) { rows { satker { code } target hasil { state basisLevel surveys { kind state index source requiredIndex message } } gap { surveys { kind state assumedIndex message } blockers { requirement } } } } }`,
      ),
    ).kanwilComparison;
    const by = Object.fromEntries(d.rows.map((r: any) => [r.satker.code, r]));
    // nominated units carry BPS results: measured, at TPI level
    expect(by['IMI-MEDAN'].hasil.state).toBe('MEASURED');
    expect(by['IMI-MEDAN'].hasil.basisLevel).toBe('TPI');
    expect(by['IMI-MEDAN'].hasil.surveys.map((s: any) => [s.kind, s.state, s.source])).toEqual([
      ['IPAK', 'MEASURED', 'BPS'],
      ['IPKP', 'MEASURED', 'BPS'],
    ]);
    // a Kanwil-reviewed unit: the Kanwil's own entry or the unit's internal round, no official result: estimated
    for (const s of by['IMI-PATI'].hasil.surveys) expect(['ANSWER', 'INTERNAL']).toContain(s.source);
    expect(by['IMI-PATI'].hasil.state).toBe('ESTIMATED');
    // without a submission there is nothing to say
    expect(by['PAS-LPKA-MEDAN'].hasil).toBeNull();
    const states = new Set<string>();
    for (const r of d.rows.filter((r: any) => r.hasil)) {
      states.add(r.hasil.state);
      for (const s of r.hasil.surveys) {
        expect(s.message).toMatch(new RegExp(`^${s.kind} ≥ \\d,\\d\\d diperlukan`));
        expect(s.requiredIndex).toBe(s.kind === 'IPKP' && r.target === 'WBK' ? 3.2 : 3.6);
        if (s.state === 'MISSING') expect([s.index, s.source]).toEqual([null, null]);
      }
      // the plan never calls a missing survey a blocker: it assumes the minimum and says what the survey must reach
      const missing = r.gap.surveys.filter((s: any) => s.state === 'MISSING');
      for (const s of missing) expect(r.gap.blockers.map((b: any) => b.requirement)).not.toContain(s.kind === 'IPAK' ? 'ipak' : 'pelayanan');
    }
    expect(states).toEqual(new Set(['MEASURED', 'ESTIMATED', 'MISSING']));
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
    ok(await headA.gql('{ instrument(year: 2026) { versionId } }')); // warm the instrument cache
    ok(await headB.gql('{ __typename }')); // and headB's session (the lookup is cached on SQLite)
    // first request: every submission's score cache row is missing (their answers are read and the cache written)
    const coldA = await measure(headA, small);
    const coldB = await measure(headB, large);
    // then every row is current: no answer is read at all
    const a = await measure(headA, small);
    const b = await measure(headB, large);
    expect(a.rows).toBe(5);
    expect(b.rows).toBe(50);
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(10);
    expect(coldB.statements).toBe(coldA.statements);
    expect(coldA.statements).toBe(a.statements + 3); // stale answers + one batched cache write + one snapshot write

    // a Kanwil head of KA may not compare KB
    expect(errorCode(await headA.gql(QUERY, { p: period.id, k: large }))).toBe('FORBIDDEN');
  });
});

describe('Kanwil comparison score cache', () => {
  let server: TestServer;
  let head: Client;
  let periodId: number;
  let kanwilId: number;
  const FULL = `query ($p: Int!, $k: Int) { kanwilComparison(periodId: $p, kanwilId: $k) {
    rows { satker { code } submissionId status target completeness selfTotal kanwilTotal tpiTotal holdsWbk
      areas { code name weight selfPercent kanwilPercent tpiPercent }
      eligibility { eligible basisLevel failures { requirement actual required message awaitingSurvey } }
      nextDeadline { stage at } } } }`;

  beforeAll(async () => {
    server = await startServer();
    const em = server.handle.orm.em.fork();
    const version = await em.findOneOrFail(InstrumentVersion, { year: 2026 }, { fields: ['id'] });
    const period = em.create(Period, { year: 2026, name: 'Cache 2026', kanwil: null, instrumentVersion: version.id, createdAt: new Date() });
    await em.flush();
    periodId = period.id;
    kanwilId = await buildKanwil(server, 'KC', 8, periodId);
    head = await loginAs(server, 'head.kc', 'rahasia-123');
    ok(await head.gql('{ instrument(year: 2026) { versionId } }')); // warm the instrument cache
  });
  afterAll(async () => server?.cleanup());

  const run = async () => {
    const before = server.handle.sql.count;
    const rows = ok(await head.gql(FULL, { p: periodId, k: kanwilId })).kanwilComparison.rows;
    return { rows, statements: server.handle.sql.count - before };
  };
  /** The comparison computed from the answers alone (every cache row dropped first). */
  const fresh = async () => {
    await server.handle.orm.em.fork().nativeDelete(SubmissionScoreCache, {});
    return (await run()).rows;
  };
  const cacheRows = () => server.handle.orm.em.fork().count(SubmissionScoreCache, {});
  const subOf = async (code: string) => {
    const em = server.handle.orm.em.fork();
    return em.findOneOrFail(Submission, { satker: { code }, period: periodId });
  };

  it('stores one row per submission and serves the same result from it', async () => {
    const cold = await run();
    expect(await cacheRows()).toBe(7); // 8 units, one without a submission
    const warm = await run();
    expect(warm.rows).toEqual(cold.rows);
    expect(cold.statements).toBe(warm.statements + 3);
    // the numbers equal the submission view's (computed from the answers by the submission module)
    const s = (await subOf('KC-1')).id;
    const view = ok(
      await head.gql(`query ($id: Int!) { submission(id: $id) { scores { self { total } kanwil { total } tpi { total } } } }`, { id: s }),
    ).submission;
    const row = warm.rows.find((r: any) => r.submissionId === s);
    expect(row.selfTotal).toBe(view.scores.self.total);
    expect(row.kanwilTotal).toBe(view.scores.kanwil.total);
    expect(row.tpiTotal).toBe(view.scores.tpi.total);
  });

  it('recomputes a submission after answer edits, and only that one', async () => {
    await run();
    const sub = await subOf('KC-0'); // SUBMITTED: the Kanwil head writes KANWIL answers
    const before = (await run()).rows.find((r: any) => r.submissionId === sub.id);
    const saved = await head.gql(
      `mutation ($id: Int!) { saveAnswers(submissionId: $id, level: KANWIL, answers: [{ soalId: 1, value: "Tidak", expectedVersion: 1 }, { soalId: 2, value: "C", expectedVersion: 1 }]) { score { total } } }`,
      { id: sub.id },
    );
    ok(saved);
    const edited = await run();
    const row = edited.rows.find((r: any) => r.submissionId === sub.id);
    expect(row.kanwilTotal).toBe(saved.data.saveAnswers.score.total);
    expect(row.kanwilTotal).toBeLessThan(before.kanwilTotal);
    const warm = await run();
    expect(edited.statements).toBe(warm.statements + 3);
    expect(warm.rows).toEqual(edited.rows);
    expect(await fresh()).toEqual(edited.rows);
  });

  it('follows survey results recorded after the cache was filled', async () => {
    await run();
    const sub = await subOf('KC-1');
    const em = server.handle.orm.em.fork();
    // no level carries its own survey indices: the recorded survey results decide
    for (const a of await em.find(Answer, { submission: sub.id, soalId: { $in: [125, 127] } })) {
      a.valueJson = null; // version: bumped by the database (version property)
      a.updatedAt = new Date();
    }
    await em.flush();
    const before = (await run()).rows.find((r: any) => r.submissionId === sub.id);
    expect(before.eligibility.failures.map((f: any) => f.requirement)).toContain('pelayanan'); // IPKP awaited
    em.create(SurveyResult, {
      submission: sub.id,
      kind: SurveyKindEnum.IPKP,
      index: 3.9,
      respondents: 35,
      source: SurveySource.BPS,
      recordedAt: new Date(),
    } as never);
    await em.flush();
    const after = await run();
    const row = after.rows.find((r: any) => r.submissionId === sub.id);
    expect(row.tpiTotal).toBeGreaterThan(before.tpiTotal);
    expect(row.eligibility.failures.map((f: any) => f.requirement)).not.toContain('pelayanan');
    // a newer result of the same kind replaces it
    em.create(SurveyResult, {
      submission: sub.id,
      kind: SurveyKindEnum.IPKP,
      index: 2.0,
      respondents: 40,
      source: SurveySource.TPN,
      recordedAt: new Date(Date.now() + 1000),
    } as never);
    await em.flush();
    const later = await run();
    expect(later.rows.find((r: any) => r.submissionId === sub.id).tpiTotal).toBeLessThan(row.tpiTotal);
    expect(later.statements).toBe(after.statements);
    expect(await fresh()).toEqual(later.rows);
  });

  it('follows a level copy (the workflow copies one level into another)', async () => {
    await run();
    const sub = await subOf('KC-2'); // SUBMITTED: SELF + KANWIL answers, no TPI
    const before = (await run()).rows.find((r: any) => r.submissionId === sub.id);
    expect(before.tpiTotal).toBeNull();
    const em = server.handle.orm.em.fork();
    const admin = await em.findOneOrFail(User, { username: 'admin' });
    await em.transactional((tx) => copyLevelAnswers(tx, bundledInstrument(2026), sub.id, AnswerLevel.KANWIL, AnswerLevel.TPI, admin.id));
    const copied = await run();
    const row = copied.rows.find((r: any) => r.submissionId === sub.id);
    expect(row.tpiTotal).not.toBeNull();
    expect(row.eligibility.basisLevel).toBe('TPI');
    expect(await fresh()).toEqual(copied.rows);

    // a copy into blank slots that already exist bumps their version: blank two TPI answers, copy again
    await run();
    const em2 = server.handle.orm.em.fork();
    const slots = await em2.find(Answer, { submission: sub.id, level: AnswerLevel.TPI, soalId: { $in: [1, 2] } });
    for (const a of slots) {
      a.valueJson = null; // version: bumped by the database (version property)
      a.updatedAt = new Date();
    }
    await em2.flush();
    const blanked = (await run()).rows.find((r: any) => r.submissionId === sub.id);
    expect(blanked.tpiTotal).toBeLessThan(row.tpiTotal);
    await em.fork().transactional((tx) => copyLevelAnswers(tx, bundledInstrument(2026), sub.id, AnswerLevel.KANWIL, AnswerLevel.TPI, admin.id));
    const recopied = await run();
    expect(recopied.rows.find((r: any) => r.submissionId === sub.id).tpiTotal).toBe(row.tpiTotal);
    expect(await fresh()).toEqual(recopied.rows);
  });

  it('notices answers rewritten by raw SQL, even without a version bump or a change of length (database triggers)', async () => {
    await run();
    const sub = await subOf('KC-3');
    const knex = server.handle.orm.em.getConnection().getKnex();
    const row = await knex('answer').where({ submission_id: sub.id, level: 'SELF', value_json: '"A"' }).first('id', 'version');
    expect(row).toBeTruthy();
    const before = (await run()).rows.find((r: any) => r.submissionId === sub.id);
    await knex('answer').where({ id: row.id }).update({ value_json: '"B"' }); // same length, same version
    const after = await run();
    expect(after.rows.find((r: any) => r.submissionId === sub.id).selfTotal).toBeLessThan(before.selfTotal);
    expect(await fresh()).toEqual(after.rows);
    // a deleted row too
    const before2 = after.rows.find((r: any) => r.submissionId === sub.id);
    await knex('answer').where({ submission_id: sub.id, level: 'SELF', value_json: '"A"' }).delete();
    const deleted = await run();
    expect(deleted.rows.find((r: any) => r.submissionId === sub.id).completeness).toBeLessThan(before2.completeness);
    expect(await fresh()).toEqual(deleted.rows);
  });

  it('keeps submissions with the same change counter apart (the in-process cache is keyed by submission too)', async () => {
    const knex = server.handle.orm.em.getConnection().getKnex();
    const [a, b] = [(await subOf('KC-1')).id, (await subOf('KC-2')).id];
    await knex('survey_result').whereIn('submission_id', [a, b]).delete();
    await knex('submission').whereIn('id', [a, b]).update({ answers_rev: 7777 });
    await run(); // both recomputed
    const warm = await run(); // both from the cache
    const ra = warm.rows.find((r: any) => r.submissionId === a);
    const rb = warm.rows.find((r: any) => r.submissionId === b);
    expect(ra.selfTotal).not.toBe(rb.selfTotal);
    expect(await fresh()).toEqual(warm.rows);
  });

  it('eligibility follows the predicate history without touching the cache', async () => {
    await run();
    const sub = await subOf('KC-4'); // target WBK, no WBK predicate yet
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(Submission, { id: sub.id }, { target: TargetPredicate.WBBM });
    const beforeRows = await run();
    const before = beforeRows.rows.find((r: any) => r.submissionId === sub.id);
    expect(before.eligibility.failures.map((f: any) => f.requirement)).toContain('wbk');
    em.create(PredicateHistory, { satker: sub.satker.id, predicate: Predicate.WBK, year: 2024, revoked: false } as never);
    await em.flush();
    const after = await run();
    expect(after.statements).toBe(beforeRows.statements); // every cache row still current
    expect(after.rows.find((r: any) => r.submissionId === sub.id).eligibility.failures.map((f: any) => f.requirement)).not.toContain('wbk');
    expect(await fresh()).toEqual(after.rows);
  });
});
