/**
 * Exports of SPA tables (Kanwil comparison, nominations, audit log, survey results …) as .xlsx or .csv with the
 * columns the user sees: the SPA sends the shown columns and cell values, exceljs writes the file. Values that a
 * spreadsheet would run as formulas (=, +, -, @ first) are written as text so an exported name cannot execute.
 */
import type ExcelJSModule from 'exceljs';
import { requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { badInput } from '../../common/errors';

export type TableFormat = 'xlsx' | 'csv';
export type TableCell = string | number | boolean | null;
export interface TableExport {
  title: string;
  fileName: string;
  columns: string[];
  rows: TableCell[][];
}

export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 60;
const isCell = (v: unknown): v is TableCell => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Check the request body; BAD_USER_INPUT naming the first bad part. */
export function parseTableExport(body: unknown): TableExport {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown, what: string, max: number) => {
    if (typeof v !== 'string' || !v.trim() || v.length > max) throw badInput(`${what} wajib diisi (maksimal ${max} karakter)`);
    return v.trim();
  };
  const title = str(b.title, 'Judul tabel', 120);
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in a file name
  const fileName = str(b.fileName, 'Nama berkas', 120).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  if (!Array.isArray(b.columns) || !b.columns.length || b.columns.length > MAX_COLUMNS || !b.columns.every((c) => typeof c === 'string' && c.length <= 200)) {
    throw badInput(`Kolom tabel harus berupa daftar teks (1–${MAX_COLUMNS} kolom)`);
  }
  if (!Array.isArray(b.rows) || b.rows.length > MAX_ROWS) throw badInput(`Baris tabel harus berupa daftar (maksimal ${MAX_ROWS} baris)`);
  const width = b.columns.length;
  b.rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== width || !r.every(isCell)) throw badInput(`Baris ${i + 1} harus berisi ${width} nilai teks, angka atau kosong`);
  });
  return { title, fileName, columns: b.columns as string[], rows: b.rows as TableCell[][] };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (v: TableCell): TableCell => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v);

/** The file of a table export request body (signed-in users only). */
export async function renderTable(ctx: Ctx, body: unknown, format: TableFormat): Promise<{ data: Buffer; contentType: string; fileName: string }> {
  requireUser(ctx);
  const t = parseTableExport(body);
  // loaded on the first export, not at server start (exceljs is the largest module the server requires)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pantau ZI';
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow(t.columns);
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(format === 'csv' ? r.map(safe) : r);
  ws.columns.forEach(
    (c, i) => (c.width = Math.min(60, Math.max(10, ...[t.columns[i], ...t.rows.slice(0, 200).map((r) => r[i])].map((v) => String(v ?? '').length + 2)))),
  );
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (format === 'xlsx') {
    return {
      data: Buffer.from(await wb.xlsx.writeBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${t.fileName}.xlsx`,
    };
  }
  // BOM: Excel opens UTF-8 CSV (Indonesian names, "–") correctly only with it
  const csv = Buffer.from(await wb.csv.writeBuffer({ formatterOptions: { writeBOM: true } }));
  return { data: csv, contentType: 'text/csv; charset=utf-8', fileName: `${t.fileName}.csv` };
}
