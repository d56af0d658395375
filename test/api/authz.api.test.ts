import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const SAVE = `mutation ($id: Int!, $level: AnswerLevel!, $answers: [AnswerInput!]!) {
  saveAnswers(submissionId: $id, level: $level, answers: $answers) { answers { soalId value version } score { total } }
}`;
const READ = `query ($id: Int!) { submission(id: $id) { id status satker { code } scores { self { total } } } }`;

/** An item answered by no level in the demo data is not needed: we read the current version first. */
async function versionOf(c: Client, id: number, level: string, soalId: number): Promise<number | null> {
  const d = ok(await c.gql(`query ($id: Int!, $l: AnswerLevel) { submission(id: $id) { answers(level: $l) { soalId version } } }`, { id, l: level }));
  return d.submission.answers.find((a: any) => a.soalId === soalId)?.version ?? null;
}

describe('authorisation matrix', () => {
  let server: TestServer;
  let subs: Record<string, { id: number; status: string; satkerId: number }>;
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    server = await startServer();
    for (const u of ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat', 'kepala.polonia']) {
      clients[u] = await loginAs(server, u);
    }
    subs = await demoSubmissions(clients.admin);
  });
  afterAll(async () => server?.cleanup());

  it('unauthenticated requests get UNAUTHENTICATED (me is null)', async () => {
    const anon = new Client(server.url);
    expect(ok(await anon.gql('{ me { id } }')).me).toBeNull();
    for (const q of ['{ submissions(periodId: 1) { id } }', '{ instrument { year } }', '{ kanwils { id } }', '{ auditEvents { total } }', '{ users { id } }']) {
      const r = await anon.gql(q);
      expect(errorCode(r), q).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/masuk/);
    }
    const r = await anon.gql(SAVE, { id: subs['IMI-POLONIA'].id, level: 'SELF', answers: [{ soalId: 2, value: 'A', expectedVersion: null }] });
    expect(errorCode(r)).toBe('UNAUTHENTICATED');
  });

  it('admin, Kanwil head and Kanwil viewer see every submission of the Kanwil (the admin every Kanwil’s)', async () => {
    const all = ok(await clients.admin.gql('{ submissions(periodId: 1) { id satker { kanwil { code } } } }')).submissions as any[];
    const demoKanwil = all.filter((s) => s.satker.kanwil.code === 'KW-DEMO').map((s) => s.id);
    expect(demoKanwil).toHaveLength(19);
    // the period also holds the Eselon I route demo of another Kanwil (Kanim Medan under Kanwil Ditjen Imigrasi)
    expect(all.length).toBeGreaterThan(demoKanwil.length);
    expect(all).toHaveLength(Object.keys(subs).length);
    for (const u of ['kakanwil', 'pengamat']) {
      const d = ok(await clients[u].gql('{ submissions(periodId: 1) { id } }'));
      expect(d.submissions.map((s: any) => s.id).sort(), u).toEqual([...demoKanwil].sort());
    }
  });

  it('a coordinator reads only their own unit; unit B is FORBIDDEN', async () => {
    const c = clients['koordinator.polonia'];
    const list = ok(await c.gql('{ submissions(periodId: 1) { satker { code } } }')).submissions;
    expect(list.map((s: any) => s.satker.code)).toEqual(['IMI-POLONIA']);
    expect(ok(await c.gql(READ, { id: subs['IMI-POLONIA'].id })).submission.satker.code).toBe('IMI-POLONIA');
    const r = await c.gql(READ, { id: subs['IMI-BANGGAI'].id });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.data?.submission ?? null).toBeNull();
    expect(errorCode(await c.gql('{ submissions(periodId: 1, satkerId: ' + subs['IMI-BANGGAI'].satkerId + ') { id } }'))).toBe('FORBIDDEN');
    expect(errorCode(await c.gql(`{ satker(id: ${subs['IMI-BANGGAI'].satkerId}) { id } }`))).toBe('FORBIDDEN');
    expect(ok(await c.gql('{ satkers { code } }')).satkers.map((s: any) => s.code)).toEqual(['IMI-POLONIA']);
  });

  it('a coordinator writing unit B gets FORBIDDEN and nothing is saved', async () => {
    const banggai = subs['IMI-BANGGAI'].id;
    const before = await versionOf(clients['koordinator.banggai'], banggai, 'SELF', 2);
    const r = await clients['koordinator.polonia'].gql(SAVE, { id: banggai, level: 'SELF', answers: [{ soalId: 2, value: 'A', expectedVersion: before }] });
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await versionOf(clients['koordinator.banggai'], banggai, 'SELF', 2)).toBe(before);
  });

  it('a coordinator writes SELF of their unit (DRAFT and REVISION_REQUESTED)', async () => {
    for (const [user, code] of [
      ['koordinator.polonia', 'IMI-POLONIA'],
      ['koordinator.banggai', 'IMI-BANGGAI'],
    ]) {
      const c = clients[user];
      const v = await versionOf(c, subs[code].id, 'SELF', 2);
      const d = ok(await c.gql(SAVE, { id: subs[code].id, level: 'SELF', answers: [{ soalId: 2, value: 'B', expectedVersion: v }] }));
      expect(d.saveAnswers.answers[0]).toMatchObject({ soalId: 2, value: 'B', version: (v ?? 0) + 1 });
    }
  });

  it('a coordinator may not write other levels', async () => {
    const r = await clients['koordinator.polonia'].gql(SAVE, { id: subs['IMI-POLONIA'].id, level: 'KANWIL', answers: [{ soalId: 2, value: 'A' }] });
    expect(errorCode(r)).toBe('FORBIDDEN');
  });

  it('an evaluator sees only assigned submissions and writes TPI only in desk review', async () => {
    const c = clients['evaluator.itjen'];
    const codes = ok(await c.gql('{ submissions(periodId: 1) { satker { code } } }'))
      .submissions.map((s: any) => s.satker.code)
      .sort();
    expect(codes).toEqual(['IMI-BATAM', 'IMI-PATI', 'IMI-TPINANG', 'PAS-LAPAS-BINJAI']);
    expect(errorCode(await c.gql(READ, { id: subs['IMI-POLONIA'].id }))).toBe('FORBIDDEN');
    expect(errorCode(await c.gql(`{ kanwilComparison(periodId: 1) { rows { submissionId } } }`))).toBe('FORBIDDEN');

    const tp = subs['IMI-TPINANG'].id; // IN_DESK_REVIEW, assigned
    const v = await versionOf(c, tp, 'TPI', 2);
    const d = ok(await c.gql(SAVE, { id: tp, level: 'TPI', answers: [{ soalId: 2, value: 'B', note: 'Bukti belum lengkap', expectedVersion: v }] }));
    expect(d.saveAnswers.answers[0]).toMatchObject({ soalId: 2, value: 'B' });

    expect(errorCode(await c.gql(SAVE, { id: tp, level: 'SELF', answers: [{ soalId: 2, value: 'B' }] }))).toBe('FORBIDDEN');
    const pati = subs['IMI-PATI'].id; // KANWIL_REVIEWED: desk review not started
    expect(errorCode(await c.gql(SAVE, { id: pati, level: 'TPI', answers: [{ soalId: 2, value: 'B' }] }))).toBe('INVALID_STATE');
  });

  it('viewers are read-only (Kanwil viewer and satker viewer)', async () => {
    const pengamat = clients.pengamat;
    expect(ok(await pengamat.gql(READ, { id: subs['IMI-BANGGAI'].id })).submission.id).toBe(subs['IMI-BANGGAI'].id);
    expect(ok(await pengamat.gql('{ kanwilComparison(periodId: 1) { rows { submissionId } } }')).kanwilComparison.rows).toHaveLength(21);
    for (const level of ['SELF', 'KANWIL', 'TPI', 'TPN']) {
      expect(errorCode(await pengamat.gql(SAVE, { id: subs['IMI-POLONIA'].id, level, answers: [{ soalId: 2, value: 'A' }] })), level).toBe('FORBIDDEN');
    }
    expect(errorCode(await pengamat.gql('{ auditEvents { total } }'))).toBe('FORBIDDEN');

    const kepala = clients['kepala.polonia'];
    expect(ok(await kepala.gql(READ, { id: subs['IMI-POLONIA'].id })).submission.id).toBe(subs['IMI-POLONIA'].id);
    expect(errorCode(await kepala.gql(READ, { id: subs['IMI-BANGGAI'].id }))).toBe('FORBIDDEN');
    expect(errorCode(await kepala.gql(SAVE, { id: subs['IMI-POLONIA'].id, level: 'SELF', answers: [{ soalId: 2, value: 'A' }] }))).toBe('FORBIDDEN');
    expect(errorCode(await kepala.gql(`mutation { setPencanangan(submissionId: ${subs['IMI-POLONIA'].id}, date: "2025-01-02") { id } }`))).toBe('FORBIDDEN');
  });

  it('the Kanwil head writes KANWIL answers in SUBMITTED but not SELF', async () => {
    const c = clients.kakanwil;
    const bel = subs['IMI-BELAWAN'].id;
    const v = await versionOf(c, bel, 'KANWIL', 3);
    ok(await c.gql(SAVE, { id: bel, level: 'KANWIL', answers: [{ soalId: 3, value: 'Tidak', note: 'Tidak ada SK tim', expectedVersion: v }] }));
    expect(errorCode(await c.gql(SAVE, { id: subs['IMI-POLONIA'].id, level: 'SELF', answers: [{ soalId: 2, value: 'A' }] }))).toBe('FORBIDDEN');
    expect(errorCode(await c.gql(SAVE, { id: subs['IMI-POLONIA'].id, level: 'KANWIL', answers: [{ soalId: 2, value: 'A' }] }))).toBe('INVALID_STATE');
  });

  it('user administration is ADMIN only', async () => {
    for (const u of ['kakanwil', 'koordinator.polonia', 'evaluator.itjen', 'pengamat']) {
      expect(errorCode(await clients[u].gql('{ users { id } }')), u).toBe('FORBIDDEN');
      const r = await clients[u].gql(
        `mutation { createUser(input: { username: "x${u.length}", displayName: "X", password: "rahasia-123", roles: [] }) { id } }`,
      );
      expect(errorCode(r), u).toBe('FORBIDDEN');
    }
    expect(ok(await clients.admin.gql('{ users { username } }')).users.length).toBeGreaterThanOrEqual(7);
  });

  it('a coordinator of a submitted unit gets INVALID_STATE; past the deadline DEADLINE_PASSED', async () => {
    const admin = clients.admin;
    ok(
      await admin.gql(
        `mutation ($s: Int!) { createUser(input: { username: "koordinator.belawan", displayName: "Koordinator Belawan", password: "rahasia-123",
        roles: [{ role: COORDINATOR, satkerId: $s }] }) { id } }`,
        { s: subs['IMI-BELAWAN'].satkerId },
      ),
    );
    const c = await loginAs(server, 'koordinator.belawan', 'rahasia-123');
    const r = await c.gql(SAVE, { id: subs['IMI-BELAWAN'].id, level: 'SELF', answers: [{ soalId: 2, value: 'A', expectedVersion: 1 }] });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toMatch(/SUBMITTED/);

    // close the self-assessment stage
    const em = server.handle.orm.em.fork();
    await em.getConnection().execute('update period set self_assessment_deadline = ? where id = 1', [new Date(Date.now() - 1000)]);
    const pol = subs['IMI-POLONIA'].id;
    const v = await versionOf(clients['koordinator.polonia'], pol, 'SELF', 2);
    const late = await clients['koordinator.polonia'].gql(SAVE, { id: pol, level: 'SELF', answers: [{ soalId: 2, value: 'C', expectedVersion: v }] });
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
    await em.getConnection().execute('update period set self_assessment_deadline = ? where id = 1', [new Date(Date.now() + 30 * 86400_000)]);
  });
});
