/** Test workbooks built from a jawaban-unit document with exceljs: the PortalRB template and the classic sheet. */
import ExcelJS from 'exceljs';
import { bundledInstrument, parseJawabanUnit, planClassicWorkbook, scoreAnswers, type Answers, type JawabanUnit } from '@pantau/shared';
import { writePlannedWorkbook } from '@pantau/shared/xlsx';

/** The PortalRB answer template (sheet "Jawaban", excel_* cells); `edit` may spoil cells or merge ranges. */
export async function templateXlsx(doc: JawabanUnit, edit?: (ws: ExcelJS.Worksheet) => void, sheetName?: string): Promise<Buffer> {
  const inst = bundledInstrument();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName ?? 'Jawaban');
  ws.getCell('A1').value = 'Templat jawaban LKE ZI';
  for (const a of doc.answers) {
    const x = inst.itemById[a.soal_id].excel!;
    const set = (col: string | null, v: unknown) => {
      if (col && v !== null && v !== undefined) ws.getCell(`${col}${x.row}`).value = v as string | number;
    };
    set(x.jawabanUnit, a.jawaban_unit);
    set(x.catatanUnit, a.catatan_unit);
    set(x.jawabanTpi, a.jawaban_tpi);
    set(x.catatanTpi, a.catatan_tpi);
  }
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The classic Lampiran III workbook of a document's unit and TPI answers (no Kanwil/TPN answers). */
export async function classicXlsx(doc: JawabanUnit): Promise<Buffer> {
  const inst = bundledInstrument();
  const p = parseJawabanUnit(inst, doc);
  const notes = (key: 'catatan_unit' | 'catatan_tpi') => Object.fromEntries(doc.answers.map((a) => [a.soal_id, a[key] ?? null]));
  const level = (answers: Answers, n: Record<number, string | null>) => ({ answers, notes: n, score: scoreAnswers(inst, answers) });
  const plan = planClassicWorkbook({
    instrument: inst,
    identity: { unitName: doc.nama_unit, unitCode: String(doc.unit_id), kanwilName: '–', year: doc.tahun, status: 'DRAFT', exportedAt: '–' },
    levels: { SELF: level(p.columns.SELF, notes('catatan_unit')), KANWIL: level({}, {}), TPI: level(p.columns.TPI, notes('catatan_tpi')), TPN: level({}, {}) },
    evidence: {},
  });
  return writePlannedWorkbook(plan);
}
