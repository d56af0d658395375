import { checkAnswer, type AnswerValue } from '../answers';
import type { Item } from '../instrument/types';
import { cellValue, mergeOf, type SheetGrid, type WorkbookIssue } from './grid';

/** "12", "3,45" or "3.45" typed as text in a number cell: read as the number (Excel users often do this). */
const NUMERIC_TEXT = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Read one answer cell of an item; pushes a cell-level issue and returns undefined when it cannot be read
 * (merged cell, text in a count cell, a letter outside the item's scale …).
 */
export function readAnswerCell(sheet: SheetGrid, address: string, item: Item, issues: WorkbookIssue[]): AnswerValue | undefined {
  if (!checkNotMerged(sheet, address, issues)) return undefined;
  let v: unknown = cellValue(sheet, address);
  if (typeof v === 'boolean') v = String(v);
  if ((item.type === 'COUNT' || item.type === 'INDEX') && typeof v === 'string' && NUMERIC_TEXT.test(v.trim())) {
    v = Number(v.trim().replace(',', '.'));
  }
  if (item.type === 'COUNT' && typeof v === 'string' && v.trim()) {
    issues.push({
      sheet: sheet.name,
      cell: address,
      message: `soal [${item.soalId}] ${item.code}: "${v.trim()}" bukan angka; isi jumlah dengan bilangan bulat`,
    });
    return undefined;
  }
  const r = checkAnswer(item, v);
  if (!r.ok) {
    issues.push({ sheet: sheet.name, cell: address, message: `soal [${item.soalId}] ${item.code}: ${r.message}` });
    return undefined;
  }
  return r.value;
}

const NOTE_MAX = 4000;

/** A note / text cell: trimmed text or null. */
export function readTextCell(sheet: SheetGrid, address: string, issues: WorkbookIssue[]): string | null | undefined {
  if (!checkNotMerged(sheet, address, issues)) return undefined;
  const v = cellValue(sheet, address);
  if (v === null) return null;
  const s = String(v).trim();
  if (s.length > NOTE_MAX) {
    issues.push({ sheet: sheet.name, cell: address, message: `catatan terlalu panjang (${s.length} karakter, maksimal ${NOTE_MAX})` });
    return undefined;
  }
  return s || null;
}

/** Answer and note cells must stand alone: a merged cell hides which item it belongs to. */
export function checkNotMerged(sheet: SheetGrid, address: string, issues: WorkbookIssue[]): boolean {
  const m = mergeOf(sheet, address);
  if (!m) return true;
  issues.push({ sheet: sheet.name, cell: address, message: `sel digabung (${m}); pisahkan sel jawaban dan catatan per soal` });
  return false;
}
