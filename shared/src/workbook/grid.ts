import { listIssues } from '../errors';
import type { JawabanUnitRow } from '../portalrb';

/**
 * A workbook as plain data (no I/O): what the Excel readers at the edges (exceljs in the score command and the
 * server) hand to the pure LKE mapping, and what the classic-layout planner hands back to the writer.
 */

/** A cell's value as the mapping sees it: text, number, boolean, or blank. Formula cells carry their result. */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  /** The cell holds a formula (value = its cached result). */
  formula?: boolean;
}

export interface SheetGrid {
  name: string;
  /** Cells by A1 address ("K6"). Missing = blank. */
  cells: Record<string, GridCell>;
  /** Merged ranges ("K6:L7"). */
  merges: string[];
  /** Last row holding anything (1-based), 0 for an empty sheet. */
  rowCount: number;
}

/** What a workbook yields: a jawaban-unit document (DOMAIN §6), identity fields only when the workbook names them. */
export interface WorkbookDocument {
  unit_id?: string | number;
  nama_unit?: string;
  tahun?: number;
  answers: JawabanUnitRow[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** One cell the mapping could not read: sheet, cell (A1, "" for the whole sheet) and the reason, in Indonesian. */
export interface WorkbookIssue {
  sheet: string;
  cell: string;
  message: string;
}

/** A workbook refused as a whole; every unreadable cell is listed. Nothing may be written then. */
export class WorkbookError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: WorkbookIssue[]) {
    super(`Berkas Excel tidak dapat dibaca (${issues.length} masalah): ` + listIssues(issues, describeIssue));
    this.name = 'WorkbookError';
  }
}

export function describeIssue(i: WorkbookIssue): string {
  return `${i.cell ? `${i.sheet}!${i.cell}` : `lembar "${i.sheet}"`}: ${i.message}`;
}

/** Column letters ↔ 1-based numbers. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseAddress(a: string): { col: number; row: number } | null {
  const m = /^([A-Z]+)(\d+)$/i.exec(a.replace(/\$/g, ''));
  return m ? { col: columnNumber(m[1]), row: Number(m[2]) } : null;
}

/** The merged range (if any) a cell belongs to. */
export function mergeOf(sheet: SheetGrid, address: string): string | null {
  const p = parseAddress(address);
  if (!p) return null;
  for (const range of sheet.merges) {
    const [a, b = a] = range.split(':');
    const s = parseAddress(a);
    const e = parseAddress(b);
    if (!s || !e) continue;
    if (p.col >= Math.min(s.col, e.col) && p.col <= Math.max(s.col, e.col) && p.row >= Math.min(s.row, e.row) && p.row <= Math.max(s.row, e.row)) {
      return range;
    }
  }
  return null;
}

export function cellValue(sheet: SheetGrid, address: string): CellValue {
  return sheet.cells[address]?.value ?? null;
}

/** Text of a cell, trimmed ("" when blank). */
export function cellText(sheet: SheetGrid, address: string): string {
  const v = cellValue(sheet, address);
  return v === null ? '' : String(v).trim();
}

export function findSheet(wb: WorkbookGrid, name: string): SheetGrid | undefined {
  const want = name.trim().toLowerCase();
  return wb.sheets.find((s) => s.name.trim().toLowerCase() === want);
}
