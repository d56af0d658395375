/** Beranda inbox over HTTP: what each role finds waiting, in its scope, in a constant number of SQL statements. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const INBOX = `query ($p: Int) { inbox(periodId: $p) { kind role submissionId satkerId satkerName status soalId itemCode level count dueAt detail path } }`;

describe('inbox (Beranda)', () => {
  let server: TestServer;
  let admin: Client, kakanwil: Client, polonia: Client, banggai: Client, evaluator: Client, viewer: Client;
  let subs: Awaited<ReturnType<typeof demoSubmissions>>;

  beforeAll(async () => {
    server = await startServer();
    [admin, kakanwil, polonia, banggai, evaluator, viewer] = await Promise.all(
      ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat'].map((u) => loginAs(server, u)),
    );
    subs = await demoSubmissions(admin);
  });
  afterAll(async () => server?.cleanup());

  const inbox = async (c: Client) => ok(await c.gql(INBOX, { p: 1 })).inbox as any[];

  it('refuses anonymous callers', async () => {
    expect(errorCode(await new Client(server.url).gql(INBOX))).toBe('UNAUTHENTICATED');
  });

  it('coordinator (draft): the self-assessment deadline and the answered items without data dukung, of their unit only', async () => {
    const e = await inbox(polonia);
    expect(new Set(e.map((x) => x.submissionId))).toEqual(new Set([subs['IMI-POLONIA'].id]));
    const deadline = e.find((x) => x.kind === 'DEADLINE');
    expect(deadline).toMatchObject({ role: 'COORDINATOR', status: 'DRAFT', detail: 'submit', path: `/submissions/${subs['IMI-POLONIA'].id}/lke` });
    expect(new Date(deadline.dueAt).getTime()).toBeGreaterThan(Date.now());
    const missing = e.find((x) => x.kind === 'MISSING_EVIDENCE');
    expect(missing.count).toBeGreaterThan(10);
    expect(missing.path).toBe(`/submissions/${subs['IMI-POLONIA'].id}/lke?filter=noEvidence`);
    expect(e.some((x) => x.kind === 'RETURNED_ITEM')).toBe(false);
  });

  it('coordinator (returned): one entry per item with open reviewer notes, linking to the item', async () => {
    const id = subs['IMI-BANGGAI'].id;
    const e = await inbox(banggai);
    const items = e.filter((x) => x.kind === 'RETURNED_ITEM');
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const it of items) {
      expect(it).toMatchObject({ submissionId: id, level: 'KANWIL', status: 'REVISION_REQUESTED', path: `/submissions/${id}/lke?item=${it.soalId}` });
      expect(it.count).toBeGreaterThan(0);
      expect(it.detail).toBeTruthy();
      expect(it.itemCode).toMatch(/^[A-Z]\./);
    }
    expect(e.find((x) => x.kind === 'DEADLINE')).toMatchObject({ detail: 'resubmit' });
    // a resolved thread leaves the inbox
    const notes = ok(await kakanwil.gql(`query ($id: Int!) { reviewNotes(submissionId: $id, openOnly: true) { id soalId } }`, { id })).reviewNotes;
    expect(notes.length).toBeGreaterThan(0);
  });

  it('Kanwil head: submissions to pre-assess, units below a minimum, nominations to decide; behind schedule near the deadline', async () => {
    let e = await inbox(kakanwil);
    const pre = e
      .filter((x) => x.kind === 'PRE_ASSESS')
      .map((x) => x.satkerId)
      .sort();
    expect(pre).toEqual(['IMI-BELAWAN', 'PAS-RUTAN-TPINANG', 'PAS-LPP-MEDAN', 'PAS-RUTAN-MEDAN'].map((c) => subs[c].satkerId).sort());
    expect(e.find((x) => x.kind === 'PRE_ASSESS').path).toMatch(/^\/submissions\/\d+\/lke$/);
    const dec = e.filter((x) => x.kind === 'NOMINATION_DECISION');
    expect(dec.map((x) => [x.satkerId, x.detail]).sort()).toEqual(
      [
        [subs['IMI-BATAM'].satkerId, 'nominate'],
        [subs['IMI-MEDAN'].satkerId, 'recordTpnOutcome'],
      ].sort(),
    );
    const below = e.filter((x) => x.kind === 'BELOW_MINIMUM');
    expect(below.length).toBeGreaterThan(0);
    expect(below[0].detail).toMatch(/ < /);
    expect(below.every((x) => x.path === `/submissions/${x.submissionId}`)).toBe(true);
    expect(e.some((x) => x.kind === 'BEHIND_SCHEDULE')).toBe(false);

    const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    ok(await admin.gql(`mutation ($d: DateTimeISO!) { updatePeriod(id: 1, input: { selfAssessmentDeadline: $d }) { id } }`, { d: soon }));
    e = await inbox(kakanwil);
    const behind = e.filter((x) => x.kind === 'BEHIND_SCHEDULE');
    expect(behind.map((x) => x.satkerId)).toContain(subs['IMI-TARAKAN'].satkerId);
    expect(behind.every((x) => x.status === 'DRAFT' || x.status === 'REVISION_REQUESTED')).toBe(true);
    expect(behind.find((x) => x.satkerId === subs['IMI-TARAKAN'].satkerId).detail).toMatch(/^\d+ %$/);
  });

  it('evaluator: the assigned submissions to start or finish, with the desk-evaluation deadline', async () => {
    const e = await inbox(evaluator);
    expect(e.every((x) => x.kind === 'DESK_EVALUATION' && x.role === 'EVALUATOR')).toBe(true);
    const by = Object.fromEntries(e.map((x) => [x.satkerId, x.detail]));
    expect(by[subs['IMI-TPINANG'].satkerId]).toBe('finalise');
    expect(by[subs['IMI-PATI'].satkerId]).toBe('startDeskReview');
    expect(by[subs['IMI-BATAM'].satkerId]).toBeUndefined(); // already desk-evaluated
    expect(e.every((x) => x.dueAt)).toBe(true);
  });

  it('a viewer has nothing to act on', async () => {
    expect(await inbox(viewer)).toEqual([]);
  });

  it('takes the same number of SQL statements with more units', async () => {
    const measure = async (c: Client) => {
      await inbox(c); // warm the score cache
      const before = server.handle.sql.count;
      await inbox(c);
      return server.handle.sql.count - before;
    };
    const head1 = await measure(kakanwil);
    const coord1 = await measure(banggai);
    for (let i = 0; i < 3; i++) {
      const s = ok(
        await admin.gql(`mutation ($c: String!) { createSatker(input: { code: $c, name: $c, kind: KANIM, kanwilId: 1 }) { id } }`, { c: `X-${i}` }),
      ).createSatker;
      ok(await admin.gql(`mutation ($s: Int!) { createSubmission(input: { satkerId: $s, periodId: 1, target: WBK }) { id } }`, { s: s.id }));
    }
    expect(await measure(kakanwil)).toBe(head1);
    expect(await measure(banggai)).toBe(coord1);
    expect(head1).toBeLessThanOrEqual(25);
  });
});
