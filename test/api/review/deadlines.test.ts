/** Stage deadlines (transitions and level writes), admin extensions (audited), and optimistic locking of transitions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Period } from '../../../server/src/modules/period/entities';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { goodAnswers, opt, saveLevel, status, step, transition } from './support';

const EXTEND = `mutation ($i: DeadlineExtensionInput!) { extendDeadline(input: $i) { id stage satkerId deadline originalDeadline reason createdBy { username } } }`;
const day = 24 * 3600 * 1000;

describe('deadlines and extensions', () => {
  let server: TestServer;
  let coord: Client, kakanwil: Client, admin: Client;
  let subs: Awaited<ReturnType<typeof demoSubmissions>>;
  let periodId: number;

  beforeAll(async () => {
    server = await startServer();
    [coord, kakanwil, admin] = await Promise.all(['koordinator.polonia', 'kakanwil', 'admin'].map((u) => loginAs(server, u)));
    subs = await demoSubmissions(admin);
    periodId = ok(await admin.gql(`query ($id: Int!) { submission(id: $id) { period { id } } }`, { id: subs['IMI-POLONIA'].id })).submission.period.id;
    // the self-assessment and Kanwil review deadlines passed yesterday
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(
      Period,
      { id: periodId },
      { selfAssessmentDeadline: new Date(Date.now() - day), kanwilReviewDeadline: new Date(Date.now() - day / 2) },
    );
  });
  afterAll(async () => server?.cleanup());

  it('closes writing SELF answers and submitting past the self-assessment deadline', async () => {
    const id = subs['IMI-POLONIA'].id;
    const w = await saveLevel(coord, id, 'SELF', { 2: opt(2, 0) });
    expect(errorCode(w)).toBe('DEADLINE_PASSED');
    expect(w.errors![0].message).toMatch(/^Batas waktu penilaian mandiri \(\d{4}-\d{2}-\d{2}\) telah lewat$/);
    expect(errorCode(await transition(coord, id, 'submit'))).toBe('DEADLINE_PASSED');
    // the pencanangan date is SELF data: the same writer table and deadline close it
    const p = await coord.gql(`mutation ($id: Int!) { setPencanangan(submissionId: $id, date: "2025-02-01") { id } }`, { id });
    expect(errorCode(p)).toBe('DEADLINE_PASSED');
    expect(p.errors![0].message).toMatch(/^Batas waktu penilaian mandiri \(\d{4}-\d{2}-\d{2}\) telah lewat$/);
    const acts = ok(await coord.gql(`query ($id: Int!) { availableActions(submissionId: $id) { action enabled reasons } }`, { id })).availableActions;
    const submit = acts.find((a: any) => a.action === 'submit');
    expect(submit.enabled).toBe(false);
    expect(submit.reasons[0]).toContain('telah lewat');
    expect(ok(await coord.gql(`query ($id: Int!) { submitBlockers(submissionId: $id) { deadlinePassed canSubmit } }`, { id })).submitBlockers).toEqual({
      deadlinePassed: true,
      canSubmit: false,
    });
  });

  it('only an admin extends, with a reason and a later date; the extension is audited', async () => {
    const id = subs['IMI-POLONIA'].id;
    const input = {
      periodId,
      stage: 'selfAssessment',
      satkerId: subs['IMI-POLONIA'].satkerId,
      deadline: new Date(Date.now() + 7 * day).toISOString(),
      reason: 'Gangguan jaringan di kantor',
    };
    expect(errorCode(await kakanwil.gql(EXTEND, { i: input }))).toBe('FORBIDDEN');
    expect(errorCode(await admin.gql(EXTEND, { i: { ...input, reason: '  ' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.gql(EXTEND, { i: { ...input, deadline: new Date(Date.now() - 2 * day).toISOString() } }))).toBe('BAD_USER_INPUT');
    const ext = ok(await admin.gql(EXTEND, { i: input })).extendDeadline;
    expect(ext).toMatchObject({
      stage: 'selfAssessment',
      satkerId: subs['IMI-POLONIA'].satkerId,
      reason: 'Gangguan jaringan di kantor',
      createdBy: { username: 'admin' },
    });

    const ev = ok(await admin.gql(`query { auditEvents(filter: { action: "deadline.extend" }) { items { objectId reason actor { username } after } } }`))
      .auditEvents.items;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ objectId: String(ext.id), reason: 'Gangguan jaringan di kantor', actor: { username: 'admin' } });

    // the unit works and submits again; another unit stays closed
    ok(await saveLevel(coord, id, 'SELF', goodAnswers()));
    ok(await coord.gql(`mutation ($id: Int!) { setPencanangan(submissionId: $id, date: "2025-02-01") { id } }`, { id }));
    expect((await step(coord, id, 'submit')).to).toBe('SUBMITTED');
  });

  it('closes the Kanwil stage (forward, KANWIL answers) until a period-wide extension', async () => {
    const id = subs['IMI-BELAWAN'].id;
    expect(errorCode(await transition(kakanwil, id, 'forward'))).toBe('DEADLINE_PASSED');
    expect(errorCode(await saveLevel(kakanwil, id, 'KANWIL', { 2: opt(2, 1) }))).toBe('DEADLINE_PASSED');
    // Polonia's unit-specific extension was for the self-assessment only
    expect(errorCode(await transition(kakanwil, subs['IMI-POLONIA'].id, 'forward'))).toBe('DEADLINE_PASSED');
    ok(
      await admin.gql(EXTEND, {
        i: { periodId, stage: 'kanwilReview', deadline: new Date(Date.now() + 3 * day).toISOString(), reason: 'Perpanjangan untuk semua unit' },
      }),
    );
    ok(await saveLevel(kakanwil, id, 'KANWIL', { 2: opt(2, 1) }));
    expect((await step(kakanwil, id, 'forward')).to).toBe('KANWIL_REVIEWED');
    const list = ok(await admin.gql(`query ($p: Int!) { deadlineExtensions(periodId: $p) { stage satkerId } }`, { p: periodId })).deadlineExtensions;
    expect(list).toEqual([
      { stage: 'selfAssessment', satkerId: subs['IMI-POLONIA'].satkerId },
      { stage: 'kanwilReview', satkerId: null },
    ]);
  });

  it('applies two simultaneous transitions only once, and refuses a stale expectedVersion', async () => {
    const id = subs['PAS-LPP-MEDAN'].id;
    const v = ok(await kakanwil.gql(`query ($id: Int!) { submission(id: $id) { version } }`, { id })).submission.version;
    const other = await loginAs(server, 'admin');
    const [a, b] = await Promise.all([transition(kakanwil, id, 'forward', null, v), transition(other, id, 'forward', null, v)]);
    const codes = [errorCode(a) ?? 'OK', errorCode(b) ?? 'OK'].sort();
    expect(codes[1]).toBe('OK');
    expect(['CONFLICT', 'INVALID_STATE']).toContain(codes[0]);
    expect(await status(kakanwil, id)).toBe('KANWIL_REVIEWED');
    const events = ok(
      await admin.gql(`query ($f: AuditFilter) { auditEvents(filter: $f) { items { action } } }`, {
        f: { objectType: 'Submission', objectId: String(id), action: 'submission.forward' },
      }),
    ).auditEvents.items;
    expect(events).toHaveLength(1);

    const id2 = subs['PAS-RUTAN-TPINANG'].id;
    const stale = await transition(kakanwil, id2, 'withdraw', { reason: 'uji' }, 999);
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(await status(kakanwil, id2)).toBe('SUBMITTED');
  });
});
