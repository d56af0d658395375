/**
 * Survey rounds over real HTTP on a real SQLite file: who may open, read and close rounds; the public form with
 * its one-time ticket, honeypot and closing; the result recorded as INTERNAL survey results; QR codes; CSV export;
 * recording survey results at any stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jakartaDate } from '@pantau/shared';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';

const OPEN = `mutation ($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) {
  id satkerId state startDate endDate respondents canManage serviceTypes { code name token path qrPath } respondentGroups { code name } } }`;
const CLOSE = `mutation ($id: Int!) { closeSurveyRound(id: $id) { round { id state respondents } recorded { kind index respondents source } warnings } }`;
const RESULT = `query ($id: Int!) { surveyRoundResult(id: $id) { conversion overall { respondents belowMinimum warning indices { kind index mean statements { code mean respondents } } }
  byServiceType { key name respondents indices { kind index } } byRespondentGroup { key name respondents indices { kind index } } } }`;

const day = 86_400_000;
const today = jakartaDate();
const dayOffset = (n: number) => jakartaDate(new Date(Date.now() + n * day));

/** Scores for every statement: SPKP1..8 and SPAK1..5. */
function scores(spkp: number, spak: number, over: Record<string, number> = {}) {
  const s: Record<string, number> = {};
  for (let i = 1; i <= 8; i++) s[`SPKP${i}`] = spkp;
  for (let i = 1; i <= 5; i++) s[`SPAK${i}`] = spak;
  return { ...s, ...over };
}

