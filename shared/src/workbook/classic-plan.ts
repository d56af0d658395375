/**
 * The classic `LKE ZI` workbook as a plan (pure data): every cell's value or Excel formula (with the result our
 * scorer computed, so the file shows numbers before any recalculation), for the writer at the edge to render.
 * Every computed value is a real formula over the answer cells: item values, "%" rows, sub-area scores,
 * sums up the tree, totals and area percentages; Excel or LibreOffice recompute them and agree with the server.
 */
import { overlayAnswers, type AnswerValue, type Answers } from '../answers';
import type { Formula, Instrument, InstrumentNode, Item } from '../instrument/types';
import type { ScoreResult } from '../scoring';
import {
  CLASSIC_COLUMNS as C,
  CLASSIC_FIRST_ROW,
  CLASSIC_HEADER_ROW,
  CLASSIC_IDENTITY_SHEET,
  CLASSIC_LEVEL_COLUMNS,
  CLASSIC_LEVELS,
  CLASSIC_NOTES_SHEET,
  CLASSIC_PERCENT_LABEL,
  CLASSIC_SHEET,
  CLASSIC_TYPE_LABEL,
  answerHeader,
  formulaSoalIds,
  noteHeader,
  totalRowFormulas,
  type ClassicLevel,
} from './classic-layout';

export type PlannedStyle = 'title' | 'header' | 'komponen' | 'node' | 'item' | 'computed' | 'total' | 'label';
export type PlannedFormat = 'number' | 'percent' | 'text';

export interface PlannedCell {
  value?: string | number | null;
  /** Excel formula without the leading "=". */
  formula?: string;
  /** The formula's result as our scorer computed it ("" for blank). */
  result?: string | number;
  link?: string;
  format?: PlannedFormat;
}

export interface PlannedSheet {
  name: string;
  widths: Record<string, number>;
  cells: Record<string, PlannedCell>;
  rowStyles: Record<number, PlannedStyle>;
  /** Rows above / columns left of this cell stay in view. */
  freeze?: string;
}

export interface PlannedWorkbook {
  sheets: PlannedSheet[];
  /** Where the totals are, per level (for tests and for the LHE). */
  refs: Record<ClassicLevel, { total: string; pengungkit: string; hasil: string; areas: string[] }>;
}

export interface ClassicLevelData {
  answers: Answers;
  notes: Record<number, string | null | undefined>;
  /** The level's score as the server computed it (survey precedence and TPN overlay included). */
  score: ScoreResult;
}

export interface ClassicExportInput {
  instrument: Instrument;
  identity: { unitName: string; unitCode: string; kanwilName: string; year: number; status: string; exportedAt: string };
  levels: Record<ClassicLevel, ClassicLevelData>;
  evidence: Record<number, { descriptions: string[]; links: string[] }>;
}

const blankOr = (v: number | null | undefined): string | number => (v === null || v === undefined ? '' : v);
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

function gradedFormula(item: Item, ref: string): string {
  return item.options.reduceRight((acc, o) => `IF(${ref}=${str(o.key)},${o.multiplier},${acc})`, '""');
}

function formulaExpression(f: Formula, ref: (id: number) => string): string {
  const blanks = formulaSoalIds(f).map((id) => `${ref(id)}=""`);
  const anyBlank = `OR(${blanks.join(',')})`;
  if (f.kind === 'ratio') {
    const n = `SUM(${f.numerator.map(ref).join(',')})`;
    const d = `SUM(${f.denominator.map(ref).join(',')})`;
    return `IF(${anyBlank},"",IF(${d}=0,1,MIN(1,${n}/${d})))`;
  }
  const p = ref(f.previous);
  const c = ref(f.current);
  return `IF(${anyBlank},"",IF(${p}=0,IF(${c}=0,1,0),MAX(0,(${p}-${c})/${p})))`;
}

const letter = (i: number) => String.fromCharCode(97 + (i % 26));

