/**
 * Reading the classic `LKE ZI` sheet: rows are matched to items by instrument order and the answer type in column J
 * (never by fixed row numbers). Rows with an empty J are tree rows (komponen … sub-area), J = "%" rows are computed,
 * and the LHKPN block's extra total row is checked against its parts.
 */
import type { Instrument, Item } from '../instrument/types';
import type { JawabanUnitRow } from '../portalrb';
import {
  cellText,
  cellValue,
  columnLetters,
  findSheet,
  WorkbookError,
  type SheetGrid,
  type WorkbookDocument,
  type WorkbookGrid,
  type WorkbookIssue,
} from './grid';
import { readAnswerCell, readTextCell } from './cells';
import {
  CLASSIC_COLUMNS,
  CLASSIC_FIRST_ROW,
  CLASSIC_HEADER_ROW,
  CLASSIC_IDENTITY_SHEET,
  CLASSIC_LEVEL_COLUMNS,
  CLASSIC_SHEET,
  CLASSIC_TYPE_LABEL,
  answerHeader,
  classicRowType,
  noteHeader,
  totalRowFormulas,
  type ClassicLevel,
} from './classic-layout';

interface Row {
  row: number;
  type: Item['type'] | 'PERCENT' | null;
  j: string;
}

/** Columns of a level found by their row-2 headers (SELF falls back to the Lampiran III's K and O). */
function levelColumns(sheet: SheetGrid, level: ClassicLevel): { answer: string; note: string | null } | null {
  const headers = new Map<string, string>();
  for (let c = 1; c <= 40; c++) {
    const col = columnLetters(c);
    const t = cellText(sheet, `${col}${CLASSIC_HEADER_ROW}`).toLowerCase();
    if (t && !headers.has(t)) headers.set(t, col);
  }
  const answer = headers.get(answerHeader(level).toLowerCase());
  const note = headers.get(noteHeader(level).toLowerCase()) ?? null;
  if (level === 'SELF') return { answer: answer ?? CLASSIC_LEVEL_COLUMNS.SELF.answer, note: note ?? CLASSIC_LEVEL_COLUMNS.SELF.note };
  return answer ? { answer, note } : null;
}

function readIdentity(wb: WorkbookGrid): Pick<WorkbookDocument, 'nama_unit' | 'tahun'> {
  const s = findSheet(wb, CLASSIC_IDENTITY_SHEET);
  const out: Pick<WorkbookDocument, 'nama_unit' | 'tahun'> = {};
  if (!s) return out;
  for (let r = 1; r <= Math.min(s.rowCount, 40); r++) {
    const label = cellText(s, `A${r}`).toLowerCase();
    const v = cellValue(s, `B${r}`);
    if (!out.nama_unit && /^nama unit/.test(label) && typeof v === 'string' && v.trim()) out.nama_unit = v.trim();
    if (out.tahun === undefined && /^tahun/.test(label)) {
      const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
      if (Number.isInteger(n) && n > 1900) out.tahun = n;
    }
  }
  return out;
}

