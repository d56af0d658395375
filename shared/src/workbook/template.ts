/**
 * The PortalRB answer template (2026): every soal at the sheet/row/columns the master list names (`excel_sheet`,
 * `excel_baris`, `excel_kolom_*`, DOMAIN §9). Pure: a cell grid in, a jawaban-unit document out.
 */
import type { Instrument } from '../instrument/types';
import type { JawabanUnitRow } from '../portalrb';
import { WorkbookError, findSheet, type WorkbookDocument, type WorkbookGrid, type WorkbookIssue } from './grid';
import { readAnswerCell, readTextCell } from './cells';

/** The sheets the instrument's template uses (normally just "Jawaban"). */
export function templateSheets(instrument: Instrument): string[] {
  return [...new Set(instrument.items.flatMap((it) => (it.excel ? [it.excel.sheet] : [])))];
}

export function readTemplateWorkbook(instrument: Instrument, wb: WorkbookGrid): WorkbookDocument {
  const issues: WorkbookIssue[] = [];
  const answers: JawabanUnitRow[] = [];
  const names = templateSheets(instrument);
  if (!names.length)
    throw new WorkbookError([{ sheet: '', cell: '', message: `instrumen ${instrument.year} tidak memuat letak sel templat (excel_sheet/excel_baris)` }]);
  for (const name of names) {
    if (!findSheet(wb, name)) {
      issues.push({
        sheet: name,
        cell: '',
        message: `lembar "${name}" tidak ada dalam berkas (lembar yang ada: ${wb.sheets.map((s) => s.name).join(', ') || '–'})`,
      });
    }
  }
  if (issues.length) throw new WorkbookError(issues);

  for (const item of instrument.items) {
    const x = item.excel;
    if (!x) {
      issues.push({ sheet: '', cell: '', message: `soal [${item.soalId}] tidak memiliki letak sel dalam daftar soal` });
      continue;
    }
    const sheet = findSheet(wb, x.sheet)!;
    const row: JawabanUnitRow = { soal_id: item.soalId };
    if (x.jawabanUnit) row.jawaban_unit = readAnswerCell(sheet, `${x.jawabanUnit}${x.row}`, item, issues) ?? null;
    if (x.catatanUnit) row.catatan_unit = readTextCell(sheet, `${x.catatanUnit}${x.row}`, issues) ?? null;
    if (x.jawabanTpi) row.jawaban_tpi = readAnswerCell(sheet, `${x.jawabanTpi}${x.row}`, item, issues) ?? null;
    if (x.catatanTpi) row.catatan_tpi = readTextCell(sheet, `${x.catatanTpi}${x.row}`, issues) ?? null;
    answers.push(row);
  }
  if (issues.length) throw new WorkbookError(issues);
  return { answers };
}
