/** One unit from DRAFT to AWARDED over real HTTP: every stage, guard messages, copies, notes, evidence, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { ANSWERS_OF, addNote, goodAnswers, inst, opt, saveLevel, status, step, transition, upload, userId } from './support';

describe('review cycle: DRAFT → AWARDED', () => {
  let server: TestServer;
  let coord: Client, kakanwil: Client, admin: Client, evaluator: Client;
  let subId: number;
  let satkerId: number;

  beforeAll(async () => {
    server = await startServer();
    [coord, kakanwil, admin, evaluator] = await Promise.all(['koordinator.polonia', 'kakanwil', 'admin', 'evaluator.itjen'].map((u) => loginAs(server, u)));
    const subs = await demoSubmissions(coord);
    subId = subs['IMI-POLONIA'].id;
    satkerId = subs['IMI-POLONIA'].satkerId;
  });
  afterAll(async () => server?.cleanup());

  it('tells the coordinator what blocks submission, and refuses an incomplete submit listing each guard', async () => {
    const b = ok(
      await coord.gql(
        `query ($id: Int!) { submitBlockers(submissionId: $id) { action unansweredSoalIds unansweredCodes pencananganMissing deadlinePassed canSubmit guards { guard ok message } } }`,
        { id: subId },
      ),
    ).submitBlockers;
    expect(b.action).toBe('submit');
    expect(b.canSubmit).toBe(false);
    expect(b.unansweredSoalIds.length).toBeGreaterThan(0);
    expect(b.unansweredCodes[0]).toMatch(/^A\./);
    expect(b.guards.find((g: any) => g.guard === 'complete')).toMatchObject({
      ok: false,
      message: `Semua butir wajib harus dijawab (${b.unansweredSoalIds.length} butir belum dijawab)`,
    });

    const acts = ok(
      await coord.gql(`query ($id: Int!) { availableActions(submissionId: $id) { action label enabled reasons needsInput } }`, { id: subId }),
    ).availableActions;
    expect(acts.find((a: any) => a.action === 'submit')).toMatchObject({ enabled: false, label: 'Ajukan' });
    expect(acts.find((a: any) => a.action === 'withdraw')).toMatchObject({ enabled: true, needsInput: ['reason'] });

    const r = await transition(coord, subId, 'submit');
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toContain('butir belum dijawab');
    expect(r.errors![0].extensions!.unansweredSoalIds).toEqual(b.unansweredSoalIds);
    expect(await status(coord, subId)).toBe('DRAFT');
  });

  it('submits once complete with a pencanangan date; KANWIL answers start as copies of SELF', async () => {
    ok(await saveLevel(coord, subId, 'SELF', goodAnswers(), { 1: 'Catatan unit butir 1' }));
    ok(await coord.gql(`mutation ($id: Int!) { setPencanangan(submissionId: $id, date: "2025-03-01") { pencananganDate } }`, { id: subId }));
    const b = ok(await coord.gql(`query ($id: Int!) { submitBlockers(submissionId: $id) { canSubmit unansweredSoalIds } }`, { id: subId })).submitBlockers;
    expect(b).toEqual({ canSubmit: true, unansweredSoalIds: [] });

    const t = await step(coord, subId, 'submit');
    expect(t).toMatchObject({ from: 'DRAFT', to: 'SUBMITTED', submission: { status: 'SUBMITTED' } });
    const selfA = ok(await kakanwil.gql(ANSWERS_OF, { id: subId, level: 'SELF' })).submission.answers as any[];
    const kanA = ok(await kakanwil.gql(ANSWERS_OF, { id: subId, level: 'KANWIL' })).submission.answers as any[];
    const copied = selfA.filter((a) => a.value !== null && !inst.itemById[a.soalId].survey);
    expect(kanA.map((a) => [a.soalId, a.value])).toEqual(copied.map((a) => [a.soalId, a.value]));
    expect(kanA.every((a) => a.note === null)).toBe(true);

    // the unit can no longer edit SELF answers
    const again = await saveLevel(coord, subId, 'SELF', { 2: opt(2, 1) });
    expect(errorCode(again)).toBe('INVALID_STATE');
  });

  it('Kanwil writes KANWIL answers and forwards', async () => {
    ok(await saveLevel(kakanwil, subId, 'KANWIL', { 4: opt(4, 1) }, { 4: 'Bukti rapat belum lengkap' }));
    expect(errorCode(await saveLevel(coord, subId, 'KANWIL', { 4: opt(4, 0) }))).toBe('FORBIDDEN');
    const t = await step(kakanwil, subId, 'forward');
    expect(t.to).toBe('KANWIL_REVIEWED');
  });

  it('admin assigns the evaluator (audited); only the assigned evaluator starts desk review; TPI copies KANWIL', async () => {
    const evId = await userId(admin, 'evaluator.itjen');
    // not assigned yet: the evaluator cannot even see the submission
    expect(errorCode(await transition(evaluator, subId, 'startDeskReview'))).toBe('FORBIDDEN');
    const ASSIGN = `mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { username } }`;
    ok(await kakanwil.gql(ASSIGN, { s: subId, u: evId }));
    expect(
      ok(await kakanwil.gql(`mutation ($s: Int!, $u: Int!) { unassignEvaluator(submissionId: $s, userId: $u) { username } }`, { s: subId, u: evId }))
        .unassignEvaluator,
    ).toEqual([]);
    expect(errorCode(await transition(evaluator, subId, 'startDeskReview'))).toBe('FORBIDDEN');
    // only users holding the EVALUATOR role can be assigned
    expect(errorCode(await admin.gql(ASSIGN, { s: subId, u: await userId(admin, 'pengamat') }))).toBe('BAD_USER_INPUT');
    const list = ok(await admin.gql(ASSIGN, { s: subId, u: evId })).assignEvaluator;
    expect(list.map((u: any) => u.username)).toEqual(['evaluator.itjen']);
    expect(
      errorCode(await coord.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { username } }`, { s: subId, u: evId })),
    ).toBe('FORBIDDEN');

    const t = await step(evaluator, subId, 'startDeskReview');
    expect(t.to).toBe('IN_DESK_REVIEW');
    const kanA = ok(await evaluator.gql(ANSWERS_OF, { id: subId, level: 'KANWIL' })).submission.answers as any[];
    const tpiA = ok(await evaluator.gql(ANSWERS_OF, { id: subId, level: 'TPI' })).submission.answers as any[];
    expect(tpiA.map((a) => [a.soalId, a.value])).toEqual(kanA.map((a) => [a.soalId, a.value]));
    expect(tpiA.find((a) => a.soalId === 4).value).toBe(opt(4, 1));
  });

  it('the evaluator changes TPI answers with notes, cannot finalise without LHE and recommendation, then finalises', async () => {
    ok(await saveLevel(evaluator, subId, 'TPI', { 5: opt(5, 1), 6: opt(6, 1) }, { 5: 'Monev belum rutin', 6: 'Tidak ada SK' }));
    ok(await addNote(evaluator, subId, 5, 'TPI', 'Lampirkan laporan monev triwulan'));

    let r = await transition(evaluator, subId, 'finalise', { recommendation: 'Layak diusulkan', recommendedPredicate: 'WBK' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].extensions!.guards.map((g: any) => g.guard)).toEqual(['lheUploaded']);
    expect(r.errors![0].message).toContain('Laporan Hasil Evaluasi (LHE) harus diunggah');

    const lhe = await upload(evaluator, { submissionId: subId, purpose: 'LHE', title: 'LHE Polonia' }, 'lhe.pdf');
    r = await transition(evaluator, subId, 'finalise', {});
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('Rekomendasi evaluator harus diisi');

    const t = await step(evaluator, subId, 'finalise', { recommendation: 'Layak diusulkan menuju WBK', recommendedPredicate: 'WBK' });
    expect(t.to).toBe('DESK_EVALUATED');
    const d = ok(
      await kakanwil.gql(
        `query ($id: Int!) { deskEvaluation(submissionId: $id) { recommendation recommendedPredicate lheEvidenceId finalisedBy { username } } }`,
        { id: subId },
      ),
    ).deskEvaluation;
    expect(d).toEqual({
      recommendation: 'Layak diusulkan menuju WBK',
      recommendedPredicate: 'WBK',
      lheEvidenceId: lhe.id,
      finalisedBy: { username: 'evaluator.itjen' },
    });
    // TPI is closed now
    expect(errorCode(await saveLevel(evaluator, subId, 'TPI', { 7: opt(7, 1) }))).toBe('INVALID_STATE');
  });

  let nominationId: number;
  it('the Kanwil head nominates with the prerequisite checklist (SPTJM uploaded) and an override while the survey is awaited', async () => {
    const PREVIEW = `query ($id: Int!, $c: NominationChecklistInput) { nominationPreview(submissionId: $id, checklist: $c) {
      eligible thresholdFailures hasWbk blockers prerequisitesMissing checklist { key value met message evidenceIds evidenceUrls } } }`;
    let p = ok(await kakanwil.gql(PREVIEW, { id: subId })).nominationPreview;
    expect(p.eligible).toBe(false); // IPAK/IPKP not surveyed yet
    expect(p.thresholdFailures.join(' ')).toContain('menunggu hasil survei');
    expect(p.checklist.find((c: any) => c.key === 'LHKPN')).toMatchObject({ value: 100, met: true });
    expect(p.checklist.find((c: any) => c.key === 'PENCANANGAN')).toMatchObject({ value: '2025-03-01', met: true });
    expect(p.checklist.find((c: any) => c.key === 'SPTJM')).toMatchObject({ met: false, message: 'SPTJM kepala unit belum diunggah' });

    const sptjm = await upload(kakanwil, { submissionId: subId, purpose: 'SPTJM', title: 'SPTJM Kepala Kanim' }, 'sptjm.pdf');
    const tlhp = await upload(kakanwil, { submissionId: subId, purpose: 'PREREQUISITE', title: 'Tindak lanjut LHP' }, 'tlhp.pdf');
    const sakip = await upload(kakanwil, { submissionId: subId, purpose: 'PREREQUISITE', title: 'LHE SAKIP' }, 'sakip.pdf');
    const checklist = { tlhpPercent: 100, tlhpEvidenceId: tlhp.id, sakipGrade: 'BB', sakipEvidenceId: sakip.id };
    p = ok(await kakanwil.gql(PREVIEW, { id: subId, c: checklist })).nominationPreview;
    expect(p.prerequisitesMissing).toEqual([]);
    expect(p.checklist.find((c: any) => c.key === 'SPTJM')).toMatchObject({ met: true, evidenceIds: [sptjm.id], evidenceUrls: [`/api/evidence/${sptjm.id}`] });

    // a low SAKIP grade is a missing prerequisite, not overridable
    let r = await transition(kakanwil, subId, 'nominate', { checklist: { ...checklist, sakipGrade: 'CC' }, overrideReason: 'Survei BPS belum keluar' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].message).toContain('SAKIP CC di bawah B');
    // ineligible without a written override reason
    r = await transition(kakanwil, subId, 'nominate', { checklist });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].extensions!.guards.map((g: any) => g.guard)).toEqual(['eligibleOrOverride']);

    const t = await step(kakanwil, subId, 'nominate', { checklist, overrideReason: 'Nilai IPAK/IPKP menunggu survei BPS', afirmasi: true });
    expect(t.to).toBe('NOMINATED');
    nominationId = t.nominationId;
    const n = ok(
      await kakanwil.gql(
        `query ($id: Int!) { nominations(submissionId: $id) { id status afirmasi overrideReason eligibility checklist { key met value } nominatedBy { username } } }`,
        { id: subId },
      ),
    ).nominations;
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({
      id: nominationId,
      status: 'ACTIVE',
      afirmasi: true,
      overrideReason: 'Nilai IPAK/IPKP menunggu survei BPS',
      nominatedBy: { username: 'kakanwil' },
    });
    expect(n[0].eligibility.eligible).toBe(false);
    expect(n[0].checklist.map((c: any) => c.key)).toEqual(['TLHP', 'LHKPN', 'PENCANANGAN', 'SAKIP', 'SPTJM']);
  });

  it('records survey results (warning under 30 respondents) that feed the survey items at every level', async () => {
    const REC = `mutation ($id: Int!, $i: SurveyResultInput!) { recordSurveyResult(submissionId: $id, input: $i) { result { kind index respondents source } warnings } }`;
    expect(errorCode(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPAK', index: 4.5, respondents: 40, source: 'BPS' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPAK', index: 3.555, respondents: 40, source: 'BPS' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPAK', index: 3.5, respondents: -1, source: 'BPS' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await coord.gql(REC, { id: subId, i: { kind: 'IPAK', index: 3.8, respondents: 40, source: 'BPS' } }))).toBe('FORBIDDEN');
    const a = ok(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPAK', index: 3.85, respondents: 120, source: 'BPS' } })).recordSurveyResult;
    expect(a).toEqual({ result: { kind: 'IPAK', index: 3.85, respondents: 120, source: 'BPS' }, warnings: [] });
    // an official result needs 30 respondents; an internal one at least one (below 30 with a warning)
    const few = await kakanwil.gql(REC, { id: subId, i: { kind: 'IPKP', index: 3.7, respondents: 25, source: 'BPS' } });
    expect(errorCode(few)).toBe('BAD_USER_INPUT');
    expect(few.errors![0].message).toContain('paling sedikit 30 responden');
    expect(errorCode(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPKP', index: 3.7, respondents: 0, source: 'INTERNAL' } }))).toBe('BAD_USER_INPUT');
    const internal = ok(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPKP', index: 3.1, respondents: 25, source: 'INTERNAL' } })).recordSurveyResult;
    expect(internal.warnings[0]).toContain('kurang dari 30');
    const b = ok(await kakanwil.gql(REC, { id: subId, i: { kind: 'IPKP', index: 3.7, respondents: 30, source: 'BPS' } })).recordSurveyResult;
    expect(b.warnings).toEqual([]);
    const s = ok(
      await kakanwil.gql(
        `query ($id: Int!) { submission(id: $id) { scores { self { survey { kind index source } } tpi { survey { kind index source } } tpn { total survey { kind index source } } } } }`,
        { id: subId },
      ),
    ).submission.scores;
    // the unit's own internal estimate (if any) stays at SELF; the reviewer levels were not given copies of it
    for (const lvl of ['tpi', 'tpn']) {
      expect(s[lvl].survey).toEqual(
        expect.arrayContaining([
          { kind: 'IPAK', index: 3.85, source: 'BPS' },
          { kind: 'IPKP', index: 3.7, source: 'BPS' },
        ]),
      );
    }
  });

  it('records TPN answers, then the outcome AWARDED with the decree → predicate history; withdrawing is no longer possible', async () => {
    ok(await saveLevel(kakanwil, subId, 'TPN', { 6: opt(6, 0) }, { 6: 'Diverifikasi TPN di lapangan' }));
    // a TPN result has arrived: the nomination can no longer be withdrawn
    const w = await transition(kakanwil, subId, 'withdrawNomination', { reason: 'coba' });
    expect(errorCode(w)).toBe('INVALID_STATE');
    expect(w.errors![0].message).toContain('Hasil TPN sudah dicatat');

    let r = await transition(kakanwil, subId, 'recordTpnOutcome', { awarded: true, decreeNumber: 'KEP-123/2026' });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('Nomor dan tanggal keputusan harus diisi');
    // NOT_AWARDED differs from the computed (eligible) TPN result → needs a reason
    r = await transition(kakanwil, subId, 'recordTpnOutcome', { awarded: false, decreeNumber: 'KEP-123/2026', decreeDate: '2026-12-10' });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('tuliskan alasannya');

    const t = await step(kakanwil, subId, 'recordTpnOutcome', { awarded: true, decreeNumber: 'KEP-123/2026', decreeDate: '2026-12-10' });
    expect(t.to).toBe('AWARDED');
    const sat = ok(
      await kakanwil.gql(
        `query ($id: Int!) { submission(id: $id) { status satker { holdsWbk predicates { predicate year decreeNumber decreeDate revoked } } } }`,
        { id: subId },
      ),
    ).submission;
    expect(sat.status).toBe('AWARDED');
    expect(sat.satker.predicates).toContainEqual({ predicate: 'WBK', year: 2026, decreeNumber: 'KEP-123/2026', decreeDate: '2026-12-10', revoked: false });
    expect(sat.satker.holdsWbk).toBe(true);
    const n = ok(await kakanwil.gql(`query ($id: Int!) { nominations(submissionId: $id) { status predicate decreeNumber tpnEligibility } }`, { id: subId }))
      .nominations[0];
    expect(n).toMatchObject({ status: 'AWARDED', predicate: 'WBK', decreeNumber: 'KEP-123/2026' });
    expect(n.tpnEligibility.eligible).toBe(true);

    // the final state has no further steps
    const after = await transition(kakanwil, subId, 'withdraw', { reason: 'x' });
    expect(errorCode(after)).toBe('INVALID_STATE');
    expect(after.errors![0].message).toContain('Tidak ada langkah yang tersedia');
  });

  it('recorded every transition and decision as an audit event with its actor and reason', async () => {
    const ev = ok(
      await admin.gql(`query ($f: AuditFilter) { auditEvents(filter: $f, pageSize: 200) { items { action actor { username } reason before after } } }`, {
        f: { objectType: 'Submission', objectId: String(subId) },
      }),
    ).auditEvents.items as any[];
    const transitions = ev.filter((e) => e.action.startsWith('submission.') && e.action !== 'submission.setPencanangan').reverse();
    expect(transitions.map((e) => [e.action, e.actor.username, e.after.status])).toEqual([
      ['submission.submit', 'koordinator.polonia', 'SUBMITTED'],
      ['submission.forward', 'kakanwil', 'KANWIL_REVIEWED'],
      ['submission.startDeskReview', 'evaluator.itjen', 'IN_DESK_REVIEW'],
      ['submission.finalise', 'evaluator.itjen', 'DESK_EVALUATED'],
      ['submission.nominate', 'kakanwil', 'NOMINATED'],
      ['submission.recordTpnOutcome', 'kakanwil', 'AWARDED'],
    ]);
    expect(transitions[4].reason).toBe('Nilai IPAK/IPKP menunggu survei BPS');
    expect(transitions[0].before.status).toBe('DRAFT');
    const actions = ev.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['evaluator.assign', 'evaluator.unassign', 'survey.record', 'answers.save']));
    void satkerId;
    void inst;
  });
});