export function readClassicWorkbook(instrument: Instrument, wb: WorkbookGrid): WorkbookDocument {
  const sheet = findSheet(wb, CLASSIC_SHEET);
  if (!sheet) throw new WorkbookError([{ sheet: CLASSIC_SHEET, cell: '', message: `lembar "${CLASSIC_SHEET}" tidak ada dalam berkas` }]);
  const issues: WorkbookIssue[] = [];
  const J = CLASSIC_COLUMNS.type;

  const rows: Row[] = [];
  for (let r = CLASSIC_FIRST_ROW; r <= sheet.rowCount; r++) {
    const j = cellText(sheet, `${J}${r}`);
    if (!j) continue; // tree rows, blank rows, totals
    const type = classicRowType(j);
    if (!type)
      issues.push({
        sheet: sheet.name,
        cell: `${J}${r}`,
        message: `jenis jawaban "${j}" tidak dikenal (Ya/Tidak, A/B/C, A/B/C/D, A/B/C/D/E, Jumlah, %, Nilai (0-4))`,
      });
    rows.push({ row: r, type, j });
  }
  if (issues.length) throw new WorkbookError(issues);

  // Match: every item in order takes the next non-"%" row, which must carry its answer type.
  const rowOf = new Map<number, number>();
  const totals: { formula: (typeof totalRow)[number]; row: number }[] = [];
  const totalRow = totalRowFormulas(instrument);
  const lastDenominator = new Map(totalRow.map((f) => [f.kind === 'ratio' ? f.denominator[f.denominator.length - 1] : -1, f]));
  let p = 0;
  const next = () => {
    while (p < rows.length && rows[p].type === 'PERCENT') p++;
    return p < rows.length ? rows[p++] : undefined;
  };
  for (const item of instrument.items) {
    const r = next();
    if (!r) {
      issues.push({
        sheet: sheet.name,
        cell: '',
        message: `baris soal [${item.soalId}] ${item.code} dan seterusnya tidak ditemukan (lembar berisi ${rowOf.size} baris jawaban, instrumen ${instrument.items.length} soal)`,
      });
      break;
    }
    if (r.type !== item.type) {
      issues.push({
        sheet: sheet.name,
        cell: `${J}${r.row}`,
        message: `jenis jawaban "${r.j}" tidak sesuai soal [${item.soalId}] ${item.code} (${CLASSIC_TYPE_LABEL[item.type]}); urutan baris tidak mengikuti instrumen ${instrument.year}`,
      });
      break;
    }
    rowOf.set(item.soalId, r.row);
    const f = lastDenominator.get(item.soalId);
    if (f && f.kind === 'ratio') {
      // One more count row than the items left in the block = the total that must report.
      let k = 0;
      while (p + k < rows.length && rows[p + k].type === 'COUNT' && rows[p + k].row === r.row + k + 1) k++;
      const left = f.numerator.length;
      if (k === left + 1) totals.push({ formula: f, row: rows[p++].row });
    }
  }
  if (!issues.length && p < rows.length && rows.slice(p).some((r) => r.type !== 'PERCENT')) {
    const extra = rows.slice(p).find((r) => r.type !== 'PERCENT')!;
    issues.push({ sheet: sheet.name, cell: `${J}${extra.row}`, message: `baris jawaban berlebih setelah soal terakhir instrumen ${instrument.year}` });
  }
  if (issues.length) throw new WorkbookError(issues);

  const levels: { level: ClassicLevel; key: 'jawaban_unit' | 'jawaban_tpi' | 'jawaban_tpn'; noteKey: 'catatan_unit' | 'catatan_tpi' | null }[] = [
    { level: 'SELF', key: 'jawaban_unit', noteKey: 'catatan_unit' },
    { level: 'TPI', key: 'jawaban_tpi', noteKey: 'catatan_tpi' },
    { level: 'TPN', key: 'jawaban_tpn', noteKey: null },
  ];
  const answers: JawabanUnitRow[] = instrument.items.map((it) => ({ soal_id: it.soalId }));
  const byId = new Map(answers.map((a) => [a.soal_id, a]));
  for (const { level, key, noteKey } of levels) {
    const cols = levelColumns(sheet, level);
    if (!cols) continue;
    for (const item of instrument.items) {
      const row = rowOf.get(item.soalId)!;
      const a = byId.get(item.soalId)!;
      a[key] = readAnswerCell(sheet, `${cols.answer}${row}`, item, issues) ?? null;
      if (noteKey && cols.note) a[noteKey] = readTextCell(sheet, `${cols.note}${row}`, issues) ?? null;
    }
    for (const t of totals)
      checkTotal(sheet, instrument, `${cols.answer}${t.row}`, t.formula.kind === 'ratio' ? t.formula.denominator : [], (id) => byId.get(id)![key], issues);
  }
  if (issues.length) throw new WorkbookError(issues);
  return { ...readIdentity(wb), answers };
}

/** The extra total row must agree with its parts (or be blank); a total without its parts cannot be split. */
function checkTotal(sheet: SheetGrid, instrument: Instrument, cell: string, parts: number[], value: (id: number) => unknown, issues: WorkbookIssue[]): void {
  const raw = cellValue(sheet, cell);
  if (raw === null || (typeof raw === 'string' && !raw.trim())) return;
  const total = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  if (!Number.isFinite(total)) {
    issues.push({ sheet: sheet.name, cell, message: `jumlah seluruh wajib lapor "${String(raw)}" bukan angka` });
    return;
  }
  const vals = parts.map(value);
  const labels = parts.map((id) => `[${id}]`).join(' + ');
  if (vals.some((v) => typeof v !== 'number')) {
    issues.push({
      sheet: sheet.name,
      cell,
      message: `jumlah seluruh wajib lapor ${total} diisi tanpa rinciannya ${labels}; isi rinciannya (instrumen ${instrument.year} menilai per rincian)`,
    });
    return;
  }
  const sum = (vals as number[]).reduce((a, b) => a + b, 0);
  if (sum !== total) issues.push({ sheet: sheet.name, cell, message: `jumlah seluruh wajib lapor ${total} tidak sama dengan rinciannya ${labels} = ${sum}` });
}
