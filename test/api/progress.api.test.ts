import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument, scoreAnswers, type Answers } from '@pantau/shared';
import { AnswerLevel, Role, SubmissionStatus, TargetPredicate } from '../../server/src/common/enums';
import { Answer } from '../../server/src/modules/answer/entities';
import { AuditEvent } from '../../server/src/modules/audit/entities';
import { InstrumentVersion } from '../../server/src/modules/instrument/entities';
import { Kanwil, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { Period } from '../../server/src/modules/period/entities';
import { Submission } from '../../server/src/modules/submission/entities';
import { createUserIn } from '../../server/src/modules/user/service';
import { isoWeekLabel } from '../../server/src/modules/progress/service';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $answers) { answers { soalId } } }`;
const ANSWERS = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId value version } } }`;
const PROGRESS = `query ($p: Int!, $k: Int) { progressOverTime(periodId: $p, kanwilId: $k) {
  level kanwil { id } weeks { week start asOf submissions averageCompleteness averageSelfTotal }
  units { satker { code } submissionId completeness selfTotal } } }`;

const DAY = 24 * 3600 * 1000;

describe('progress over time (daily snapshots; replayed once from the audit trail)', () => {
  let server: TestServer;
  let coord: Client;
  let head: Client;
  let subId: number;
  const inst = bundledInstrument(2026);

  const answersNow = async (): Promise<{ answers: Answers; versions: Map<number, number> }> => {
    const d = ok(await coord.gql(ANSWERS, { id: subId }));
    const answers: Answers = {};
    const versions = new Map<number, number>();
    for (const a of d.submission.answers) {
      answers[a.soalId] = a.value;
      versions.set(a.soalId, a.version);
    }
    return { answers, versions };
  };

  beforeAll(async () => {
    server = await startServer();
    coord = await loginAs(server, 'koordinator.polonia');
    head = await loginAs(server, 'kakanwil');
    subId = (await demoSubmissions(coord))['IMI-POLONIA'].id;
  });
  afterAll(async () => server?.cleanup());

  it('gives one point per ISO week with the unit’s SELF completeness and total as the answers were, and the Kanwil average', async () => {
    const start = await answersNow();
    const blank = inst.items.filter((i) => i.required && !i.survey && i.options.length > 1 && (start.answers[i.soalId] ?? null) === null);
    expect(blank.length).toBeGreaterThanOrEqual(5);
    // week 1: three blank items answered with their best option
    ok(
      await coord.gql(SAVE, {
        id: subId,
        answers: blank.slice(0, 3).map((i) => ({ soalId: i.soalId, value: i.options[0].key, expectedVersion: start.versions.get(i.soalId) ?? null })),
      }),
    );
    const week1 = await answersNow();
    // the dashboard was read then: that day's snapshot — moved 8 days back, as if the save and the read were then
    const firstAt = new Date(Date.now() - 8 * DAY);
    ok(await head.gql(PROGRESS, { p: 1 }));
    {
      const knex = server.handle.orm.em.getConnection().getKnex();
      const today = new Date().toISOString().slice(0, 10);
      expect(
        await knex('score_snapshot')
          .where({ submission_id: subId, day: today })
          .update({ day: firstAt.toISOString().slice(0, 10) }),
      ).toBeGreaterThan(0);
    }
    // this week: two more items, and the first one changed to its worst option
    const w = blank[0];
    ok(
      await coord.gql(SAVE, {
        id: subId,
        answers: [
          { soalId: w.soalId, value: w.options[w.options.length - 1].key, expectedVersion: week1.versions.get(w.soalId) },
          ...blank.slice(3, 5).map((i) => ({ soalId: i.soalId, value: i.options[1].key, expectedVersion: null })),
        ],
      }),
    );
    const week2 = await answersNow();

    const d = ok(await head.gql(PROGRESS, { p: 1 })).progressOverTime;
    expect(d.level).toBe('SELF');
    const labels = d.weeks.map((x: any) => x.week);
    // the series starts with the demo history (seeded weeks ago), the unit's saves fall inside it
    const firstWeek = labels.indexOf(isoWeekLabel(firstAt));
    expect(firstWeek).toBeGreaterThanOrEqual(4);
    expect(labels[labels.length - 1]).toBe(isoWeekLabel(new Date()));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(labels).size).toBe(labels.length);

    const unit = d.units.find((u: any) => u.submissionId === subId);
    expect(unit.satker.code).toBe('IMI-POLONIA');
    expect(unit.completeness).toHaveLength(labels.length);
    const s1 = scoreAnswers(inst, week1.answers);
    const s2 = scoreAnswers(inst, week2.answers);
    const s0 = scoreAnswers(inst, start.answers);
    expect(s1.total).not.toBeCloseTo(s2.total, 6);
    expect(s1.completeness).not.toBe(s0.completeness);
    const last = labels.length - 1;
    // the week before: the answers as seeded (the last point of the demo history); earlier weeks grow towards them
    expect(unit.completeness[firstWeek - 1]).toBeCloseTo(s0.completeness, 12);
    expect(unit.selfTotal[firstWeek - 1]).toBeCloseTo(s0.total, 12);
    for (let i = 1; i < firstWeek; i++) expect(unit.completeness[i]).toBeGreaterThanOrEqual(unit.completeness[i - 1]);
    expect(unit.completeness[0]).toBeLessThan(s0.completeness);
    for (let i = firstWeek; i < last; i++) {
      // the week of batch 1 and any quiet one after it hold the answers as they were after batch 1
      expect(unit.completeness[i]).toBeCloseTo(s1.completeness, 12);
      expect(unit.selfTotal[i]).toBeCloseTo(s1.total, 12);
    }
    expect(unit.completeness[last]).toBeCloseTo(s2.completeness, 12);
    expect(unit.selfTotal[last]).toBeCloseTo(s2.total, 12);

    // the Kanwil average of the current week = the mean over every submission of the comparison
    const cmp = ok(await head.gql(`query { kanwilComparison(periodId: 1) { rows { submissionId completeness } } }`)).kanwilComparison.rows.filter(
      (r: any) => r.submissionId,
    );
    expect(d.weeks[last].submissions).toBe(cmp.length);
    expect(d.units).toHaveLength(cmp.length);
    const mean = cmp.reduce((a: number, r: any) => a + r.completeness, 0) / cmp.length;
    expect(d.weeks[last].averageCompleteness).toBeCloseTo(mean, 12);
    const meanTotal = d.units.reduce((a: number, u: any) => a + u.selfTotal[last], 0) / d.units.length;
    expect(d.weeks[last].averageSelfTotal).toBeCloseTo(meanTotal, 12);
  });

  it('uses the same number of SQL statements for 2 and for 12 units, whatever the number of events', async () => {
    const em = server.handle.orm.em.fork();
    const version = await em.findOneOrFail(InstrumentVersion, { year: 2026 }, { fields: ['id'] });
    const period = em.create(Period, { year: 2026, name: 'Global 2026', kanwil: null, instrumentVersion: version.id, createdAt: new Date() });
    await em.flush();
    const build = async (code: string, n: number) => {
      const kanwil = em.create(Kanwil, { code, name: `Kanwil ${code}`, createdAt: new Date() });
      await em.flush();
      for (let i = 0; i < n; i++) {
        const satker = em.create(Satker, {
          code: `${code}-${i}`,
          name: `Unit ${i}`,
          kind: SatkerKind.LAPAS,
          division: 'Pemasyarakatan',
          kanwil,
          createdAt: new Date(),
        });
        const sub = em.create(Submission, {
          satker,
          period,
          target: TargetPredicate.WBK,
          status: SubmissionStatus.DRAFT,
          version: 1,
          createdAt: new Date(Date.now() - 30 * DAY),
          updatedAt: new Date(),
        });
        await em.flush();
        const items = inst.items.filter((it) => it.options.length > 1).slice(0, 3 + i);
        for (const [j, it] of items.entries()) {
          em.create(Answer, {
            submission: sub,
            soalId: it.soalId,
            level: AnswerLevel.SELF,
            valueJson: JSON.stringify(it.options[0].key),
            updatedAt: new Date(),
            version: 1,
          } as never);
          em.create(AuditEvent, {
            action: 'answers.save',
            objectType: 'Submission',
            objectId: String(sub.id),
            kanwilId: kanwil.id,
            satkerId: satker.id,
            before: { level: 'SELF', answers: { [it.soalId]: null } },
            after: { level: 'SELF', answers: { [it.soalId]: { value: it.options[0].key, note: null, version: 1 } } },
            at: new Date(Date.now() - (20 - j) * DAY),
          });
        }
        await em.flush();
      }
      await createUserIn(em, null, {
        username: `head.${code.toLowerCase()}`,
        displayName: 'Head',
        password: 'rahasia-123',
        roles: [{ role: Role.KANWIL_HEAD, kanwilId: kanwil.id }],
      } as never);
      return kanwil.id;
    };
    const small = await build('PA', 2);
    const large = await build('PB', 12);
    const measure = async (who: string, k: number) => {
      const c = await loginAs(server, who, 'rahasia-123');
      const before = server.handle.sql.count;
      const d = ok(await c.gql(PROGRESS, { p: period.id, k })).progressOverTime;
      return { statements: server.handle.sql.count - before, units: d.units.length, weeks: d.weeks.length, d };
    };
    // first read: every history is replayed from the audit trail (once) and today's snapshots are taken
    const a = await measure('head.pa', small);
    const b = await measure('head.pb', large);
    expect(a.units).toBe(2);
    expect(b.units).toBe(12);
    expect(b.weeks).toBeGreaterThanOrEqual(3);
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(15);
    // later reads: the snapshots only (no audit event, no answer read), the same result
    const a2 = await measure('head.pa', small);
    const b2 = await measure('head.pb', large);
    expect(b2.statements).toBe(a2.statements);
    expect(a2.statements).toBeLessThanOrEqual(a.statements - 7); // no replay (4) nor recomputation (3)
    expect(b2.d.units).toEqual(b.d.units);
    // the last unit of PB answered one more item every day from 20 days ago: completeness grows week by week
    const grow = b.d.units.find((u: any) => u.satker.code === 'PB-11').completeness as number[];
    for (let i = 1; i < grow.length; i++) expect(grow[i]).toBeGreaterThanOrEqual(grow[i - 1]);
    expect(grow[grow.length - 1]).toBeCloseTo(14 / inst.requiredCount, 12);
    expect(grow[0]).toBeLessThan(grow[grow.length - 1]);
  });

  it('gives every level: Kanwil averages per level, and a level’s change shows in the current week', async () => {
    const LEVELS_Q = `query ($p: Int!) { progressOverTime(periodId: $p) { weeks { week averageCompleteness averageSelfTotal }
      levels { level submissions averageCompleteness averageTotal } units { submissionId levels { level completeness total } } } }`;
    const d = ok(await head.gql(LEVELS_Q, { p: 1 })).progressOverTime;
    expect(d.levels.map((l: any) => l.level)).toEqual(['SELF', 'KANWIL', 'TPI', 'TPN']);
    for (const l of d.levels) expect(l.averageTotal).toHaveLength(d.weeks.length);
    expect(d.levels[0].averageTotal).toEqual(d.weeks.map((w: any) => w.averageSelfTotal));
    expect(d.levels[0].averageCompleteness).toEqual(d.weeks.map((w: any) => w.averageCompleteness));
    // the demo Kanwil has reviewed submissions: KANWIL values exist
    const last = d.weeks.length - 1;
    expect(d.levels[1].submissions[last]).toBeGreaterThan(0);
    // a Kanwil head's KANWIL answer changes that unit's KANWIL total in the current week (and only there)
    const cmp = ok(await head.gql(`query { kanwilComparison(periodId: 1) { rows { submissionId status kanwilTotal } } }`)).kanwilComparison.rows;
    const row = cmp.find((r: any) => r.status === 'SUBMITTED' && r.kanwilTotal !== null);
    expect(row).toBeTruthy();
    const cur = ok(await head.gql(`query ($id: Int!) { submission(id: $id) { answers(level: KANWIL) { soalId value version } } }`, { id: row.submissionId }))
      .submission.answers;
    const item = inst.items.find((i) => i.options.length > 1 && !i.survey && cur.some((a: any) => a.soalId === i.soalId && a.value === i.options[0].key))!;
    const a = cur.find((x: any) => x.soalId === item.soalId);
    ok(
      await head.gql(`mutation ($id: Int!, $a: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: KANWIL, answers: $a) { answers { soalId } } }`, {
        id: row.submissionId,
        a: [{ soalId: item.soalId, value: item.options[item.options.length - 1].key, expectedVersion: a.version }],
      }),
    );
    const after = ok(await head.gql(LEVELS_Q, { p: 1 })).progressOverTime;
    const before = d.units.find((u: any) => u.submissionId === row.submissionId).levels[1].total;
    const now = after.units.find((u: any) => u.submissionId === row.submissionId).levels[1].total;
    expect(now[now.length - 1]).toBeLessThan(before[before.length - 1]);
    expect(now.slice(0, -1)).toEqual(before.slice(0, -1));
  });

  it('is for admins, Kanwil heads and Kanwil viewers only', async () => {
    expect(ok(await (await loginAs(server, 'admin')).gql(PROGRESS, { p: 1, k: 1 })).progressOverTime.units.length).toBeGreaterThan(0);
    expect(ok(await (await loginAs(server, 'pengamat')).gql(PROGRESS, { p: 1 })).progressOverTime.units.length).toBeGreaterThan(0);
    expect(errorCode(await coord.gql(PROGRESS, { p: 1, k: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await (await loginAs(server, 'evaluator.itjen')).gql(PROGRESS, { p: 1, k: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await new Client(server.url).gql(PROGRESS, { p: 1, k: 1 }))).toBe('UNAUTHENTICATED');
  });
});
