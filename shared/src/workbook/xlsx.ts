/**
 * The edge between .xlsx files and the pure workbook mapping (Node only: imported as `@pantau/shared/xlsx` by the
 * score command and the server, never by the SPA). exceljs reads and writes the files; no hand-written format.
 */
import type ExcelJS from 'exceljs';

/** exceljs, loaded on first use: it is the largest module of the server, not needed to start it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
import { WorkbookError, type CellValue, type GridCell, type SheetGrid, type WorkbookGrid } from './grid';
import type { PlannedCell, PlannedSheet, PlannedStyle, PlannedWorkbook } from './classic-plan';

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plain(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/** Read an .xlsx file into a cell grid (formula cells carry their cached results). */
export async function readXlsxGrid(data: Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookGrid> {
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError([
      { sheet: '', cell: '', message: 'berkas bukan workbook Excel .xlsx yang dapat dibaca (berkas .xls lama: simpan ulang sebagai .xlsx)' },
    ]);
  }
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, GridCell> = {};
    let rowCount = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = plain(cell.value);
        const raw = cell.value as unknown;
        const formula = typeof raw === 'object' && raw !== null && ('formula' in raw || 'sharedFormula' in raw);
        if (value === null && !formula) return;
        cells[cell.address] = formula ? { value, formula: true } : { value };
        rowCount = Math.max(rowCount, r);
      });
    });
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    sheets.push({ name: ws.name, cells, merges, rowCount });
  });
  return { sheets };
}

const FILL: Partial<Record<PlannedStyle, string>> = { header: 'FFD9E1F2', komponen: 'FFB4C6E7', node: 'FFEDEDED', computed: 'FFFFF2CC', total: 'FFE2EFDA' };

function applyCell(cell: ExcelJS.Cell, p: PlannedCell): void {
  if (p.formula !== undefined) cell.value = { formula: p.formula, result: p.result ?? '' } as ExcelJS.CellFormulaValue;
  else if (p.link) cell.value = { text: String(p.value ?? p.link), hyperlink: p.link };
  else cell.value = p.value ?? null;
  if (p.format === 'number') cell.numFmt = '0.00##';
  else if (p.format === 'percent') cell.numFmt = '0.00%';
}

function writeSheet(wb: ExcelJS.Workbook, s: PlannedSheet): void {
  const ws = wb.addWorksheet(s.name);
  for (const [col, w] of Object.entries(s.widths)) ws.getColumn(col).width = w;
  for (const [addr, p] of Object.entries(s.cells)) {
    const cell = ws.getCell(addr);
    applyCell(cell, p);
    cell.alignment = { vertical: 'top', wrapText: typeof p.value === 'string' && p.value.length > 12 };
  }
  for (const [r, style] of Object.entries(s.rowStyles)) {
    const row = ws.getRow(Number(r));
    if (style !== 'item') row.font = { bold: style !== 'computed', italic: style === 'computed', size: style === 'title' ? 13 : 11 };
    const fill = FILL[style];
    if (fill) row.eachCell({ includeEmpty: false }, (c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }));
  }
  if (s.freeze) {
    const m = /^([A-Z]+)(\d+)$/.exec(s.freeze)!;
    ws.views = [{ state: 'frozen', xSplit: ws.getColumn(m[1]).number - 1, ySplit: Number(m[2]) - 1 }];
  }
}

/** Render a planned workbook; Excel and LibreOffice recompute every formula on opening. */
export async function writePlannedWorkbook(plan: PlannedWorkbook, meta: { creator?: string } = {}): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = meta.creator ?? 'Pantau ZI';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of plan.sheets) writeSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
