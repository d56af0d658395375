import { isBlank } from '../answers';
import type { Instrument } from '../instrument/types';
import { CLASSIC_SHEET } from './classic-layout';
import { readClassicWorkbook } from './classic-read';
import { findSheet, WorkbookError, type WorkbookDocument, type WorkbookGrid } from './grid';
import { readTemplateWorkbook, templateSheets } from './template';

export type WorkbookLayout = 'CLASSIC' | 'TEMPLATE';

/** Which of the two layouts (DOMAIN §9) a workbook has, by its sheets; null when neither. */
export function detectLayout(instrument: Instrument, wb: WorkbookGrid): WorkbookLayout | null {
  if (findSheet(wb, CLASSIC_SHEET)) return 'CLASSIC';
  const names = templateSheets(instrument);
  if (names.length && names.every((n) => findSheet(wb, n))) return 'TEMPLATE';
  return null;
}

/**
 * An LKE workbook (either layout) → a jawaban-unit document, or WorkbookError naming every unreadable cell.
 * The document then goes through the same parseJawabanUnit as the JSON path.
 */
export function readLkeWorkbook(instrument: Instrument, wb: WorkbookGrid): { layout: WorkbookLayout; document: WorkbookDocument } {
  const layout = detectLayout(instrument, wb);
  if (layout) {
    const document = layout === 'CLASSIC' ? readClassicWorkbook(instrument, wb) : readTemplateWorkbook(instrument, wb);
    // A blank sheet would clear every answer on import: refuse it rather than guess it was meant.
    const answered = document.answers.some((a) => !isBlank(a.jawaban_unit) || !isBlank(a.jawaban_tpi) || !isBlank(a.jawaban_tpn));
    if (!answered) {
      const sheet = layout === 'CLASSIC' ? CLASSIC_SHEET : templateSheets(instrument)[0];
      throw new WorkbookError([{ sheet, cell: '', message: 'tidak ada satu pun jawaban yang terisi; periksa bahwa ini lembar LKE yang benar' }]);
    }
    return { layout, document };
  }
  const have = wb.sheets.map((s) => `"${s.name}"`).join(', ') || '–';
  throw new WorkbookError([
    {
      sheet: wb.sheets[0]?.name ?? '',
      cell: '',
      message: `bukan LKE: tidak ada lembar "${CLASSIC_SHEET}" (Lampiran III) atau "${templateSheets(instrument).join('", "')}" (templat PortalRB); lembar yang ada: ${have}`,
    },
  ]);
}
