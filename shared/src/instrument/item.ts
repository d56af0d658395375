// One soal of the master list: its answer type, its option scale and its template cells.
import { isNonNegNumber, isObject, type AddIssue } from './issues';
import type { AnswerType, InstrumentNode, Item, ItemExcelCells, ItemOption } from './types';

/** Option keys each letter type must offer (the regulation's scales). */
const OPTION_KEYS: Record<string, string[]> = {
  YA_TIDAK: ['Ya', 'Tidak'],
  ABC: ['A', 'B', 'C'],
  ABCD: ['A', 'B', 'C', 'D'],
  ABCDE: ['A', 'B', 'C', 'D', 'E'],
};

export function normaliseAnswerType(raw: unknown): AnswerType | null {
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  if (t in OPTION_KEYS) return t as AnswerType;
  if (t.toLowerCase() === 'jumlah') return 'COUNT';
  if (t === '0-4') return 'INDEX';
  return null;
}

/**
 * Reads soal number `index` of `node`. Returns null (with the problem added) when the soal cannot be used at all:
 * no object, no positive integer id, an id already in `itemById`, or an unknown answer type. Smaller problems are
 * added and the item is still returned, so the rest of the list is checked too.
 */
export function readItem(raw: unknown, node: InstrumentNode, index: number, fallback: string, itemById: Record<number, Item>, add: AddIssue): Item | null {
  if (!isObject(raw)) {
    add(fallback, 'soal harus berupa objek');
    return null;
  }
  const soalId = raw.id;
  if (typeof soalId !== 'number' || !Number.isInteger(soalId) || soalId < 1) {
    add(fallback, '`id` soal (soal_id) harus bilangan bulat positif');
    return null;
  }
  const where = `soal [${soalId}] (${node.code})`;
  if (itemById[soalId]) {
    add(where, `soal_id ${soalId} dipakai lebih dari sekali`);
    return null;
  }
  const text = typeof raw.teks_pertanyaan === 'string' ? raw.teks_pertanyaan.trim() : '';
  if (!text) add(where, '`teks_pertanyaan` kosong');
  const type = normaliseAnswerType(raw.jenis_jawaban);
  if (!type) {
    add(where, `jenis_jawaban "${String(raw.jenis_jawaban)}" tidak dikenal (YA_TIDAK, ABC, ABCD, ABCDE, Jumlah, 0-4)`);
    return null;
  }
  if (!isNonNegNumber(raw.bobot_maksimal)) add(where, '`bobot_maksimal` harus angka ≥ 0');
  const schema = Array.isArray(raw.skema_penilaian) ? raw.skema_penilaian : null;
  if (!schema) add(where, '`skema_penilaian` harus berupa daftar');
  let options: ItemOption[] = [];
  if (type in OPTION_KEYS && schema) options = readOptions(schema, type, where, add);
  else if (schema && schema.length) add(where, `soal ${type === 'COUNT' ? 'Jumlah' : '0-4'} tidak boleh memiliki skema_penilaian`);
  return {
    soalId,
    code: `${node.code}.${index + 1}`,
    text,
    label: text,
    criteria: typeof raw.kriteria_nilai === 'string' ? raw.kriteria_nilai : '',
    type,
    rawType: String(raw.jenis_jawaban),
    options,
    weight: isNonNegNumber(raw.bobot_maksimal) ? raw.bobot_maksimal : 0,
    nodeId: node.id,
    part: node.part,
    areaNo: node.part === 'HASIL' ? null : node.areaNo,
    survey: null,
    required: type !== 'INDEX',
    order: 0,
    excelRow: typeof raw.excel_baris === 'number' ? raw.excel_baris : null,
    excel: excelCells(raw),
  };
}

/** The options of a letter type, best first: exactly the scale's keys, multipliers in [0, 1], best 1 and worst 0. */
function readOptions(schema: unknown[], type: AnswerType, where: string, add: AddIssue): ItemOption[] {
  const expected = OPTION_KEYS[type];
  const seen = new Set<string>();
  const options: ItemOption[] = [];
  for (const o of schema) {
    if (!isObject(o) || typeof o.key !== 'string' || typeof o.multiplier !== 'number') {
      add(where, 'setiap opsi harus memiliki `key` dan `multiplier`');
      continue;
    }
    if (!Number.isFinite(o.multiplier) || o.multiplier < 0 || o.multiplier > 1) {
      add(where, `multiplier opsi "${o.key}" harus di antara 0 dan 1`);
    }
    if (seen.has(o.key)) add(where, `opsi "${o.key}" ganda`);
    seen.add(o.key);
    options.push({ key: o.key, label: typeof o.label === 'string' ? o.label : o.key, multiplier: o.multiplier });
  }
  const keys = [...seen].sort().join(',');
  if (keys !== [...expected].sort().join(',')) {
    add(where, `opsi ${type} harus ${expected.join('/')}, ditemukan ${[...seen].join('/') || '(kosong)'}`);
  }
  options.sort((a, b) => b.multiplier - a.multiplier);
  if (options.length && (options[0].multiplier !== 1 || options[options.length - 1].multiplier !== 0)) {
    add(where, 'opsi terbaik harus bernilai 1 dan terburuk 0');
  }
  return options;
}

const excelColumn = (v: unknown): string | null => (typeof v === 'string' && /^[A-Z]{1,3}$/i.test(v.trim()) ? v.trim().toUpperCase() : null);

/** The template cells of a soal, when the master list names a sheet and a row. */
function excelCells(raw: Record<string, unknown>): ItemExcelCells | null {
  if (typeof raw.excel_sheet !== 'string' || !raw.excel_sheet.trim() || !Number.isInteger(raw.excel_baris) || (raw.excel_baris as number) < 1) return null;
  return {
    sheet: raw.excel_sheet.trim(),
    row: raw.excel_baris as number,
    jawabanUnit: excelColumn(raw.excel_kolom_jawaban_unit),
    catatanUnit: excelColumn(raw.excel_kolom_catatan_unit),
    buktiDukungUnit: excelColumn(raw.excel_kolom_bukti_dukung_unit),
    jawabanTpi: excelColumn(raw.excel_kolom_jawaban_tpi),
    catatanTpi: excelColumn(raw.excel_kolom_catatan_tpi),
  };
}
