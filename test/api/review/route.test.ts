/**
 * Review routes per instansi and period (issue 15 item 2, item 3): over real HTTP on the demo seed, a submission of
 * Kemenimipas walks the route with the Eselon I step (Kanwil → Ditjen Imigrasi → TPI), one of Kementerian Hukum the
 * default route in the same period, and one on a TPM route is awarded WBK-mandiri by the instansi's own team, which
 * then counts as WBK for a WBBM proposal. Each step has its own answers, notes, return, deadline and reviewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { ANSWERS_OF, addNote, coordinatorFor, goodAnswers, opt, saveLevel, status, step, transition, upload, userId, type Actors } from './support';

const ROUTE_OF = `query ($id: Int!) { submission(id: $id) { status returnedBy route { eselonStep deskTeam levels } } }`;
const HANDOFFS = `{ notifications { kind submissionId path } }`;
const handoffsOn = async (c: Client, id: number) =>
  (ok(await c.gql(HANDOFFS)).notifications as { kind: string; submissionId: number; path: string }[]).filter(
    (n) => n.kind === 'HANDOFF' && n.submissionId === id,
  );
const INBOX = `{ inbox { kind role submissionId detail path } }`;
const inboxOn = async (c: Client, id: number) => (ok(await c.gql(INBOX)).inbox as { submissionId: number }[]).filter((e) => e.submissionId === id);
const SET_ROUTE = `mutation ($i: SetReviewRouteInput!) { setReviewRoute(input: $i) { periodId instansi { code } configured route { eselonStep deskTeam levels } } }`;

interface Org {
  instansi: Record<string, number>;
  eselon: Record<string, number>;
  kanwil: Record<string, number>;
  versionId: number;
}

async function org(admin: Client): Promise<Org> {
  const d = ok(await admin.gql(`{ instansiList { id code } eselonUnits { id code } kanwils { id code } periods(year: 2026) { instrumentVersionId } }`));
  const by = (rows: { id: number; code: string }[]) => Object.fromEntries(rows.map((r) => [r.code, r.id]));
  return { instansi: by(d.instansiList), eselon: by(d.eselonUnits), kanwil: by(d.kanwils), versionId: d.periods[0].instrumentVersionId };
}

async function user(server: TestServer, admin: Client, username: string, role: Record<string, unknown>): Promise<Client> {
  ok(
    await admin.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { username, displayName: username, password: 'rahasia-uji-123', roles: [role] },
    }),
  );
  const c = new Client(server.url);
  const r = await c.login(username, 'rahasia-uji-123');
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return c;
}

async function period(admin: Client, versionId: number, name: string): Promise<number> {
  return ok(await admin.gql(`mutation ($i: PeriodInput!) { createPeriod(input: $i) { id } }`, { i: { year: 2026, name, instrumentVersionId: versionId } }))
    .createPeriod.id;
}

async function unit(admin: Client, kanwilId: number, code: string): Promise<number> {
  return ok(
    await admin.gql(`mutation ($i: SatkerInput!) { createSatker(input: $i) { id } }`, {
      i: { code, name: `Kantor Imigrasi Uji ${code}`, kind: 'KANIM', kanwilId },
    }),
  ).createSatker.id;
}

async function submission(admin: Client, periodId: number, satkerId: number, target = 'WBK'): Promise<number> {
  return ok(await admin.gql(`mutation ($i: CreateSubmissionInput!) { createSubmission(input: $i) { id } }`, { i: { periodId, satkerId, target } }))
    .createSubmission.id;
}

async function submit(coord: Client, id: number) {
  ok(await saveLevel(coord, id, 'SELF', goodAnswers()));
  ok(await coord.gql(`mutation ($id: Int!) { setPencanangan(submissionId: $id, date: "2025-03-01") { id } }`, { id }));
  await step(coord, id, 'submit');
}

const values = async (c: Client, id: number, level: string) =>
  (ok(await c.gql(ANSWERS_OF, { id, level })).submission.answers as { soalId: number; value: unknown }[])
    .filter((a) => a.value !== null)
    .map((a) => [a.soalId, a.value]);

describe('review routes', () => {
  let server: TestServer;
  let admin: Client, evaluator: Client;
  let o: Org;

  beforeAll(async () => {
    server = await startServer();
    [admin, evaluator] = await Promise.all(['admin', 'evaluator.itjen'].map((u) => loginAs(server, u)));
    o = await org(admin);
  });
  afterAll(async () => server?.cleanup());

  it('demo data: penilai.ditjenim finds Kanim Medan waiting in the Eselon I step of Kemenimipas’ 2026 route', async () => {
    const reviewer = await loginAs(server, 'penilai.ditjenim');
    const periodId = ok(await admin.gql(`{ periods(year: 2026) { id } }`)).periods[0].id;
    const subs = ok(
      await reviewer.gql(`query ($p: Int!) { submissions(periodId: $p) { id status satker { code } route { levels } } }`, { p: periodId }),
    ).submissions;
    const medan = subs.find((x: any) => x.satker.code === 'DJI-KANIM-MEDAN');
    expect(medan).toMatchObject({ status: 'ESELON_I_REVIEW', route: { levels: ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN'] } });
    const acts = ok(await reviewer.gql(`query ($id: Int!) { availableActions(submissionId: $id) { action enabled } }`, { id: medan.id })).availableActions;
    expect(acts).toEqual(expect.arrayContaining([{ action: 'forward', enabled: true }, expect.objectContaining({ action: 'return' })]));
  });

  describe('with the Eselon I step (Kemenimipas: Kanwil → Ditjen Imigrasi → TPI) and without it (Kementerian Hukum)', () => {
    let periodId: number;
    let subId: number;
    let otherSubId: number;
    let a: Actors;
    let eselon: Client, otherEselon: Client, kemenkumHead: Client;

    beforeAll(async () => {
      periodId = await period(admin, o.versionId, 'Periode uji alur Eselon I');
      const satkerId = await unit(admin, o.kanwil['KW-DJI-DEMO'], 'UJI-ESELON-1');
      subId = await submission(admin, periodId, satkerId);
      const kemenkumUnit = await unit(admin, o.kanwil['KW-KEMENKUM-DEMO'], 'UJI-KEMENKUM-1');
      otherSubId = await submission(admin, periodId, kemenkumUnit);
      a = {
        admin,
        evaluator,
        coord: await coordinatorFor(server, admin, satkerId, 'koordinator.uji.eselon'),
        kakanwil: await user(server, admin, 'kakanwil.uji.dji', { role: 'KANWIL_HEAD', kanwilId: o.kanwil['KW-DJI-DEMO'] }),
      };
      eselon = await user(server, admin, 'penilai.uji.ditjenim', { role: 'ESELON_REVIEWER', eselonId: o.eselon['DITJENIM'] });
      otherEselon = await user(server, admin, 'penilai.uji.ditjenpas', { role: 'ESELON_REVIEWER', eselonId: o.eselon['DITJENPAS'] });
      kemenkumHead = await loginAs(server, 'kakanwil.kemenkum');
    });

    it('the admin sets the route per instansi and period; the others keep the default', async () => {
      const r = ok(await admin.gql(SET_ROUTE, { i: { periodId, instansiId: o.instansi['KEMENIMIPAS'], eselonStep: true, deskTeam: 'TPI' } })).setReviewRoute;
      expect(r).toEqual({
        periodId,
        instansi: { code: 'KEMENIMIPAS' },
        configured: true,
        route: { eselonStep: true, deskTeam: 'TPI', levels: ['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN'] },
      });
      const all = ok(
        await admin.gql(`query ($p: Int!) { reviewRoutes(periodId: $p) { instansi { code } configured route { levels } } }`, { p: periodId }),
      ).reviewRoutes;
      expect(all.find((x: any) => x.instansi.code === 'KEMENKUM')).toEqual({
        instansi: { code: 'KEMENKUM' },
        configured: false,
        route: { levels: ['SELF', 'KANWIL', 'TPI', 'TPN'] },
      });
      expect(ok(await a.coord.gql(ROUTE_OF, { id: subId })).submission.route.levels).toEqual(['SELF', 'KANWIL', 'ESELON_I', 'TPI', 'TPN']);
      // only the admin configures routes
      expect(errorCode(await a.kakanwil.gql(SET_ROUTE, { i: { periodId, instansiId: o.instansi['KEMENIMIPAS'], eselonStep: false, deskTeam: 'TPI' } }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await eselon.gql(`query ($p: Int!) { reviewRoutes(periodId: $p) { configured } }`, { p: periodId }))).toBe('FORBIDDEN');
    });

    it('the Kanwil forwards to the Eselon I step, whose answers start as copies of the Kanwil’s', async () => {
      await submit(a.coord, subId);
      ok(await saveLevel(a.kakanwil, subId, 'KANWIL', { 4: opt(4, 1) }, { 4: 'Bukti rapat belum lengkap' }));
      const t = await step(a.kakanwil, subId, 'forward');
      expect(t).toMatchObject({ from: 'SUBMITTED', to: 'ESELON_I_REVIEW' });
      expect(await values(eselon, subId, 'ESELON_I')).toEqual(await values(eselon, subId, 'KANWIL'));
      const acts = ok(await eselon.gql(`query ($id: Int!) { availableActions(submissionId: $id) { action enabled } }`, { id: subId })).availableActions;
      expect(acts.map((x: any) => x.action).sort()).toEqual(['forward', 'return']);
      // the hand-off reaches the reviewers of this Eselon I unit (who act next), not the TPI nor another Ditjen's
      expect(await handoffsOn(eselon, subId)).toEqual([{ kind: 'HANDOFF', submissionId: subId, path: `/submissions/${subId}/lke` }]);
      expect(await handoffsOn(otherEselon, subId)).toEqual([]);
      expect(await handoffsOn(evaluator, subId)).toEqual([]);
      // and it waits in their inbox, not in the other Ditjen's
      expect(await inboxOn(eselon, subId)).toEqual([
        { kind: 'ESELON_REVIEW', role: 'ESELON_REVIEWER', submissionId: subId, detail: 'forward', path: `/submissions/${subId}/lke` },
      ]);
      expect(await inboxOn(otherEselon, subId)).toEqual([]);
    });

    it('the step is the Eselon I reviewer’s own: not the Kanwil’s, not another Ditjen’s, not the other instansi’s head', async () => {
      expect(errorCode(await saveLevel(a.kakanwil, subId, 'ESELON_I', { 5: opt(5, 1) }))).toBe('FORBIDDEN');
      expect(errorCode(await transition(a.kakanwil, subId, 'forward'))).toBe('FORBIDDEN');
      expect(errorCode(await saveLevel(eselon, subId, 'KANWIL', { 5: opt(5, 1) }))).toBe('FORBIDDEN');
      expect(errorCode(await transition(otherEselon, subId, 'forward'))).toBe('FORBIDDEN');
      expect(errorCode(await otherEselon.gql(ROUTE_OF, { id: subId }))).toBe('FORBIDDEN');
      expect(errorCode(await transition(kemenkumHead, subId, 'forward'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(evaluator, subId, 'startDeskReview'))).toBe('FORBIDDEN');
    });

    it('the Eselon I reviewer writes its own answers and notes, and returns for revision; the resubmission comes back to it', async () => {
      ok(await saveLevel(eselon, subId, 'ESELON_I', { 5: opt(5, 1) }, { 5: 'Monev belum rutin' }));
      expect(errorCode(await transition(eselon, subId, 'return', { reason: 'Perbaiki butir 5' }))).toBe('INVALID_STATE');
      ok(await addNote(eselon, subId, 5, 'ESELON_I', 'Lampirkan laporan monev'));
      const r = await step(eselon, subId, 'return', { reason: 'Perbaiki butir 5' });
      expect(r).toMatchObject({ to: 'REVISION_REQUESTED', submission: { returnedBy: 'ESELON_I', round: 1 } });
      // the unit's inbox lists the item with the Eselon I reviewer's open note
      const fix = (ok(await a.coord.gql(`{ inbox { kind submissionId soalId level detail } }`)).inbox as any[]).filter((e) => e.kind === 'RETURNED_ITEM');
      expect(fix).toEqual([{ kind: 'RETURNED_ITEM', submissionId: subId, soalId: 5, level: 'ESELON_I', detail: 'Lampirkan laporan monev' }]);
      // the Kanwil's answers and the Eselon I's are each their own
      expect((await values(eselon, subId, 'KANWIL')).find(([s]) => s === 5)?.[1]).toBe(opt(5, 0));
      expect((await values(eselon, subId, 'ESELON_I')).find(([s]) => s === 5)?.[1]).toBe(opt(5, 1));
      ok(await saveLevel(a.coord, subId, 'SELF', { 5: opt(5, 0) }));
      expect((await step(a.coord, subId, 'resubmit')).to).toBe('ESELON_I_REVIEW');
    });

    it('the Eselon I deadline closes the step (extensions apply); then it forwards to the TPI, who copies the Eselon I answers', async () => {
      ok(
        await admin.gql(`mutation ($id: Int!, $i: PeriodUpdateInput!) { updatePeriod(id: $id, input: $i) { id } }`, {
          id: periodId,
          i: { instrumentVersionId: o.versionId, eselonReviewDeadline: '2026-01-01T00:00:00Z' },
        }),
      );
      const late = await transition(eselon, subId, 'forward');
      expect(errorCode(late)).toBe('DEADLINE_PASSED');
      expect(late.errors![0].extensions!.stage).toBe('eselonReview');
      expect(errorCode(await saveLevel(eselon, subId, 'ESELON_I', { 6: opt(6, 1) }))).toBe('DEADLINE_PASSED');
      ok(
        await admin.gql(`mutation ($i: DeadlineExtensionInput!) { extendDeadline(input: $i) { id } }`, {
          i: { periodId, stage: 'eselonReview', deadline: '2099-01-01T00:00:00Z', reason: 'Uji perpanjangan Eselon I' },
        }),
      );
      expect((await step(eselon, subId, 'forward')).to).toBe('ESELON_I_REVIEWED');

      const ev = await userId(admin, 'evaluator.itjen');
      ok(await admin.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { id } }`, { s: subId, u: ev }));
      expect((await step(evaluator, subId, 'startDeskReview')).to).toBe('IN_DESK_REVIEW');
      expect(await values(evaluator, subId, 'TPI')).toEqual(await values(evaluator, subId, 'ESELON_I'));
      // scores per level: the Eselon I level is scored as its own
      const sc = ok(await evaluator.gql(`query ($id: Int!) { submission(id: $id) { scores { eselonI { level completeness } tpm { level } } } }`, { id: subId }))
        .submission.scores;
      expect(sc.eselonI).toEqual({ level: 'ESELON_I', completeness: 1 });
      expect(sc.tpm.level).toBe('TPM');
    });

    it('a route no longer changes once a submission went past the Kanwil step', async () => {
      const r = await admin.gql(SET_ROUTE, { i: { periodId, instansiId: o.instansi['KEMENIMIPAS'], eselonStep: false, deskTeam: 'TPI' } });
      expect(errorCode(r)).toBe('INVALID_STATE');
      expect(r.errors![0].message).toContain('sudah melewati tahap Kanwil');
      // the same route again is fine
      ok(await admin.gql(SET_ROUTE, { i: { periodId, instansiId: o.instansi['KEMENIMIPAS'], eselonStep: true, deskTeam: 'TPI' } }));
    });

    it('in the same period, the other instansi follows the default route: the Kanwil forwards straight to the TPI', async () => {
      const satkerId = ok(await admin.gql(`query ($id: Int!) { submission(id: $id) { satker { id } } }`, { id: otherSubId })).submission.satker.id;
      const coord = await coordinatorFor(server, admin, satkerId, 'koordinator.uji.kemenkum');
      await submit(coord, otherSubId);
      expect((await step(kemenkumHead, otherSubId, 'forward')).to).toBe('KANWIL_REVIEWED');
      expect(ok(await coord.gql(ROUTE_OF, { id: otherSubId })).submission.route).toEqual({
        eselonStep: false,
        deskTeam: 'TPI',
        levels: ['SELF', 'KANWIL', 'TPI', 'TPN'],
      });
      expect(errorCode(await saveLevel(admin, otherSubId, 'ESELON_I', { 5: opt(5, 1) }))).toBe('INVALID_STATE');
    });
  });

  describe('TPM route: the instansi’s own team awards WBK-mandiri, which counts as WBK for a later WBBM', () => {
    let subId: number;
    let satkerId: number;
    let coord: Client, head: Client, tpm: Client;

    beforeAll(async () => {
      const periodId = await period(admin, o.versionId, 'Periode uji TPM');
      ok(await admin.gql(SET_ROUTE, { i: { periodId, instansiId: o.instansi['KEMENIMIPAS'], eselonStep: false, deskTeam: 'TPM' } }));
      satkerId = await unit(admin, o.kanwil['KW-DJI-DEMO'], 'UJI-TPM-1');
      subId = await submission(admin, periodId, satkerId);
      coord = await coordinatorFor(server, admin, satkerId, 'koordinator.uji.tpm');
      head = await user(server, admin, 'kakanwil.uji.tpm', { role: 'KANWIL_HEAD', kanwilId: o.kanwil['KW-DJI-DEMO'] });
      tpm = await user(server, admin, 'tpm.uji.imipas', { role: 'TPM_EVALUATOR', instansiId: o.instansi['KEMENIMIPAS'] });
    });

    it('refuses a TPM role without exactly one instansi', async () => {
      const r = await admin.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
        i: {
          username: 'tpm.salah',
          displayName: 'TPM salah',
          password: 'rahasia-uji-123',
          roles: [{ role: 'TPM_EVALUATOR', kanwilId: o.kanwil['KW-DJI-DEMO'] }],
        },
      });
      expect(errorCode(r)).toBe('BAD_USER_INPUT');
    });

    it('the TPM starts the desk step without assignment (the TPI may not), answers it, uploads the LHE and finalises', async () => {
      await submit(coord, subId);
      expect((await step(head, subId, 'forward')).to).toBe('KANWIL_REVIEWED');
      // the instansi's TPM acts next on this route, so it hears of the hand-off
      expect(await handoffsOn(tpm, subId)).toHaveLength(1);
      expect(await inboxOn(tpm, subId)).toEqual([
        { kind: 'DESK_EVALUATION', role: 'TPM_EVALUATOR', submissionId: subId, detail: 'startDeskReview', path: `/submissions/${subId}/lke` },
      ]);
      const ev = await userId(admin, 'evaluator.itjen');
      ok(await admin.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { id } }`, { s: subId, u: ev }));
      expect(errorCode(await transition(evaluator, subId, 'startDeskReview'))).toBe('FORBIDDEN');
      expect((await step(tpm, subId, 'startDeskReview')).to).toBe('IN_DESK_REVIEW');
      expect(await values(tpm, subId, 'TPM')).toEqual(await values(tpm, subId, 'KANWIL'));
      expect(errorCode(await saveLevel(evaluator, subId, 'TPI', { 5: opt(5, 1) }))).toBe('INVALID_STATE');
      ok(await saveLevel(tpm, subId, 'TPM', { 6: opt(6, 1) }, { 6: 'SK tim belum ditandatangani' }));
      await upload(tpm, { submissionId: subId, purpose: 'LHE', title: 'LHE TPM' }, 'lhe-tpm.pdf');
      expect((await step(tpm, subId, 'finalise', { recommendation: 'Layak WBK', recommendedPredicate: 'WBK' })).to).toBe('DESK_EVALUATED');
    });

    it('the TPM records the WBK-mandiri with its decree: predicate history says TPM; the Kanwil head may not', async () => {
      expect(await inboxOn(tpm, subId)).toEqual([
        { kind: 'NOMINATION_DECISION', role: 'TPM_EVALUATOR', submissionId: subId, detail: 'recordTpmOutcome', path: `/submissions/${subId}` },
      ]);
      const acts = ok(await tpm.gql(`query ($id: Int!) { availableActions(submissionId: $id) { action } }`, { id: subId })).availableActions;
      expect(acts.map((x: any) => x.action)).toEqual(['recordTpmOutcome']);
      expect(errorCode(await transition(head, subId, 'recordTpmOutcome', { awarded: true, decreeNumber: 'KEP-X', decreeDate: '2026-11-30' }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await transition(tpm, subId, 'recordTpmOutcome', { awarded: true, decreeNumber: 'KEP-TPM-1/2026' }))).toBe('BAD_USER_INPUT');
      const input = { awarded: true, decreeNumber: 'KEP-TPM-1/2026', decreeDate: '2026-11-30', reason: 'Penetapan WBK oleh TPM instansi' };
      expect((await step(tpm, subId, 'recordTpmOutcome', input)).to).toBe('AWARDED');
      const preds = ok(
        await admin.gql(`query ($id: Int!) { satker(id: $id) { predicates { predicate year awardedBy decreeNumber revoked } } }`, { id: satkerId }),
      ).satker.predicates;
      expect(preds).toEqual([{ predicate: 'WBK', year: 2026, awardedBy: 'TPM', decreeNumber: 'KEP-TPM-1/2026', revoked: false }]);
      expect(await status(coord, subId)).toBe('AWARDED');
    });

    it('a later WBBM proposal of the unit counts the WBK-mandiri as WBK', async () => {
      const later = await period(admin, o.versionId, 'Periode uji WBBM');
      const wbbm = await submission(admin, later, satkerId, 'WBBM');
      const pre = ok(await admin.gql(`query ($id: Int!) { nominationPreview(submissionId: $id) { hasWbk blockers } }`, { id: wbbm })).nominationPreview;
      expect(pre.hasWbk).toBe(true);
      expect(JSON.stringify(pre.blockers)).not.toContain('WBBM hanya dapat diusulkan');
    });
  });
});
