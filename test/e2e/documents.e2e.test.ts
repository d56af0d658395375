/**
 * Documents in Chromium: the coordinator downloads the LKE workbook from the unit page and imports it back through
 * the dialog (no change); the Kanwil head downloads the recap PDF and the Kanwil comparison as CSV.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
let tmp: string;
beforeAll(async () => {
  server = await startE2eServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-docs-'));
});
afterAll(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('documents in Chromium', () => {
  it('coordinator: download the LKE workbook, import it back unchanged', async () => {
    const api = await apiAs(server.url, 'koordinator.polonia');
    const subs = (await api(`{ submissions(periodId: 1) { id satker { code } } }`)).data.submissions as { id: number; satker: { code: string } }[];
    const id = subs.find((s) => s.satker.code === 'IMI-POLONIA')!.id;
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/${id}`);
      await b.page.waitForSelector('[data-test=unit-page]');
      const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click('[aria-label="Unduh LKE (Excel)"]')]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/^LKE ZI 2026 - IMI-POLONIA .*\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Utama', 'Ctt Eval', 'LKE ZI']);

      await b.page.click('[data-test=import-open]');
      await b.page.setInputFiles('[data-test=import-input]', file);
      await b.page.waitForSelector('[data-test=import-layout]');
      expect(await b.page.textContent('[data-test=import-layout]')).toContain('Lampiran III');
      await b.page.click('[data-test=import-run]');
      await b.page.waitForSelector('[data-test=import-report]');
      expect(await b.page.textContent('[data-test=import-report]')).toContain('0 nilai dan 0 catatan berubah');
      await shot(b.page, 'documents-import-xlsx');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('Kanwil head: recap PDF from the nominations page, comparison table as CSV', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.goto(`${server.url}/nominations`);
      await b.page.waitForSelector('[data-test=nominations]');
      const [pdf] = await Promise.all([b.page.waitForEvent('download'), b.page.click('[aria-label="Rekap usulan (PDF)"]')]);
      const pdfFile = path.join(tmp, 'rekap.pdf');
      await pdf.saveAs(pdfFile);
      expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');

      await b.page.goto(`${server.url}/dashboard`);
      await b.page.waitForSelector('[data-test=table-export]');
      const [csv] = await Promise.all([b.page.waitForEvent('download'), b.page.click('[data-test=table-export] [data-test=export-csv]')]);
      const csvFile = path.join(tmp, csv.suggestedFilename());
      await csv.saveAs(csvFile);
      expect(csv.suggestedFilename()).toBe('perbandingan-unit.csv');
      const text = fs.readFileSync(csvFile, 'utf8');
      expect(text).toContain('Kantor Imigrasi Kelas I TPI Polonia');
      expect(text.split(/\r?\n/)[0]).toMatch(/^\uFEFFSatker,Kode,Jenis,Target,Status/);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
