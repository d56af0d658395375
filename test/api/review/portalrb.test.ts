/** PortalRB pull endpoints behind bearer tokens per Kanwil or per instansi: auth errors, scope, rotation, rate limit, output shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionStatus, TargetPredicate } from '../../../server/src/common/enums';
import { Evidence, EvidencePurpose } from '../../../server/src/modules/evidence/entities';
import { Nomination } from '../../../server/src/modules/nomination/entities';
import { Instansi, Kanwil, Satker, SatkerKind } from '../../../server/src/modules/org/entities';
import { Submission } from '../../../server/src/modules/submission/entities';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { ANSWERS_OF, userId } from './support';

const CREATE = `mutation ($k: Int!) { createPortalRbToken(kanwilId: $k) { token info { id prefix kanwilId revokedAt } revokedTokenIds } }`;
const ROTATE = `mutation ($k: Int!) { rotatePortalRbToken(kanwilId: $k) { token info { id } revokedTokenIds } }`;

describe('PortalRB API', () => {
  let server: TestServer;
  let kakanwil: Client, admin: Client, coord: Client;
  let kanwilId: number;
  let subs: Awaited<ReturnType<typeof demoSubmissions>>;

  const get = async (path: string, token?: string | null, extra: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/portalrb${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  const newToken = async () => ok(await kakanwil.gql(CREATE, { k: kanwilId })).createPortalRbToken.token as string;

  beforeAll(async () => {
    process.env.PANTAU_PORTALRB_RATE_LIMIT = '25';
    server = await startServer();
    [kakanwil, admin, coord] = await Promise.all(['kakanwil', 'admin', 'koordinator.polonia'].map((u) => loginAs(server, u)));
    subs = await demoSubmissions(admin);
    kanwilId = ok(await admin.gql(`{ kanwils { id code } }`)).kanwils[0].id;
    // arrange: Belawan nominated as a WBK-AFIRMASI unit; evidence on one of Medan's items; a unit of another Kanwil
    const em = server.handle.orm.em.fork();
    const adminId = await userId(admin, 'admin');
    await em.nativeUpdate(Submission, { id: subs['IMI-BELAWAN'].id }, { status: SubmissionStatus.NOMINATED });
    em.create(Nomination, {
      submission: subs['IMI-BELAWAN'].id,
      target: TargetPredicate.WBK,
      afirmasi: true,
      eligibility: {},
      checklist: [],
      nominatedBy: adminId,
      nominatedAt: new Date(),
    } as never);
    em.create(Evidence, { submission: subs['IMI-MEDAN'].id, purpose: EvidencePurpose.ANSWER, soalId: 1, createdBy: adminId } as never);
    const other = em.create(Kanwil, { code: 'KW-LAIN', name: 'Kanwil Lain' });
    em.create(Satker, { code: 'LAIN-1', name: 'Unit Kanwil Lain', kind: SatkerKind.OTHER, kanwil: other });
    await em.flush();
  });
  afterAll(async () => {
    delete process.env.PANTAU_PORTALRB_RATE_LIMIT;
    await server?.cleanup();
  });

  it('refuses requests without, with a wrong, or with a malformed token (401, error shape)', async () => {
    for (const t of [null, 'salah', 'pzi_' + 'x'.repeat(43)]) {
      const r = await get('/pengusulan/unit-wbk', t);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', message: expect.any(String) });
    }
    const r = await get('/pengusulan/unit-wbk', null, { authorization: 'Basic abc' });
    expect(r.status).toBe(401);
  });

  it('issues tokens only to the Kanwil head or admin, shown once and stored hashed', async () => {
    expect(errorCode(await coord.gql(CREATE, { k: kanwilId }))).toBe('FORBIDDEN');
    const t = ok(await kakanwil.gql(CREATE, { k: kanwilId })).createPortalRbToken;
    expect(t.token).toMatch(/^pzi_[A-Za-z0-9_-]{43}$/);
    expect(t.info).toMatchObject({ kanwilId, prefix: t.token.slice(0, 12), revokedAt: null });
    const list = ok(await kakanwil.gql(`query ($k: Int!) { portalRbTokens(kanwilId: $k) { id prefix } }`, { k: kanwilId })).portalRbTokens;
    expect(list.map((x: any) => x.id)).toContain(t.info.id);
    const rows = await server.handle.orm.em.fork().getConnection().execute('select token_hash from portal_rb_token');
    expect(rows.every((r: any) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== t.token)).toBe(true);
  });

  it('lists nominated units per category with the afirmasi flag', async () => {
    const token = await newToken();
    const wbk = await get('/pengusulan/unit-wbk', token);
    expect(wbk.status).toBe(200);
    expect(wbk.body).toEqual({
      tahun: 2026,
      units: [{ id: 'IMI-BELAWAN', nama: 'Kantor Imigrasi Kelas II TPI Belawan', kategori: 'WBK-AFIRMASI', afirmasi: true }],
    });
    const wbbm = await get('/pengusulan/unit-wbbm?tahun=2026', token);
    expect(wbbm.body).toEqual({
      tahun: 2026,
      units: [{ id: 'IMI-MEDAN', nama: 'Kantor Imigrasi Kelas I Khusus TPI Medan', kategori: 'WBBM', afirmasi: false }],
    });
    expect((await get('/pengusulan/unit-wbk?tahun=dua', token)).status).toBe(422);
    const none = await get('/pengusulan/unit-wbk?tahun=2019', token);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('NOT_FOUND');
  });

  it('serves a nominated unit’s answers in the jawaban-unit shape, with evidence URLs', async () => {
    const token = await newToken();
    const r = await get('/lke/jawaban-unit/IMI-MEDAN', token);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['unit_id', 'nama_unit', 'tahun', 'answers']);
    expect(r.body).toMatchObject({ unit_id: 'IMI-MEDAN', tahun: 2026 });
    expect(r.body.answers).toHaveLength(127);
    for (const a of r.body.answers) {
      expect(Object.keys(a)).toEqual(['soal_id', 'jawaban_unit', 'jawaban_tpi', 'catatan_unit', 'bukti_dukung_unit', 'catatan_tpi', 'jawaban_tpn']);
      expect(Array.isArray(a.bukti_dukung_unit)).toBe(true);
    }
    const id = subs['IMI-MEDAN'].id;
    const self = ok(await admin.gql(ANSWERS_OF, { id, level: 'SELF' })).submission.answers as any[];
    const tpi = ok(await admin.gql(ANSWERS_OF, { id, level: 'TPI' })).submission.answers as any[];
    const byId = new Map(r.body.answers.map((a: any) => [a.soal_id, a]));
    for (const a of self) expect((byId.get(a.soalId) as any).jawaban_unit).toEqual(a.value);
    for (const a of tpi) expect((byId.get(a.soalId) as any).jawaban_tpi).toEqual(a.value);
    expect((byId.get(1) as any).bukti_dukung_unit).toEqual([expect.stringMatching(new RegExp(`^${server.url}/api/evidence/\\d+$`))]);
    // by numeric id too
    expect((await get(`/lke/jawaban-unit/${subs['IMI-MEDAN'].satkerId}`, token)).body.unit_id).toBe('IMI-MEDAN');
  });

  it('answers 404 for a unit not nominated or unknown, 403 for another Kanwil’s unit', async () => {
    const token = await newToken();
    const draft = await get('/lke/jawaban-unit/IMI-POLONIA', token);
    expect(draft.status).toBe(404);
    expect(draft.body).toEqual({ error: 'NOT_FOUND', code: 'NOT_FOUND', message: expect.stringContaining('belum diusulkan') });
    expect((await get('/lke/jawaban-unit/TIDAK-ADA', token)).status).toBe(404);
    const other = await get('/lke/jawaban-unit/LAIN-1', token);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    expect((await get('/tidak-ada', token)).status).toBe(404);
  });

  it('an instansi token reads every Kanwil of its instansi and nothing of another; only the admin manages it', async () => {
    const em = server.handle.orm.em.fork();
    const inst2 = em.create(Instansi, { code: 'INST-LAIN', name: 'Instansi Lain' });
    const k2 = em.create(Kanwil, { code: 'KW-INST2', name: 'Kanwil Instansi Lain', instansi: inst2 });
    em.create(Satker, { code: 'INST2-1', name: 'Unit Instansi Lain', kind: SatkerKind.OTHER, kanwil: k2 });
    await em.flush();
    const CREATE_I = `mutation ($i: Int!) { createPortalRbToken(instansiId: $i) { token info { id kanwilId instansiId } } }`;
    const LIST_I = `query ($i: Int!) { portalRbTokens(instansiId: $i) { id instansiId kanwilId } }`;
    expect(errorCode(await kakanwil.gql(CREATE_I, { i: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await kakanwil.gql(LIST_I, { i: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await admin.gql(`mutation ($k: Int!) { createPortalRbToken(kanwilId: $k, instansiId: 1) { token } }`, { k: kanwilId }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await admin.gql(`mutation { createPortalRbToken { token } }`))).toBe('BAD_USER_INPUT');
    const issued = ok(await admin.gql(CREATE_I, { i: 1 })).createPortalRbToken;
    expect(issued.info).toMatchObject({ kanwilId: null, instansiId: 1 });
    expect(ok(await admin.gql(LIST_I, { i: 1 })).portalRbTokens.map((t: any) => t.id)).toEqual([issued.info.id]);
    // the Kanwil's own list does not show the instansi's token
    const kanwilList = ok(await kakanwil.gql(`query ($k: Int!) { portalRbTokens(kanwilId: $k) { id } }`, { k: kanwilId })).portalRbTokens;
    expect(kanwilList.map((t: any) => t.id)).not.toContain(issued.info.id);

    const wbk = await get('/pengusulan/unit-wbk', issued.token);
    expect(wbk.body.units.map((u: any) => u.id)).toEqual(['IMI-BELAWAN']);
    expect((await get('/lke/jawaban-unit/IMI-MEDAN', issued.token)).status).toBe(200);
    expect((await get('/lke/jawaban-unit/LAIN-1', issued.token)).status).toBe(404); // another Kanwil of the same instansi: in scope, not nominated
    expect((await get('/lke/jawaban-unit/INST2-1', issued.token)).status).toBe(403); // another instansi

    const other = ok(await admin.gql(CREATE_I, { i: inst2.id })).createPortalRbToken.token;
    const none = await get('/pengusulan/unit-wbk', other);
    expect(none.status).toBe(404); // the other instansi's Kanwil has no period: nothing of this instansi leaks
    expect((await get('/lke/jawaban-unit/IMI-MEDAN', other)).status).toBe(403);
    // revoked by the admin only
    expect(errorCode(await kakanwil.gql(`mutation ($t: Int!) { revokePortalRbToken(tokenId: $t) { revokedAt } }`, { t: issued.info.id }))).toBe('FORBIDDEN');
    ok(await admin.gql(`mutation ($t: Int!) { revokePortalRbToken(tokenId: $t) { revokedAt } }`, { t: issued.info.id }));
    expect((await get('/pengusulan/unit-wbk', issued.token)).status).toBe(401);
  });

  it('rotation refuses the old tokens and accepts the new one; revocation too', async () => {
    const old = await newToken();
    expect((await get('/pengusulan/unit-wbk', old)).status).toBe(200);
    const rot = ok(await admin.gql(ROTATE, { k: kanwilId })).rotatePortalRbToken;
    expect(rot.revokedTokenIds.length).toBeGreaterThanOrEqual(1);
    expect((await get('/pengusulan/unit-wbk', old)).status).toBe(401);
    expect((await get('/pengusulan/unit-wbk', rot.token)).status).toBe(200);
    ok(await kakanwil.gql(`mutation ($t: Int!) { revokePortalRbToken(tokenId: $t) { revokedAt } }`, { t: rot.info.id }));
    expect((await get('/pengusulan/unit-wbk', rot.token)).status).toBe(401);
    const ev = ok(await admin.gql(`query { auditEvents(filter: { objectType: "PortalRbToken" }, pageSize: 100) { items { action } } }`)).auditEvents.items.map(
      (e: any) => e.action,
    );
    expect(ev).toEqual(expect.arrayContaining(['portalrb.token.create', 'portalrb.token.rotate', 'portalrb.token.revoke']));
  });

  it('rate-limits each token (429 with Retry-After) without affecting other tokens', async () => {
    const token = await newToken();
    const statuses: number[] = [];
    for (let i = 0; i < 27; i++) statuses.push((await get('/pengusulan/unit-wbk', token)).status);
    expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
    const last = await get('/pengusulan/unit-wbk', token);
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('RATE_LIMITED');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('/pengusulan/unit-wbk', await newToken())).status).toBe(200);
    // the window is in the database: parallel requests are counted one by one and a restart keeps it
    const burst = await newToken();
    const parallel = await Promise.all(Array.from({ length: 35 }, () => get('/pengusulan/unit-wbk', burst)));
    expect(parallel.filter((r) => r.status === 200)).toHaveLength(25);
    server = await server.restart();
    expect((await get('/pengusulan/unit-wbk', token)).status).toBe(429);
  });
});
