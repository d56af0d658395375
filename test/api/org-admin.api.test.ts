import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/common/enums';
import { createUserIn } from '../../server/src/modules/user/service';
import { Client, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

/** From an empty installation (PANTAU_SEED=none) to a scored submission, through the API only. */
describe('organisation management on an empty installation', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer({ seed: 'none' });
    await createUserIn(server.handle.orm.em.fork(), null, { username: 'root', displayName: 'Root', password: 'rahasia-root', roles: [{ role: Role.ADMIN }] });
    admin = await loginAs(server, 'root', 'rahasia-root');
  });
  afterAll(async () => server?.cleanup());

  it('admin creates Kanwil, units, a period and users; the coordinator opens and fills a submission', async () => {
    const k = ok(await admin.gql('mutation { createKanwil(input: { code: "KW-SU", name: "Kanwil Sumatera Utara" }) { id code name } }')).createKanwil;
    expect(errorCode(await admin.gql('mutation { createKanwil(input: { code: "KW-SU", name: "Lagi" }) { id } }'))).toBe('CONFLICT');
    const s = ok(
      await admin.gql(
        `mutation ($k: Int!) { createSatker(input: { code: "IMI-POLONIA", name: "Kantor Imigrasi Kelas I TPI Polonia", kind: KANIM, division: "Imigrasi", kanwilId: $k }) { id code kind kanwilId } }`,
        { k: k.id },
      ),
    ).createSatker;
    expect(s).toMatchObject({ code: 'IMI-POLONIA', kind: 'KANIM', kanwilId: k.id });
    ok(
      await admin.gql(
        `mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBK, year: 2023, decreeNumber: "KEP-1", decreeDate: "2023-12-14" }) { id } }`,
        { s: s.id },
      ),
    );
    expect(
      errorCode(
        await admin.gql(`mutation ($s: Int!) { addPredicate(satkerId: $s, input: { predicate: WBK, year: 2023, decreeDate: "14-12-2023" }) { id } }`, {
          s: s.id,
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    const bad = await admin.gql(
      `mutation { createPeriod(input: { year: 2026, name: "ZI 2026", selfAssessmentDeadline: "2026-12-31T00:00:00Z", kanwilReviewDeadline: "2026-06-01T00:00:00Z" }) { id } }`,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const p = ok(
      await admin.gql(
        `mutation ($k: Int) { createPeriod(input: { year: 2026, name: "ZI 2026", kanwilId: $k, selfAssessmentDeadline: "2099-01-31T00:00:00Z", kanwilReviewDeadline: "2099-02-28T00:00:00Z" }) { id year instrumentVersionId kanwilId } }`,
        { k: k.id },
      ),
    ).createPeriod;
    expect(p).toMatchObject({ year: 2026, kanwilId: k.id });
    expect(errorCode(await admin.gql('mutation { createPeriod(input: { year: 2031, name: "Tanpa instrumen" }) { id } }'))).toBe('BAD_USER_INPUT');

    ok(
      await admin.gql(
        `mutation ($s: Int!, $k: Int!) {
        a: createUser(input: { username: "koor", displayName: "Koordinator", password: "rahasia-123", roles: [{ role: COORDINATOR, satkerId: $s }] }) { id }
        b: createUser(input: { username: "head", displayName: "Kakanwil", password: "rahasia-123", roles: [{ role: KANWIL_HEAD, kanwilId: $k }] }) { id } }`,
        { s: s.id, k: k.id },
      ),
    );
    const koor = await loginAs(server, 'koor', 'rahasia-123');
    expect(errorCode(await koor.gql('mutation { createKanwil(input: { code: "X1", name: "X" }) { id } }'))).toBe('FORBIDDEN');
    expect(
      errorCode(await koor.gql(`mutation ($k: Int!) { createSatker(input: { code: "X2", name: "X", kind: OTHER, kanwilId: $k }) { id } }`, { k: k.id })),
    ).toBe('FORBIDDEN');

    const sub = ok(
      await koor.gql(
        `mutation ($p: Int!, $s: Int!) { createSubmission(input: { periodId: $p, satkerId: $s, target: WBBM, pencananganDate: "2025-01-06" }) { id status target pencananganDate satker { holdsWbk } } }`,
        { p: p.id, s: s.id },
      ),
    ).createSubmission;
    expect(sub).toMatchObject({ status: 'DRAFT', target: 'WBBM', pencananganDate: '2025-01-06', satker: { holdsWbk: true } });
    expect(
      errorCode(
        await koor.gql(`mutation ($p: Int!, $s: Int!) { createSubmission(input: { periodId: $p, satkerId: $s, target: WBK }) { id } }`, { p: p.id, s: s.id }),
      ),
    ).toBe('CONFLICT');

    const saved = ok(
      await koor.gql(
        `mutation ($id: Int!) { saveAnswers(submissionId: $id, level: SELF, answers: [{ soalId: 2, value: "A" }, { soalId: 88, value: 4 }, { soalId: 89, value: 4 }]) { score { total answered } } }`,
        { id: sub.id },
      ),
    ).saveAnswers;
    expect(saved.score.answered).toBe(3);

    const head = await loginAs(server, 'head', 'rahasia-123');
    const cmp = ok(
      await head.gql(
        `query ($p: Int!) { kanwilComparison(periodId: $p) { kanwil { code } rows { satker { code } status selfTotal eligibility { eligible } } } }`,
        { p: p.id },
      ),
    ).kanwilComparison;
    expect(cmp.kanwil.code).toBe('KW-SU');
    expect(cmp.rows).toEqual([{ satker: { code: 'IMI-POLONIA' }, status: 'DRAFT', selfTotal: saved.score.total, eligibility: { eligible: false } }]);

    ok(await head.gql(`mutation ($s: Int!) { updateSatker(id: $s, input: { name: "Kanim Polonia" }) { name } }`, { s: s.id }));
    const actions = ok(await admin.gql('{ auditEvents(pageSize: 100) { items { action } } }')).auditEvents.items.map((e: any) => e.action);
    for (const a of ['kanwil.create', 'satker.create', 'predicate.add', 'period.create', 'user.create', 'submission.create', 'answers.save', 'satker.update']) {
      expect(actions, a).toContain(a);
    }
  });
});
