/**
 * LKE workbooks over HTTP: GET /api/submissions/:id/lke.xlsx (classic layout, formulas + our scores) and
 * POST /api/submissions/:id/lke-workbook (read a workbook for importAnswers), with scope checks and cell-level refusals.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument, readLkeWorkbook, type JawabanUnit } from '@pantau/shared';
import { readXlsxGrid } from '@pantau/shared/xlsx';
import { templateXlsx } from '../workbooks';
import { Client, demoSubmissions, loginAs, ok, startServer, type TestServer } from './helpers';

const IMPORT = `mutation ($id: Int!, $level: AnswerLevel!, $json: JSONObject!) {
  importAnswers(submissionId: $id, level: $level, json: $json) { rows valuesChanged notesChanged unchangedCount changed { soalId before after } } }`;
const ANSWERS = `query ($id: Int!) { submission(id: $id) { answers { level soalId value note } scores { self { total pengungkit hasil areas { score } } tpi { total } } } }`;
const inst = bundledInstrument();
const fixture = JSON.parse(readFileSync(new URL('../fixtures/answers-example.json', import.meta.url), 'utf8')) as JawabanUnit;

const post = (c: Client, id: number | string, body: Buffer, csrf = true) =>
  c.fetch(`/api/submissions/${id}/lke-workbook`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...(csrf ? { 'x-pantau-csrf': '1' } : {}) },
    body: new Uint8Array(body),
  });

describe('LKE workbook API', () => {
  let server: TestServer;
  let coord: Client;
  let polonia: number;
  let banggai: number;
  const state = async (c: Client, id: number) => ok(await c.gql(ANSWERS, { id })).submission;

  beforeAll(async () => {
    server = await startServer();
    coord = await loginAs(server, 'koordinator.polonia');
    const subs = await demoSubmissions(await loginAs(server, 'admin'));
    polonia = subs['IMI-POLONIA'].id;
    banggai = subs['IMI-BANGGAI'].id;
  });
  afterAll(async () => server?.cleanup());

  it('exports the classic workbook: every level answer, formulas with the server’s scores as results', async () => {
    const res = await coord.fetch(`/api/submissions/${polonia}/lke.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment;.*LKE/);
    const grid = await readXlsxGrid(Buffer.from(await res.arrayBuffer()));
    const s = await state(coord, polonia);
    const { document } = readLkeWorkbook(inst, grid);
    const self = new Map(s.answers.filter((a: any) => a.level === 'SELF').map((a: any) => [a.soalId, a]));
    for (const row of document.answers) {
      expect(row.jawaban_unit ?? null, `soal ${row.soal_id}`).toEqual((self.get(row.soal_id) as any)?.value ?? null);
      expect(row.catatan_unit ?? null).toEqual((self.get(row.soal_id) as any)?.note ?? null);
    }
    const lke = grid.sheets.find((x) => x.name === 'LKE ZI')!;
    const totalRow = Object.entries(lke.cells)
      .find(([a, c]) => a.startsWith('G') && String(c.value).startsWith('NILAI EVALUASI'))![0]
      .slice(1);
    expect(lke.cells[`L${totalRow}`]).toMatchObject({ formula: true });
    expect(lke.cells[`L${totalRow}`].value).toBeCloseTo(s.scores.self.total, 9);
    const utama = grid.sheets.find((x) => x.name === 'Utama')!;
    expect(Object.values(utama.cells).map((c) => c.value)).toContain('Kantor Imigrasi Kelas I TPI Polonia');
  });

  it('re-importing the export gives exactly the same answers (no change reported)', async () => {
    const xlsx = Buffer.from(await (await coord.fetch(`/api/submissions/${polonia}/lke.xlsx`)).arrayBuffer());
    const res = await post(coord, polonia, xlsx);
    expect(res.status).toBe(200);
    const parsed = await res.json();
    expect(parsed).toMatchObject({ layout: 'CLASSIC', rows: 127 });
    const r = ok(await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: parsed.document })).importAnswers;
    expect(r).toMatchObject({ valuesChanged: 0, notesChanged: 0, rows: 127 });
  });

  it('imports the PortalRB template through importAnswers, all or nothing', async () => {
    const parsed = await (await post(coord, polonia, await templateXlsx(fixture))).json();
    expect(parsed.layout).toBe('TEMPLATE');
    const r = ok(await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: parsed.document })).importAnswers;
    expect(r.valuesChanged).toBeGreaterThan(0);
    const after = await state(coord, polonia);
    const v = new Map(after.answers.filter((a: any) => a.level === 'SELF').map((a: any) => [a.soalId, a.value]));
    for (const a of fixture.answers) expect(v.get(a.soal_id) ?? null).toEqual(a.jawaban_unit === '' ? null : (a.jawaban_unit ?? null));
  });

  it('refuses a malformed workbook with sheet/cell issues (422) and writes nothing', async () => {
    const before = await state(coord, polonia);
    const row = (id: number) => inst.itemById[id].excel!.row;
    const bad = await templateXlsx(fixture, (ws) => {
      ws.getCell(`K${row(102)}`).value = 'sepuluh';
      ws.getCell(`K${row(2)}`).value = 'D';
      ws.mergeCells(`K${row(9)}:K${row(10)}`);
    });
    const res = await post(coord, polonia, bad);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ error: 'BAD_USER_INPUT', code: 'BAD_USER_INPUT' });
    expect(body.issues.map((i: any) => `${i.sheet}!${i.cell}`)).toEqual([
      `Jawaban!K${row(2)}`,
      `Jawaban!K${row(9)}`,
      `Jawaban!K${row(10)}`,
      `Jawaban!K${row(102)}`,
    ]);
    const wrongSheet = await (await post(coord, polonia, await templateXlsx(fixture, undefined, 'Lembar1'))).json();
    expect(wrongSheet.issues[0].message).toMatch(/lembar yang ada: "Lembar1"/);
    const tooBig = await post(coord, polonia, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const notXlsx = await post(coord, polonia, Buffer.from('bukan excel'));
    expect(notXlsx.status).toBe(422);
    expect(await state(coord, polonia)).toEqual(before);
  });

  it('applies the submission read scope and the CSRF rule to both routes', async () => {
    const anon = new Client(server.url);
    expect((await anon.fetch(`/api/submissions/${polonia}/lke.xlsx`)).status).toBe(401);
    expect((await post(anon, polonia, Buffer.from('x'))).status).toBe(401);
    const other = await loginAs(server, 'koordinator.banggai');
    const denied = await other.fetch(`/api/submissions/${polonia}/lke.xlsx`);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: 'FORBIDDEN', code: 'FORBIDDEN' });
    expect((await post(other, polonia, await templateXlsx(fixture))).status).toBe(403);
    expect((await other.fetch(`/api/submissions/${banggai}/lke.xlsx`)).status).toBe(200);
    const viewer = await loginAs(server, 'kepala.polonia');
    expect((await viewer.fetch(`/api/submissions/${polonia}/lke.xlsx`)).status).toBe(200);
    const kakanwil = await loginAs(server, 'kakanwil');
    expect((await kakanwil.fetch(`/api/submissions/${banggai}/lke.xlsx`)).status).toBe(200);
    expect((await coord.fetch(`/api/submissions/999999/lke.xlsx`)).status).toBe(404);
    expect((await coord.fetch(`/api/submissions/abc/lke.xlsx`)).status).toBe(404);
    expect((await post(coord, polonia, await templateXlsx(fixture), false)).status).toBe(403);
  });
});
