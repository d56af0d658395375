/** Nomination rules that cannot be overridden: WBBM needs WBK, and the 2-year ban after a revocation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revocationBanUntil } from '@pantau/shared';
import { Submission } from '../../../server/src/modules/submission/entities';
import { Predicate, PredicateHistory } from '../../../server/src/modules/org/entities';
import { TargetPredicate } from '../../../server/src/common/enums';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { status, step, transition, upload } from './support';

const REVOKE = `mutation ($p: Int!, $r: String!, $d: LocalDate!) { revokePredicate(predicateId: $p, reason: $r, decreeDate: $d) { id revoked revokedAt reason } }`;
const PREDICATES = `query ($id: Int!) { submission(id: $id) { satker { holdsWbk predicates { id predicate year revoked revokedAt } } } }`;
const isoDaysAgo = (d: number) => new Date(Date.now() - d * 24 * 3600 * 1000).toISOString().slice(0, 10);

describe('nomination: what cannot be overridden', () => {
  let server: TestServer;
  let kakanwil: Client, admin: Client, coord: Client;
  let batam: number;
  let satkerId: number;
  let checklist: Record<string, unknown>;

  beforeAll(async () => {
    server = await startServer();
    [kakanwil, admin, coord] = await Promise.all(['kakanwil', 'admin', 'koordinator.polonia'].map((u) => loginAs(server, u)));
    const subs = await demoSubmissions(admin);
    batam = subs['IMI-BATAM'].id; // DESK_EVALUATED, target WBBM, WBK since 2023
    satkerId = subs['IMI-BATAM'].satkerId;
    await upload(kakanwil, { submissionId: batam, purpose: 'SPTJM' }, 'sptjm.pdf');
    const tlhp = await upload(kakanwil, { submissionId: batam, purpose: 'PREREQUISITE', title: 'TLHP' }, 'tlhp.pdf');
    const sakip = await upload(kakanwil, { submissionId: batam, purpose: 'PREREQUISITE', title: 'SAKIP' }, 'sakip.pdf');
    checklist = { tlhpPercent: 100, tlhpEvidenceId: tlhp.id, lhkpnPercent: 100, sakipGrade: 'A', sakipEvidenceId: sakip.id };
  });
  afterAll(async () => server?.cleanup());

  it('only an admin or the Kanwil head revokes a predicate, with a reason; the revocation is audited', async () => {
    const p = ok(await admin.gql(PREDICATES, { id: batam })).submission.satker.predicates[0];
    expect(p).toMatchObject({ predicate: 'WBK', revoked: false });
    expect(errorCode(await coord.gql(REVOKE, { p: p.id, r: 'x', d: '2021-01-05' }))).toBe('FORBIDDEN');
    expect(errorCode(await kakanwil.gql(REVOKE, { p: p.id, r: ' ', d: '2021-01-05' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await kakanwil.gql(REVOKE, { p: p.id, r: 'x', d: '5 Jan 2021' }))).toBe('BAD_USER_INPUT');
    // an old revocation: its two-year ban is long over, but the unit no longer holds WBK
    const r = ok(await kakanwil.gql(REVOKE, { p: p.id, r: 'Pelanggaran integritas', d: '2021-01-05' })).revokePredicate;
    expect(r).toMatchObject({ revoked: true, revokedAt: '2021-01-05', reason: 'Pelanggaran integritas' });
    expect(errorCode(await kakanwil.gql(REVOKE, { p: p.id, r: 'lagi', d: '2021-01-05' }))).toBe('INVALID_STATE');
    const ev = ok(await admin.gql(`query { auditEvents(filter: { action: "predicate.revoke" }) { items { reason actor { username } after } } }`)).auditEvents
      .items;
    expect(ev[0]).toMatchObject({ reason: 'Pelanggaran integritas', actor: { username: 'kakanwil' }, after: { banUntil: '2023-01-05' } });
  });

  it('writes checklist shortfalls with Indonesian decimals, rounded down', async () => {
    const c = { ...checklist, tlhpPercent: 97.456 };
    const prev = ok(
      await kakanwil.gql(
        `query ($id: Int!, $c: NominationChecklistInput) { nominationPreview(submissionId: $id, checklist: $c) { checklist { key met message } } }`,
        { id: batam, c },
      ),
    ).nominationPreview;
    const tlhp = prev.checklist.find((i: { key: string }) => i.key === 'TLHP');
    expect(tlhp).toMatchObject({ met: false, message: 'TLHP 97,45 % < 100 %' });
  });

  it('refuses WBBM for a unit without WBK even with an override reason', async () => {
    const prev = ok(
      await kakanwil.gql(
        `query ($id: Int!, $c: NominationChecklistInput) { nominationPreview(submissionId: $id, checklist: $c) { hasWbk blockers prerequisitesMissing } }`,
        { id: batam, c: checklist },
      ),
    ).nominationPreview;
    expect(prev).toEqual({ hasWbk: false, blockers: ['WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK'], prerequisitesMissing: [] });
    const r = await transition(kakanwil, batam, 'nominate', { checklist, overrideReason: 'Unit sangat baik' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].extensions!.guards).toEqual([{ guard: 'wbbmNeedsWbk', message: 'WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK' }]);
    expect(await status(kakanwil, batam)).toBe('DESK_EVALUATED');
  });

  it('refuses a unit whose predicate was revoked less than two years ago, even with an override', async () => {
    const em = server.handle.orm.em.fork();
    await em.nativeUpdate(Submission, { id: batam }, { target: TargetPredicate.WBK });
    const p = em.create(PredicateHistory, {
      satker: satkerId,
      predicate: Predicate.WBK,
      year: 2025,
      decreeNumber: 'KEP-2025',
      decreeDate: '2025-12-10',
      revoked: false,
    });
    await em.persistAndFlush(p);
    const decree = isoDaysAgo(300);
    ok(await admin.gql(REVOKE, { p: p.id, r: 'Temuan pungli', d: decree }));
    const until = revocationBanUntil(decree);
    const r = await transition(kakanwil, batam, 'nominate', { checklist, overrideReason: 'Sudah berbenah' });
    expect(errorCode(r)).toBe('INVALID_STATE');
    expect(r.errors![0].extensions!.guards.map((g: any) => g.guard)).toEqual(['noRevocationBan']);
    expect(r.errors![0].message).toContain(`tidak dapat diusulkan sampai ${until}`);

    // two years after the decree the unit may be proposed again (threshold shortfalls with a written override)
    await em.nativeUpdate(PredicateHistory, { id: p.id }, { revokedAt: isoDaysAgo(2 * 366 + 1) });
    const t = await step(kakanwil, batam, 'nominate', { checklist, overrideReason: 'Sudah berbenah', afirmasi: false });
    expect(t.to).toBe('NOMINATED');
  });

  it('withdraws a nomination (reason) while no TPN result has arrived', async () => {
    const r = await transition(kakanwil, batam, 'withdrawNomination', {});
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    const t = await step(kakanwil, batam, 'withdrawNomination', { reason: 'Dokumen SPTJM perlu ditandatangani ulang' });
    expect(t.to).toBe('DESK_EVALUATED');
    const n = ok(await kakanwil.gql(`query ($id: Int!) { nominations(submissionId: $id) { status withdrawnReason } }`, { id: batam })).nominations;
    expect(n).toEqual([{ status: 'WITHDRAWN', withdrawnReason: 'Dokumen SPTJM perlu ditandatangani ulang' }]);
    const sat = ok(await kakanwil.gql(PREDICATES, { id: batam })).submission.satker;
    expect(sat.holdsWbk).toBe(false);
  });

  it('records a NOT_AWARDED outcome with its reason; no predicate is added', async () => {
    const subs = await demoSubmissions(admin);
    const medan = subs['IMI-MEDAN'].id; // seeded NOMINATED (WBBM), BPS survey recorded
    const before = ok(await admin.gql(PREDICATES, { id: medan })).submission.satker.predicates.length;
    expect(
      errorCode(
        await coord.gql(`mutation ($id: Int!) { transition(submissionId: $id, action: recordTpnOutcome, input: { awarded: false }) { to } }`, { id: medan }),
      ),
    ).toBe('FORBIDDEN');
    const t = await step(admin, medan, 'recordTpnOutcome', {
      awarded: false,
      decreeNumber: 'KEP-TPN-9/2026',
      decreeDate: '2026-12-11',
      reason: 'Hasil evaluasi lapangan TPN di bawah ambang',
    });
    expect(t.to).toBe('NOT_AWARDED');
    expect(ok(await admin.gql(PREDICATES, { id: medan })).submission.satker.predicates).toHaveLength(before);
    const n = ok(
      await admin.gql(`query ($id: Int!) { nominations(submissionId: $id) { status predicate decreeNumber outcomeReason } }`, { id: medan }),
    ).nominations;
    expect(n).toEqual([
      { status: 'NOT_AWARDED', predicate: null, decreeNumber: 'KEP-TPN-9/2026', outcomeReason: 'Hasil evaluasi lapangan TPN di bawah ambang' },
    ]);
  });
});