export function planClassicWorkbook(input: ClassicExportInput): PlannedWorkbook {
  const { instrument: inst, levels } = input;
  const cells: Record<string, PlannedCell> = {};
  const rowStyles: Record<number, PlannedStyle> = {};
  const put = (col: string, row: number, cell: PlannedCell) => {
    cells[`${col}${row}`] = cell;
  };
  const tpnEffective = overlayAnswers(levels.TPI.answers, levels.TPN.answers);

  put('B', 1, { value: `LEMBAR KERJA EVALUASI ZONA INTEGRITAS ${input.identity.year} — ${input.identity.unitName}` });
  rowStyles[1] = 'title';
  const headers: Record<string, string> = {
    [C.komponen]: 'Komponen',
    [C.subKomponen]: 'Sub Komponen',
    [C.area]: 'Area',
    [C.subArea]: 'Sub Area',
    [C.letter]: 'No',
    [C.text]: 'Pertanyaan',
    [C.weight]: 'Bobot',
    [C.criteria]: 'Penjelasan',
    [C.type]: 'Pilihan Jawaban',
    [C.percent]: '% Bobot',
    [C.evidence]: 'Data Dukung',
    [C.link]: 'Tautan Bukti',
  };
  for (const l of CLASSIC_LEVELS) {
    const lc = CLASSIC_LEVEL_COLUMNS[l];
    headers[lc.answer] = answerHeader(l);
    headers[lc.value] = l === 'SELF' ? 'Nilai' : `Nilai ${lc.label}`;
    headers[lc.note] = noteHeader(l);
    headers[lc.surveyIndex] = `Indeks survei dipakai (${lc.label})`;
  }
  for (const [col, h] of Object.entries(headers)) put(col, CLASSIC_HEADER_ROW, { value: h });
  rowStyles[CLASSIC_HEADER_ROW] = 'header';

  let row = CLASSIC_FIRST_ROW;
  const itemRow: Record<number, number> = {};
  const formulaRow: Record<string, number> = {};
  const nodeRow: Record<number, number> = {};
  const formulas = inst.formulas.formulas;
  const lastOf = new Map<number, Formula[]>();
  for (const f of formulas) {
    const last = formulaSoalIds(f).reduce((a, id) => (inst.itemById[id].order > inst.itemById[a].order ? id : a));
    lastOf.set(last, [...(lastOf.get(last) ?? []), f]);
  }
  const totalAfter = new Map(totalRowFormulas(inst).map((f) => [f.kind === 'ratio' ? f.denominator[f.denominator.length - 1] : -1, f]));

  /** A level's reference for a soal in formulas: its answer cell (TPN: the effective count in its value column). */
  const countRef = (l: ClassicLevel, id: number) => `${l === 'TPN' ? CLASSIC_LEVEL_COLUMNS.TPN.value : CLASSIC_LEVEL_COLUMNS[l].answer}${itemRow[id]}`;

  const writeItem = (item: Item, index: number) => {
    const r = row++;
    itemRow[item.soalId] = r;
    rowStyles[r] = 'item';
    put(C.letter, r, { value: letter(index) });
    put(C.text, r, { value: item.label });
    if (item.weight > 0) put(C.weight, r, { value: item.weight, format: 'number' });
    if (item.criteria) put(C.criteria, r, { value: item.criteria });
    put(C.type, r, { value: CLASSIC_TYPE_LABEL[item.type] });
    for (const l of CLASSIC_LEVELS) {
      const lc = CLASSIC_LEVEL_COLUMNS[l];
      const own: AnswerValue | undefined = levels[l].answers[item.soalId];
      put(lc.answer, r, { value: own === undefined || own === '' ? null : own, format: item.type === 'COUNT' || item.type === 'INDEX' ? 'number' : 'text' });
      const note = levels[l].notes[item.soalId];
      if (note) put(lc.note, r, { value: note });
      const a = `${lc.answer}${r}`;
      const score = levels[l].score;
      if (item.type === 'COUNT') {
        if (l === 'TPN') {
          const tpi = `${CLASSIC_LEVEL_COLUMNS.TPI.answer}${r}`;
          put(lc.value, r, {
            formula: `IF(${a}<>"",${a},IF(${tpi}<>"",${tpi},""))`,
            result: blankOr(tpnEffective[item.soalId] as number | null | undefined),
            format: 'number',
          });
        }
      } else if (item.type === 'INDEX') {
        const idx = `${lc.surveyIndex}${r}`;
        put(lc.surveyIndex, r, { value: item.survey ? score.survey[item.survey].index : null, format: 'number' });
        put(lc.value, r, { formula: `IF(${idx}="","",${idx}/4)`, result: blankOr(score.itemValues[item.soalId]), format: 'number' });
      } else {
        const f = l === 'TPN' ? `IF(${a}<>"",${gradedFormula(item, a)},${CLASSIC_LEVEL_COLUMNS.TPI.value}${r})` : gradedFormula(item, a);
        put(lc.value, r, { formula: f, result: blankOr(score.itemValues[item.soalId]), format: 'number' });
      }
    }
    const ev = input.evidence[item.soalId];
    if (ev?.descriptions.length) put(C.evidence, r, { value: ev.descriptions.join('\n') });
    if (ev?.links.length) put(C.link, r, { value: ev.links.join('\n'), link: ev.links[0] });

    const total = totalAfter.get(item.soalId);
    if (total && total.kind === 'ratio') {
      const t = row++;
      rowStyles[t] = 'computed';
      put(C.text, t, { value: 'Jumlah seluruh yang wajib melaporkan (jumlah rincian di atas)' });
      put(C.type, t, { value: CLASSIC_TYPE_LABEL.COUNT });
      for (const l of CLASSIC_LEVELS) {
        const lc = CLASSIC_LEVEL_COLUMNS[l];
        const refs = total.denominator.map((id) => `${lc.answer}${itemRow[id]}`);
        const vals = total.denominator.map((id) => levels[l].answers[id]);
        const res = vals.every((v) => typeof v === 'number') ? (vals as number[]).reduce((a, b) => a + b, 0) : '';
        put(lc.answer, t, { formula: `IF(COUNT(${refs.join(',')})=${refs.length},SUM(${refs.join(',')}),"")`, result: res, format: 'number' });
      }
    }
    for (const f of lastOf.get(item.soalId) ?? []) {
      const p = row++;
      formulaRow[f.id] = p;
      rowStyles[p] = 'computed';
      put(C.text, p, { value: f.description ? `Persentase — ${f.description}` : 'Persentase' });
      put(C.type, p, { value: CLASSIC_PERCENT_LABEL });
      for (const l of CLASSIC_LEVELS) {
        const lc = CLASSIC_LEVEL_COLUMNS[l];
        const res = blankOr(levels[l].score.formulaValues[f.id]);
        put(lc.answer, p, { formula: formulaExpression(f, (id) => countRef(l, id)), result: res, format: 'percent' });
        put(lc.value, p, { formula: `${lc.answer}${p}`, result: res, format: 'number' });
      }
    }
  };

  const treeCols = [C.komponen, C.subKomponen, C.area, C.subArea, C.letter, C.text];
  const writeNode = (node: InstrumentNode, depth: number) => {
    const r = row++;
    nodeRow[node.id] = r;
    rowStyles[r] = depth === 0 ? 'komponen' : 'node';
    const seg = node.code.split('.').pop() ?? node.code;
    put(treeCols[Math.min(depth, 4)], r, { value: seg });
    put(treeCols[Math.min(depth, 4) + 1], r, { value: node.name });
    put(C.weight, r, { value: node.weight, format: 'number' });
    node.itemIds.forEach((id, i) => writeItem(inst.itemById[id], i));
    for (const c of node.children) writeNode(c, depth + 1);
    for (const l of CLASSIC_LEVELS) {
      const v = CLASSIC_LEVEL_COLUMNS[l].value;
      let f: string;
      if (node.children.length) f = node.children.map((c) => `${v}${nodeRow[c.id]}`).join('+');
      else {
        const units = inst.units[node.id] ?? [];
        const refOf = (u: (typeof units)[number]) => `${v}${u.kind === 'item' ? itemRow[u.soalId] : formulaRow[u.formula.id]}`;
        const even = units.length > 0 && units.every((u) => u.kind === 'formula' || inst.itemById[u.soalId].weight === 0);
        if (!units.length) f = '0';
        else if (even) f = `(${units.map((u) => `N(${refOf(u)})`).join('+')})/${units.length}*${C.weight}${r}`;
        else f = units.map((u) => `N(${refOf(u)})*${C.weight}${u.kind === 'item' ? itemRow[u.soalId] : r}`).join('+');
      }
      put(v, r, { formula: f, result: levels[l].score.nodeScores[node.id] ?? 0, format: 'number' });
    }
    put(C.percent, r, {
      formula: `IF(${C.weight}${r}>0,${CLASSIC_LEVEL_COLUMNS.SELF.value}${r}/${C.weight}${r},"")`,
      result: node.weight > 0 ? (levels.SELF.score.nodeScores[node.id] ?? 0) / node.weight : '',
      format: 'percent',
    });
  };
  for (const root of inst.roots) writeNode(root, 0);

  // Totals and the six areas (pemenuhan + reform), per level.
  row++;
  const pengungkitRoot = inst.roots.find((r) => r.part !== 'HASIL')!;
  const hasilRoot = inst.roots.find((r) => r.part === 'HASIL')!;
  const refs = {} as PlannedWorkbook['refs'];
  const totalRows = { pengungkit: row++, hasil: row++, total: row++ };
  put(C.text, totalRows.pengungkit, { value: `NILAI ${pengungkitRoot.name.toUpperCase()} (${pengungkitRoot.code})` });
  put(C.text, totalRows.hasil, { value: `NILAI ${hasilRoot.name.toUpperCase()} (${hasilRoot.code})` });
  put(C.text, totalRows.total, { value: `NILAI EVALUASI ZONA INTEGRITAS (${pengungkitRoot.code} + ${hasilRoot.code})` });
  put(C.weight, totalRows.pengungkit, { value: pengungkitRoot.weight, format: 'number' });
  put(C.weight, totalRows.hasil, { value: hasilRoot.weight, format: 'number' });
  put(C.weight, totalRows.total, {
    formula: `${C.weight}${totalRows.pengungkit}+${C.weight}${totalRows.hasil}`,
    result: pengungkitRoot.weight + hasilRoot.weight,
    format: 'number',
  });
  for (const r of Object.values(totalRows)) rowStyles[r] = 'total';
  row++;
  put(C.text, row, { value: 'NILAI PER AREA PERUBAHAN (PEMENUHAN + REFORM)' });
  rowStyles[row++] = 'label';
  const areaRows = inst.areas.map((a) => {
    const r = row++;
    rowStyles[r] = 'total';
    put(C.letter, r, { value: a.code });
    put(C.text, r, { value: a.name });
    put(C.weight, r, { value: a.weight, format: 'number' });
    return r;
  });
  for (const l of CLASSIC_LEVELS) {
    const v = CLASSIC_LEVEL_COLUMNS[l].value;
    const s = levels[l].score;
    put(v, totalRows.pengungkit, { formula: `${v}${nodeRow[pengungkitRoot.id]}`, result: s.pengungkit, format: 'number' });
    put(v, totalRows.hasil, { formula: `${v}${nodeRow[hasilRoot.id]}`, result: s.hasil, format: 'number' });
    put(v, totalRows.total, { formula: `${v}${totalRows.pengungkit}+${v}${totalRows.hasil}`, result: s.total, format: 'number' });
    inst.areas.forEach((a, i) => {
      const area = s.areas.find((x) => x.code === a.code);
      put(v, areaRows[i], { formula: `${v}${nodeRow[a.pemenuhanNodeId]}+${v}${nodeRow[a.reformNodeId]}`, result: area?.score ?? 0, format: 'number' });
    });
    refs[l] = {
      total: `${v}${totalRows.total}`,
      pengungkit: `${v}${totalRows.pengungkit}`,
      hasil: `${v}${totalRows.hasil}`,
      areas: areaRows.map((r) => `${v}${r}`),
    };
  }
  for (const [i, r] of areaRows.entries()) {
    const a = inst.areas[i];
    const sc = levels.SELF.score.areas.find((x) => x.code === a.code);
    put(C.percent, r, { formula: `${CLASSIC_LEVEL_COLUMNS.SELF.value}${r}/${C.weight}${r}`, result: (sc?.percent ?? 0) / 100, format: 'percent' });
  }

  const widths: Record<string, number> = { A: 2, B: 5, C: 5, D: 5, E: 6, F: 5, G: 60, H: 8, I: 40, J: 12, K: 10, L: 8, M: 9, N: 2, O: 30, P: 30, Q: 30 };
  for (const l of CLASSIC_LEVELS.slice(1)) {
    const lc = CLASSIC_LEVEL_COLUMNS[l];
    Object.assign(widths, { [lc.answer]: 10, [lc.value]: 8, [lc.note]: 30 });
  }
  for (const l of CLASSIC_LEVELS) widths[CLASSIC_LEVEL_COLUMNS[l].surveyIndex] = 12;
  const lke: PlannedSheet = { name: CLASSIC_SHEET, widths, cells, rowStyles, freeze: `H${CLASSIC_FIRST_ROW}` };

  const id = input.identity;
  const utama: PlannedSheet = { name: CLASSIC_IDENTITY_SHEET, widths: { A: 24, B: 60 }, cells: {}, rowStyles: { 1: 'title' } };
  utama.cells.A1 = { value: 'LEMBAR KERJA EVALUASI ZONA INTEGRITAS' };
  const idRows: [string, string | number][] = [
    ['Nama Unit Kerja', id.unitName],
    ['Kode Unit Kerja', id.unitCode],
    ['Kantor Wilayah', id.kanwilName],
    ['Tahun', id.year],
    ['Status', id.status],
    ['Diunduh', id.exportedAt],
  ];
  idRows.forEach(([k, v], i) => {
    utama.cells[`A${i + 3}`] = { value: k };
    utama.cells[`B${i + 3}`] = { value: v };
  });

  const notes: PlannedSheet = { name: CLASSIC_NOTES_SHEET, widths: { A: 8, B: 14, C: 12, D: 90 }, cells: {}, rowStyles: { 1: 'header' } };
  ['Soal', 'Kode', 'Tingkat', 'Catatan'].forEach((h, i) => (notes.cells[`${'ABCD'[i]}1`] = { value: h }));
  let nr = 2;
  for (const item of inst.items) {
    for (const l of CLASSIC_LEVELS.slice(1)) {
      const n = levels[l].notes[item.soalId];
      if (!n) continue;
      notes.cells[`A${nr}`] = { value: item.soalId };
      notes.cells[`B${nr}`] = { value: item.code };
      notes.cells[`C${nr}`] = { value: CLASSIC_LEVEL_COLUMNS[l].label };
      notes.cells[`D${nr}`] = { value: n };
      nr++;
    }
  }
  return { sheets: [utama, notes, lke], refs };
}
