/** Table exports over HTTP: POST /api/exports/table.{xlsx,csv} renders the columns and rows the SPA shows. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, startServer, type TestServer } from './helpers';

const TABLE = {
  title: 'Perbandingan unit',
  fileName: 'perbandingan-unit',
  columns: ['Unit kerja', 'Nilai TPI', 'Catatan'],
  rows: [
    ['Kantor Imigrasi Kelas I TPI Polonia', 76.81, 'Kelayakan: ≥ 75 – terpenuhi'],
    ['=HYPERLINK("http://x")', null, '+1'],
  ],
};

describe('table exports', () => {
  let server: TestServer;
  let viewer: Client;
  const post = (c: Client, format: string, body: unknown, csrf = true) =>
    c.fetch(`/api/exports/table.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-pantau-csrf': '1' } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServer();
    viewer = await loginAs(server, 'pengamat');
  });
  afterAll(async () => server?.cleanup());

  it('writes the shown columns and values to xlsx (numbers stay numbers)', async () => {
    const res = await post(viewer, 'xlsx', TABLE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('perbandingan-unit.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Perbandingan unit');
    expect(ws.getRow(1).values).toEqual([undefined, 'Unit kerja', 'Nilai TPI', 'Catatan']);
    expect(ws.getCell('B2').value).toBe(76.81);
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("http://x")'); // text, not a formula
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes UTF-8 CSV with a BOM, and cells that would run as formulas as text', async () => {
    const res = await post(viewer, 'csv', TABLE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split(/\r?\n/);
    expect(lines[0]).toBe('Unit kerja,Nilai TPI,Catatan');
    expect(lines[1]).toBe('Kantor Imigrasi Kelas I TPI Polonia,76.81,Kelayakan: ≥ 75 – terpenuhi');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"")",,'+1`);
  });

  it('refuses anonymous users, a missing CSRF header, bad bodies and unknown formats', async () => {
    expect((await post(new Client(server.url), 'xlsx', TABLE)).status).toBe(401);
    expect((await post(viewer, 'xlsx', TABLE, false)).status).toBe(403);
    const bad = await post(viewer, 'csv', { ...TABLE, rows: [['a', 1]] });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: 'BAD_USER_INPUT',
      code: 'BAD_USER_INPUT',
      message: 'Baris 1 harus berisi 3 nilai teks, angka atau kosong',
    });
    expect((await post(viewer, 'csv', { ...TABLE, columns: [] })).status).toBe(422);
    expect((await post(viewer, 'pdf', TABLE)).status).toBe(404);
  });
});