async function publicGet(server: TestServer, token: string) {
  const res = await fetch(`${server.url}/api/survey/public/${token}`);
  return { status: res.status, body: await res.json() };
}
async function publicPost(server: TestServer, token: string, body: unknown, csrf = true) {
  const res = await fetch(`${server.url}/api/survey/public/${token}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-pantau-csrf': '1' } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}

describe('survey rounds', () => {
  let server: TestServer;
  const c: Record<string, Client> = {};
  let subs: Record<string, { id: number; status: string; satkerId: number }>;
  let round: any;

  beforeAll(async () => {
    server = await startServer();
    for (const u of ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat', 'kepala.polonia'])
      c[u] = await loginAs(server, u);
    subs = await demoSubmissions(c.admin);
  });
  afterAll(async () => server?.cleanup());

  const input = (satker: string, over: Record<string, unknown> = {}) => ({
    satkerId: subs[satker].satkerId,
    periodId: 1,
    startDate: today,
    endDate: dayOffset(30),
    serviceTypes: ['Paspor', 'Izin tinggal'],
    respondentGroups: ['Pemohon', 'Kuasa / biro jasa'],
    ...over,
  });

  it('who may open a round: the Kanwil head, admin, the unit coordinator; nobody else', async () => {
    expect(errorCode(await new Client(server.url).gql(OPEN, { i: input('IMI-POLONIA') }))).toBe('UNAUTHENTICATED');
    for (const u of ['koordinator.banggai', 'pengamat', 'kepala.polonia', 'evaluator.itjen']) {
      const r = await c[u].gql(OPEN, { i: input('IMI-POLONIA') });
      expect(errorCode(r), u).toBe('FORBIDDEN');
    }
    round = ok(await c['koordinator.polonia'].gql(OPEN, { i: input('IMI-POLONIA') })).openSurveyRound;
    expect(round).toMatchObject({ satkerId: subs['IMI-POLONIA'].satkerId, state: 'OPEN', respondents: 0, canManage: true });
    expect(round.serviceTypes.map((s: any) => [s.code, s.name])).toEqual([
      ['L1', 'Paspor'],
      ['L2', 'Izin tinggal'],
    ]);
    expect(round.serviceTypes[0].token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(round.serviceTypes[0].token).not.toBe(round.serviceTypes[1].token);
    expect(round.serviceTypes[0].path).toBe(`/survei/${round.serviceTypes[0].token}`);
    ok(await c.kakanwil.gql(OPEN, { i: input('PAS-RUTAN-TPINANG', { serviceTypes: ['Layanan kunjungan'], respondentGroups: ['Keluarga WBP'] }) }));
    ok(await c.admin.gql(OPEN, { i: input('IMI-BANGGAI') }));
  });

  it('demo data: rounds with responses for a Kanim (passport, residence permit) and a Rutan (visitor services)', async () => {
    const demo = ok(await c.admin.gql(`{ surveyRounds { id satkerName state respondents serviceTypes { name } } }`)).surveyRounds.filter(
      (r: any) => r.id !== round.id && r.respondents > 0,
    );
    expect(demo.map((r: any) => [r.satkerName, r.state, r.respondents, r.serviceTypes.map((s: any) => s.name).join('+')])).toEqual([
      ['Rumah Tahanan Negara Kelas I Medan', 'CLOSED', 36, 'Layanan kunjungan+Penitipan barang'],
      ['Kantor Imigrasi Kelas I TPI Polonia', 'OPEN', 12, 'Paspor+Izin tinggal'],
      ['Kantor Imigrasi Kelas II TPI Tarakan', 'CLOSED', 42, 'Paspor+Izin tinggal'],
    ]);
    const closed = demo[2];
    const res = ok(await c.admin.gql(RESULT, { id: closed.id })).surveyRoundResult;
    expect(res.overall).toMatchObject({ respondents: 42, belowMinimum: false, warning: null });
    const sub = ok(
      await c.admin.gql(`query ($id: Int!) { submission(id: $id) { surveyResults { kind index respondents source } } }`, { id: subs['IMI-TARAKAN'].id }),
    ).submission;
    for (const kind of ['IPAK', 'IPKP']) {
      const index = res.overall.indices.find((i: any) => i.kind === kind).index;
      expect(sub.surveyResults).toContainEqual({ kind, index, respondents: 42, source: 'INTERNAL' });
    }
  });

  it('refuses bad input with BAD_USER_INPUT and stores nothing', async () => {
    const before = ok(await c.admin.gql(`{ surveyRounds { id } }`)).surveyRounds.length;
    for (const over of [
      { endDate: dayOffset(-1) },
      { startDate: '2026-02-30' },
      { serviceTypes: [] },
      { serviceTypes: ['Paspor', 'paspor'] },
      { respondentGroups: [' '] },
      { questionnaireVersion: '1999' },
    ]) {
      const r = await c.kakanwil.gql(OPEN, { i: input('IMI-POLONIA', over) });
      expect(errorCode(r), JSON.stringify(over)).toBe('BAD_USER_INPUT');
    }
    expect(ok(await c.admin.gql(`{ surveyRounds { id } }`)).surveyRounds.length).toBe(before);
  });

  it('who may read: the unit and its Kanwil; a round of another unit is FORBIDDEN and not listed', async () => {
    const Q = `query ($id: Int!) { surveyRound(id: $id) { id satkerName } }`;
    for (const u of ['kakanwil', 'pengamat', 'kepala.polonia', 'koordinator.polonia', 'admin']) ok(await c[u].gql(Q, { id: round.id }));
    expect(errorCode(await c['koordinator.banggai'].gql(Q, { id: round.id }))).toBe('FORBIDDEN');
    expect(errorCode(await new Client(server.url).gql(Q, { id: round.id }))).toBe('UNAUTHENTICATED');
    const mine = ok(await c['koordinator.banggai'].gql(`{ surveyRounds { satkerId } }`)).surveyRounds;
    expect(mine.map((r: any) => r.satkerId)).toEqual([subs['IMI-BANGGAI'].satkerId]);
    // newest first: the round just opened, then the demo round of this unit
    const polonia = ok(
      await c.kakanwil.gql(`query ($s: Int!) { surveyRounds(satkerId: $s, periodId: 1) { id canManage satkerId } }`, { s: subs['IMI-POLONIA'].satkerId }),
    ).surveyRounds;
    expect(polonia[0]).toEqual({ id: round.id, canManage: true, satkerId: subs['IMI-POLONIA'].satkerId });
    expect(polonia.every((r: any) => r.satkerId === subs['IMI-POLONIA'].satkerId)).toBe(true);
    const asViewer = ok(
      await c.pengamat.gql(`query ($s: Int!) { surveyRounds(satkerId: $s) { canManage } }`, { s: subs['IMI-POLONIA'].satkerId }),
    ).surveyRounds;
    expect(asViewer.every((r: any) => r.canManage === false)).toBe(true);
  });

  it('the public form: no login, a one-time ticket; a response is stored once, all or nothing', async () => {
    const token = round.serviceTypes[0].token;
    const form = await publicGet(server, token);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      unitName: 'Kantor Imigrasi Kelas I TPI Polonia',
      serviceType: { code: 'L1', name: 'Paspor' },
      state: 'OPEN',
      questionnaireVersion: '2026',
    });
    expect(form.body.respondentGroups.map((g: any) => g.code)).toEqual(['R1', 'R2']);
    const ticket = form.body.ticket;
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // without the CSRF header (a cross-site form post) → refused
    expect((await publicPost(server, token, { ticket, respondentGroup: 'R1', scores: scores(6, 6) }, false)).status).toBe(403);
    // one statement missing / out of the scale → nothing stored
    const missing = scores(6, 6);
    delete (missing as any).SPAK5;
    let r = await publicPost(server, token, { ticket, respondentGroup: 'R1', scores: missing });
    expect([r.status, r.body.code]).toEqual([422, 'BAD_USER_INPUT']);
    expect(r.body.message).toContain('SPAK5: belum dijawab');
    r = await publicPost(server, token, { ticket, respondentGroup: 'R1', scores: scores(7, 6) });
    expect(r.status).toBe(422);
    r = await publicPost(server, token, { ticket, respondentGroup: 'R9', scores: scores(6, 6) });
    expect(r.body.message).toContain('kelompok responden');
    r = await publicPost(server, token, { ticket: 'made-up', respondentGroup: 'R1', scores: scores(6, 6) });
    expect([r.status, r.body.code]).toEqual([422, 'BAD_USER_INPUT']);
    // a ticket of another link does not work here
    const other = await publicGet(server, round.serviceTypes[1].token);
    expect((await publicPost(server, token, { ticket: other.body.ticket, respondentGroup: 'R1', scores: scores(6, 6) })).status).toBe(422);
    expect(ok(await c.kakanwil.gql(`query ($id: Int!) { surveyRound(id: $id) { respondents } }`, { id: round.id })).surveyRound.respondents).toBe(0);

    r = await publicPost(server, token, { ticket, respondentGroup: 'R1', scores: scores(6, 5) });
    expect([r.status, r.body]).toEqual([201, { ok: true }]);
    // the same ticket again → refused, still one response
    r = await publicPost(server, token, { ticket, respondentGroup: 'R1', scores: scores(1, 1) });
    expect([r.status, r.body.code]).toEqual([409, 'CONFLICT']);
    expect(r.body.message).toContain('sudah terkirim');
    // the other link's ticket on its own link
    expect(
      (await publicPost(server, round.serviceTypes[1].token, { ticket: other.body.ticket, respondentGroup: 'R2', scores: scores(4, 6, { SPKP8: 1 }) })).status,
    ).toBe(201);
    expect(ok(await c.kakanwil.gql(`query ($id: Int!) { surveyRound(id: $id) { respondents } }`, { id: round.id })).surveyRound.respondents).toBe(2);
    expect((await publicGet(server, 'no-such-link')).status).toBe(404);
  });

  it('a filled honeypot field is answered like success and stored nowhere', async () => {
    const token = round.serviceTypes[0].token;
    const { body } = await publicGet(server, token);
    const r = await publicPost(server, token, { ticket: body.ticket, respondentGroup: 'R1', scores: scores(1, 1), website: 'http://spam.example' });
    expect(r.status).toBe(201);
    expect(ok(await c.kakanwil.gql(`query ($id: Int!) { surveyRound(id: $id) { respondents } }`, { id: round.id })).surveyRound.respondents).toBe(2);
  });

  it('results per statement, service type and respondent group, with the conversion and the warning', async () => {
    const res = ok(await c['kepala.polonia'].gql(RESULT, { id: round.id })).surveyRoundResult;
    expect(res.conversion).toBe('Indeks = rata-rata ÷ 6 × 4');
    // SPKP: statements 1–7 (6+4)/2 = 5, SPKP8 (6+1)/2 = 3.5 → (35 + 3.5)/8 = 4.8125 → 3.2083 → 3.21
    // SPAK: every statement (5+6)/2 = 5.5 → 3.6667 → 3.67
    const ov = res.overall;
    expect(ov).toMatchObject({ respondents: 2, belowMinimum: true, warning: 'Jumlah responden 2 kurang dari 30 (batas minimal survei per unit)' });
    const ipkp = ov.indices.find((i: any) => i.kind === 'IPKP');
    expect(ipkp.statements.map((s: any) => s.mean)).toEqual([5, 5, 5, 5, 5, 5, 5, 3.5]);
    expect([ipkp.mean, ipkp.index]).toEqual([4.8125, 3.21]);
    expect(ov.indices.find((i: any) => i.kind === 'IPAK').index).toBe(3.67);
    expect(res.byServiceType.map((g: any) => [g.name, g.respondents, g.indices.find((i: any) => i.kind === 'IPKP').index])).toEqual([
      ['Paspor', 1, 4],
      ['Izin tinggal', 1, 2.42],
    ]);
    expect(res.byRespondentGroup.map((g: any) => [g.name, g.respondents])).toEqual([
      ['Pemohon', 1],
      ['Kuasa / biro jasa', 1],
    ]);
    expect(errorCode(await c['koordinator.banggai'].gql(RESULT, { id: round.id }))).toBe('FORBIDDEN');
  });

  it('exports the results as CSV for the unit’s readers only', async () => {
    const res = await c.kakanwil.fetch(`/api/survey/rounds/${round.id}/results.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the accents
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('Cakupan,Nama,Responden,Survei,Kode,Pernyataan,Rata-rata,Indeks (0–4),Catatan');
    expect(lines).toContain(
      'Keseluruhan,Kantor Imigrasi Kelas I TPI Polonia,2,SPKP,IPKP,Indeks unit,4.8125,3.21,Jumlah responden 2 kurang dari 30 (batas minimal survei per unit)',
    );
    expect(lines.at(-1)).toBe('Indeks = rata-rata ÷ 6 × 4');
    expect((await new Client(server.url).fetch(`/api/survey/rounds/${round.id}/results.csv`)).status).toBe(401);
    expect((await c['koordinator.banggai'].fetch(`/api/survey/rounds/${round.id}/results.csv`)).status).toBe(403);
  });

  it('serves a printable QR code (SVG and PNG) of each link, without login', async () => {
    const t = round.serviceTypes[0].token;
    const svg = await fetch(`${server.url}/api/survey/public/${t}/qr.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    const png = await fetch(`${server.url}/api/survey/public/${t}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await fetch(`${server.url}/api/survey/public/nope/qr.svg`)).status).toBe(404);
  });

  it('closing: managers only; records the result as INTERNAL IPAK/IPKP with its respondent count; then no more responses', async () => {
    expect(errorCode(await c.pengamat.gql(CLOSE, { id: round.id }))).toBe('FORBIDDEN');
    expect(errorCode(await c['koordinator.banggai'].gql(CLOSE, { id: round.id }))).toBe('FORBIDDEN');
    const { body } = await publicGet(server, round.serviceTypes[0].token);
    const out = ok(await c['koordinator.polonia'].gql(CLOSE, { id: round.id })).closeSurveyRound;
    expect(out.round).toMatchObject({ state: 'CLOSED', respondents: 2 });
    expect(out.recorded).toEqual([
      { kind: 'IPAK', index: 3.67, respondents: 2, source: 'INTERNAL' },
      { kind: 'IPKP', index: 3.21, respondents: 2, source: 'INTERNAL' },
    ]);
    expect(out.warnings[0]).toContain('kurang dari 30');
    const sub = ok(
      await c.kakanwil.gql(`query ($id: Int!) { submission(id: $id) { surveyResults { kind index respondents source } } }`, { id: subs['IMI-POLONIA'].id }),
    ).submission;
    expect(sub.surveyResults).toEqual(expect.arrayContaining([{ kind: 'IPKP', index: 3.21, respondents: 2, source: 'INTERNAL' }]));
    expect(errorCode(await c.kakanwil.gql(CLOSE, { id: round.id }))).toBe('INVALID_STATE');
    const late = await publicPost(server, round.serviceTypes[0].token, { ticket: body.ticket, respondentGroup: 'R1', scores: scores(6, 6) });
    expect([late.status, late.body.code]).toEqual([410, 'INVALID_STATE']);
    expect((await publicGet(server, round.serviceTypes[0].token)).body).toMatchObject({ state: 'CLOSED', ticket: null });
  });

  it('a round without responses closes without recording anything (INTERNAL with 0 respondents is refused)', async () => {
    const r = ok(await c.kakanwil.gql(OPEN, { i: input('IMI-BELAWAN') })).openSurveyRound;
    const out = ok(await c.kakanwil.gql(CLOSE, { id: r.id })).closeSurveyRound;
    expect(out.recorded).toEqual([]);
    expect(out.warnings).toEqual(['Belum ada tanggapan: hasil survei tidak dicatat']);
  });

  it('before the start date and after the end date the page is closed', async () => {
    const later = ok(await c.kakanwil.gql(OPEN, { i: input('IMI-TARAKAN', { startDate: dayOffset(2), endDate: dayOffset(9) }) })).openSurveyRound;
    expect(later.state).toBe('SCHEDULED');
    const f = await publicGet(server, later.serviceTypes[0].token);
    expect(f.body).toMatchObject({ state: 'SCHEDULED', ticket: null });
    const past = ok(await c.kakanwil.gql(OPEN, { i: input('IMI-PATI', { startDate: dayOffset(-9), endDate: dayOffset(-1) }) })).openSurveyRound;
    expect(past.state).toBe('ENDED');
    const p = await publicPost(server, past.serviceTypes[0].token, { ticket: 'x', respondentGroup: 'R1', scores: scores(6, 6) });
    expect([p.status, p.body.code]).toEqual([410, 'INVALID_STATE']);
  });

  it('records survey results at any stage (Kanwil head / admin), official ones with ≥ 30 respondents', async () => {
    const REC = `mutation ($id: Int!, $i: SurveyResultInput!) { recordSurveyResult(submissionId: $id, input: $i) { result { kind index source } warnings } }`;
    const draft = subs['IMI-POLONIA'].id; // DRAFT
    expect(subs['IMI-POLONIA'].status).toBe('DRAFT');
    expect(
      ok(await c.kakanwil.gql(REC, { id: draft, i: { kind: 'IPKP', index: 3.4, respondents: 45, source: 'INTERNAL' } })).recordSurveyResult.warnings,
    ).toEqual([]);
    expect(ok(await c.admin.gql(REC, { id: draft, i: { kind: 'IPAK', index: 3.7, respondents: 30, source: 'BPS' } })).recordSurveyResult.result).toEqual({
      kind: 'IPAK',
      index: 3.7,
      source: 'BPS',
    });
    expect(errorCode(await c.kakanwil.gql(REC, { id: draft, i: { kind: 'IPAK', index: 3.7, respondents: 29, source: 'TPN' } }))).toBe('BAD_USER_INPUT');
    // a third party the instansi appoints is an official source too: ≥ 30 respondents, stored (the column's check allows it)
    const few = await c.kakanwil.gql(REC, { id: draft, i: { kind: 'IPKP', index: 3.5, respondents: 29, source: 'THIRD_PARTY' } });
    expect(errorCode(few)).toBe('BAD_USER_INPUT');
    expect(few.errors![0].message).toContain('THIRD_PARTY');
    expect(
      ok(await c.kakanwil.gql(REC, { id: draft, i: { kind: 'IPKP', index: 3.5, respondents: 30, source: 'THIRD_PARTY' } })).recordSurveyResult.result,
    ).toEqual({ kind: 'IPKP', index: 3.5, source: 'THIRD_PARTY' });
    const stored = ok(
      await c.kakanwil.gql(`query ($id: Int!) { submission(id: $id) { surveyResults { kind index respondents source } } }`, { id: draft }),
    ).submission;
    expect(stored.surveyResults).toEqual(expect.arrayContaining([{ kind: 'IPKP', index: 3.5, respondents: 30, source: 'THIRD_PARTY' }]));
    expect(errorCode(await c.kakanwil.gql(REC, { id: draft, i: { kind: 'IPAK', index: 3.7, respondents: 0, source: 'INTERNAL' } }))).toBe('BAD_USER_INPUT');
    for (const u of ['koordinator.polonia', 'pengamat', 'evaluator.itjen', 'kepala.polonia']) {
      expect(errorCode(await c[u].gql(REC, { id: draft, i: { kind: 'IPAK', index: 3.7, respondents: 40, source: 'INTERNAL' } })), u).toBe('FORBIDDEN');
    }
  });
});

