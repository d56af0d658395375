/** Issue 15 item 4: TPN administrative selection, the one sanggah before its deadline, the quota ranking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionStatus } from '../../server/src/common/enums';
import { Submission } from '../../server/src/modules/submission/entities';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { Evidence, EvidencePurpose } from '../../server/src/modules/evidence/entities';
import { User } from '../../server/src/modules/user/entities';

const RANK =
  'query ($i: Int!, $y: Int!) { tpnRanking(instansiId: $i, year: $y) { quota rows { submissionId score rank withinQuota adminOutcome satker { code } } } }';
const CYCLE =
  'mutation ($q: Int, $d: LocalDate) { setTpnCycle(input: { instansiId: 1, year: 2026, quota: $q, sanggahDeadline: $d }) { quota sanggahDeadline } }';
const SELECT =
  'mutation ($s: Int!, $o: AdminSelectionOutcome!, $n: String) { recordTpnAdminSelection(submissionId: $s, outcome: $o, notes: $n) { adminOutcome adminNotes } }';
const SANGGAH =
  'mutation ($s: Int!, $r: String!, $e: [Int!]!) { fileTpnSanggah(submissionId: $s, input: { reason: $r, evidenceIds: $e }) { sanggahReason sanggahEvidenceIds sanggahFiledAt } }';
const isoDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString().slice(0, 10);

describe('TPN sub-stages and the quota', () => {
  let server: TestServer;
  let admin: Client, kakanwil: Client, coord: Client;
  let medan: number, batam: number;
  beforeAll(async () => {
    server = await startServer();
    [admin, kakanwil, coord] = await Promise.all(['admin', 'kakanwil', 'koordinator.banggai'].map((u) => loginAs(server, u)));
    const subs = await demoSubmissions(admin);
    medan = subs['IMI-MEDAN'].id; // NOMINATED
    batam = subs['IMI-BATAM'].id; // DESK_EVALUATED → nominated here
    await server.handle.orm.em.fork().nativeUpdate(Submission, { id: batam }, { status: SubmissionStatus.NOMINATED });
  });
  afterAll(async () => server?.cleanup());

  it('ranks the instansi’s candidates against its quota; only admin or its Kanwil heads may see it', async () => {
    ok(await admin.gql(CYCLE, { q: 1, d: null }));
    const r = ok(await kakanwil.gql(RANK, { i: 1, y: 2026 })).tpnRanking;
    expect(r.quota).toBe(1);
    expect(r.rows.map((x: any) => x.submissionId).sort()).toEqual([medan, batam].sort());
    expect(r.rows[0].score).toBeGreaterThanOrEqual(r.rows[1].score);
    expect(r.rows.map((x: any) => [x.rank, x.withinQuota])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(errorCode(await coord.gql(RANK, { i: 1, y: 2026 }))).toBe('FORBIDDEN');
    expect(errorCode(await kakanwil.gql(CYCLE, { q: 5, d: null }))).toBe('FORBIDDEN');

    // the leader fails the administrative selection: the other moves into the quota
    const leader = r.rows[0].submissionId;
    expect(errorCode(await kakanwil.gql(SELECT, { s: leader, o: 'TIDAK_LULUS', n: '' }))).toBe('BAD_USER_INPUT');
    ok(await kakanwil.gql(SELECT, { s: leader, o: 'TIDAK_LULUS', n: 'SPTJM tidak ditandatangani kepala unit' }));
    const r2 = ok(await kakanwil.gql(RANK, { i: 1, y: 2026 })).tpnRanking;
    expect(r2.rows.map((x: any) => [x.submissionId, x.rank, x.withinQuota])).toEqual([
      [r.rows[1].submissionId, 1, true],
      [leader, null, false],
    ]);
    // a submission not (yet) at the TPN has no administrative selection
    const subs = await demoSubmissions(admin);
    expect(errorCode(await kakanwil.gql(SELECT, { s: subs['IMI-PATI'].id, o: 'LULUS', n: null }))).toBe('INVALID_STATE');
  });

  it('one sanggah, within its deadline, with a reason and evidence', async () => {
    ok(await kakanwil.gql(SELECT, { s: medan, o: 'LULUS_DENGAN_CATATAN', n: 'Lampiran LHKPN belum lengkap' }));
    // supporting evidence of the submission (inserted directly: the upload rules per status are not under test here)
    const em = server.handle.orm.em.fork();
    const ev = em.create(
      Evidence,
      { submission: medan, purpose: EvidencePurpose.PREREQUISITE, title: 'LHKPN lengkap', createdBy: await em.findOneOrFail(User, { username: 'kakanwil' }) },
      { partial: true },
    );
    await em.flush();
    ok(await admin.gql(CYCLE, { q: 1, d: null }));
    expect(errorCode(await kakanwil.gql(SANGGAH, { s: medan, r: 'Lampiran sudah lengkap', e: [ev.id] }))).toBe('INVALID_STATE'); // no window set
    ok(await admin.gql(CYCLE, { q: 1, d: isoDays(-2) }));
    expect(errorCode(await kakanwil.gql(SANGGAH, { s: medan, r: 'Lampiran sudah lengkap', e: [ev.id] }))).toBe('DEADLINE_PASSED');
    ok(await admin.gql(CYCLE, { q: 1, d: isoDays(3) }));
    expect(errorCode(await kakanwil.gql(SANGGAH, { s: medan, r: 'Lampiran sudah lengkap', e: [] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await coord.gql(SANGGAH, { s: medan, r: 'x', e: [ev.id] }))).toBe('FORBIDDEN');
    const filed = ok(await kakanwil.gql(SANGGAH, { s: medan, r: 'Lampiran sudah lengkap', e: [ev.id] })).fileTpnSanggah;
    expect(filed).toMatchObject({ sanggahReason: 'Lampiran sudah lengkap', sanggahEvidenceIds: [ev.id] });
    expect(errorCode(await kakanwil.gql(SANGGAH, { s: medan, r: 'Sekali lagi', e: [ev.id] }))).toBe('CONFLICT');
    const STAGE = 'query ($s: Int!) { tpnStage(submissionId: $s) { adminOutcome adminNotes sanggahReason } }';
    expect(ok(await kakanwil.gql(STAGE, { s: medan })).tpnStage).toEqual({
      adminOutcome: 'LULUS_DENGAN_CATATAN',
      adminNotes: 'Lampiran LHKPN belum lengkap',
      sanggahReason: 'Lampiran sudah lengkap',
    });
    expect(errorCode(await coord.gql(STAGE, { s: medan }))).toBe('FORBIDDEN'); // another unit's coordinator
  });

  it('desk, field and panel in order; field values replace the TPN answers where they differ, and the TPN score follows', async () => {
    const STEP =
      'mutation ($s: Int!, $i: TpnStepInput!) { recordTpnStep(submissionId: $s, input: $i) { changedSoalIds step { step heldOn notes fieldAnswers recordedBy { displayName } } } }';
    const STAGE = 'query ($s: Int!) { tpnStage(submissionId: $s) { substage steps { step heldOn notes } } }';
    const ANSWERS = 'query ($id: Int!, $level: AnswerLevel) { submission(id: $id) { answers(level: $level) { soalId value } } }';
    const scoreOf = async () => ok(await admin.gql(RANK, { i: 1, y: 2026 })).tpnRanking.rows.find((r: any) => r.submissionId === medan).score as number;
    // medan passed the administrative selection with notes (previous test)
    expect(ok(await kakanwil.gql(STAGE, { s: medan })).tpnStage).toEqual({ substage: 'DESK', steps: [] });
    expect(errorCode(await kakanwil.gql(STEP, { s: medan, i: { step: 'FIELD', heldOn: '2026-09-10' } }))).toBe('INVALID_STATE'); // desk first
    expect(errorCode(await coord.gql(STEP, { s: medan, i: { step: 'DESK', heldOn: '2026-09-01' } }))).toBe('FORBIDDEN');
    expect(errorCode(await kakanwil.gql(STEP, { s: medan, i: { step: 'DESK', heldOn: '2026-09-01', fieldAnswers: { 1: 'A' } } }))).toBe('BAD_USER_INPUT');
    const desk = ok(await kakanwil.gql(STEP, { s: medan, i: { step: 'DESK', heldOn: '2026-09-01', notes: 'LKE lengkap' } })).recordTpnStep;
    expect(desk).toMatchObject({ changedSoalIds: [], step: { step: 'DESK', heldOn: '2026-09-01', notes: 'LKE lengkap', fieldAnswers: null } });
    expect(ok(await kakanwil.gql(STAGE, { s: medan })).tpnStage.substage).toBe('FIELD');

    // the field team scores one item differently from the TPI (B → A) and confirms another
    const tpi = ok(await admin.gql(ANSWERS, { id: medan, level: 'TPI' })).submission.answers as { soalId: number; value: unknown }[];
    const lower = tpi.find((a) => a.value === 'B')!;
    const same = tpi.find((a) => a.value === 'A')!;
    const before = await scoreOf();
    expect(errorCode(await kakanwil.gql(STEP, { s: medan, i: { step: 'FIELD', heldOn: '2026-09-10', fieldAnswers: { [lower.soalId]: 'Z' } } }))).toBe(
      'BAD_USER_INPUT',
    );
    const field = ok(
      await kakanwil.gql(STEP, {
        s: medan,
        i: { step: 'FIELD', heldOn: '2026-09-10', notes: 'Kunjungan lapangan', fieldAnswers: { [lower.soalId]: 'A', [same.soalId]: 'A' } },
      }),
    ).recordTpnStep;
    expect(field.changedSoalIds).toEqual([lower.soalId]);
    expect(field.step.fieldAnswers).toEqual({ [lower.soalId]: 'A', [same.soalId]: 'A' });
    const tpn = ok(await admin.gql(ANSWERS, { id: medan, level: 'TPN' })).submission.answers as { soalId: number; value: unknown }[];
    expect(tpn.find((a) => a.soalId === lower.soalId)?.value).toBe('A');
    expect(tpn.find((a) => a.soalId === same.soalId)).toBeUndefined(); // not written: no difference
    expect(await scoreOf()).toBeGreaterThan(before);

    ok(await kakanwil.gql(STEP, { s: medan, i: { step: 'PANEL', heldOn: '2026-10-01', notes: 'Direkomendasikan' } }));
    expect(ok(await kakanwil.gql(STAGE, { s: medan })).tpnStage).toEqual({
      substage: 'RESULT',
      steps: [
        { step: 'DESK', heldOn: '2026-09-01', notes: 'LKE lengkap' },
        { step: 'FIELD', heldOn: '2026-09-10', notes: 'Kunjungan lapangan' },
        { step: 'PANEL', heldOn: '2026-10-01', notes: 'Direkomendasikan' },
      ],
    });
    // once the outcome is recorded the steps are closed
    await server.handle.orm.em.fork().nativeUpdate(Submission, { id: medan }, { status: SubmissionStatus.AWARDED });
    expect(errorCode(await kakanwil.gql(STEP, { s: medan, i: { step: 'PANEL', heldOn: '2026-10-02' } }))).toBe('INVALID_STATE');
    await server.handle.orm.em.fork().nativeUpdate(Submission, { id: medan }, { status: SubmissionStatus.NOMINATED });
    const ev = ok(await admin.gql(`query { auditEvents(filter: { action: "tpn.step" }, pageSize: 10) { items { action } } }`)).auditEvents.items;
    expect(ev).toHaveLength(3);
  });

  it('reads the ranking in the same number of SQL statements for 2 candidates and for every demo unit', async () => {
    const rank = async () => {
      const before = server.handle.sql.count;
      const r = ok(await admin.gql(RANK, { i: 1, y: 2026 })).tpnRanking;
      return { rows: r.rows.length, statements: server.handle.sql.count - before };
    };
    await rank(); // warm the session and the instrument cache
    const few = await rank();
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(
      Submission,
      { period: 1, status: { $nin: [SubmissionStatus.NOMINATED, SubmissionStatus.AWARDED] } },
      { status: SubmissionStatus.NOMINATED },
    );
    const many = await rank();
    expect(few.rows).toBe(2);
    expect(many.rows).toBeGreaterThanOrEqual(6);
    expect(many.statements).toBe(few.statements);
    expect(few.statements).toBeLessThanOrEqual(12);
  });
});