describe('public form abuse limits', () => {
  let server: TestServer;
  let tokens: string[];

  beforeAll(async () => {
    server = await startServer();
    const k = await loginAs(server, 'kakanwil');
    const subs = await demoSubmissions(k);
    const r = ok(
      await k.gql(OPEN, {
        i: {
          satkerId: subs['PAS-LAPAS-MEDAN'].satkerId,
          periodId: 1,
          startDate: today,
          endDate: dayOffset(5),
          serviceTypes: ['Layanan kunjungan', 'Penitipan barang'],
          respondentGroups: ['Keluarga WBP'],
        },
      }),
    ).openSurveyRound;
    tokens = r.serviceTypes.map((s: any) => s.token);
  });
  afterAll(async () => server?.cleanup());

  it('limits submissions per link per minute (429 with Retry-After); other links are not affected', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof publicPost>> | null = null;
    // 30 attempts per minute window are counted and checked; above that → 429 (a minute boundary may reset once)
    for (let i = 0; i < 62 && !refused; i++) {
      const r = await publicPost(server, tokens[0], { ticket: 'x', respondentGroup: 'R1', scores: {} });
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    expect(statuses[0]).toBe(422);
    expect(refused).not.toBeNull();
    expect(statuses.length).toBeGreaterThan(30);
    expect(refused!.body.code).toBe('RATE_LIMITED');
    expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
    expect((await publicPost(server, tokens[1], { ticket: 'x', respondentGroup: 'R1', scores: {} })).status).toBe(422);
  });

  it('limits form fetches (tickets) per link per minute', async () => {
    let refused = 0;
    for (let i = 0; i < 62; i++) if ((await publicGet(server, tokens[1])).status === 429) refused++;
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses a body over 16 kB', async () => {
    const r = await publicPost(server, tokens[1], { ticket: 'x'.repeat(20_000) });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});
