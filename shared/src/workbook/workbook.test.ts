import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXlsxGrid, writePlannedWorkbook } from './xlsx';
import { bundledInstrument } from '../instruments/index';
import { parseJawabanUnit, type JawabanUnit } from '../portalrb';
import { scoreAnswers } from '../scoring';
import type { Answers } from '../answers';
import { CLASSIC_LEVEL_COLUMNS, CLASSIC_SHEET } from './classic-layout';
import { planClassicWorkbook, type ClassicExportInput, type PlannedWorkbook } from './classic-plan';
import { WorkbookError, type SheetGrid, type WorkbookGrid } from './grid';
import { readLkeWorkbook } from './read';

const inst = bundledInstrument();
const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/answers-example.json', import.meta.url)), 'utf8')) as JawabanUnit;
const parsed = parseJawabanUnit(inst, fixture);

/** The PortalRB template filled from the fixture, at the master list's excel_* cells. */
function templateGrid(edit?: (s: SheetGrid) => void): WorkbookGrid {
  const s: SheetGrid = { name: 'Jawaban', cells: {}, merges: [], rowCount: 0 };
  for (const a of fixture.answers) {
    const x = inst.itemById[a.soal_id].excel!;
    const set = (col: string | null, v: unknown) => {
      if (col && v !== null && v !== undefined) s.cells[`${col}${x.row}`] = { value: v as string | number };
    };
    set(x.jawabanUnit, a.jawaban_unit);
    set(x.catatanUnit, a.catatan_unit);
    set(x.jawabanTpi, a.jawaban_tpi);
    set(x.catatanTpi, a.catatan_tpi);
    s.rowCount = Math.max(s.rowCount, x.row);
  }
  edit?.(s);
  return { sheets: [s] };
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookError) return e.issues;
    throw e;
  }
  throw new Error('no WorkbookError');
}

function exportInput(): ClassicExportInput {
  const notes = (key: 'catatan_unit' | 'catatan_tpi') => Object.fromEntries(fixture.answers.map((a) => [a.soal_id, a[key] ?? null]));
  const level = (answers: Answers, n: Record<number, string | null>) => ({ answers, notes: n, score: scoreAnswers(inst, answers) });
  return {
    instrument: inst,
    identity: {
      unitName: fixture.nama_unit,
      unitCode: String(fixture.unit_id),
      kanwilName: 'Kanwil Sumatera Selatan',
      year: 2026,
      status: 'DRAFT',
      exportedAt: '2 Desember 2026',
    },
    levels: {
      SELF: level(parsed.columns.SELF, notes('catatan_unit')),
      KANWIL: level({}, {}),
      TPI: level(parsed.columns.TPI, notes('catatan_tpi')),
      TPN: level({ 1: 'Tidak' }, { 1: 'Tim belum efektif' }),
    },
    evidence: { 1: { descriptions: ['SK Tim ZI'], links: ['https://pantau.example/api/evidence/1'] } },
  };
}

/** A plan as the grid a reader would see after Excel computed it (formula cells carry our results). */
function planGrid(plan: PlannedWorkbook): WorkbookGrid {
  return {
    sheets: plan.sheets.map((s) => {
      const cells: SheetGrid['cells'] = {};
      let rowCount = 0;
      for (const [addr, c] of Object.entries(s.cells)) {
        const value = c.formula !== undefined ? (c.result === '' ? null : (c.result ?? null)) : (c.value ?? null);
        if (value === null && c.formula === undefined) continue;
        cells[addr] = c.formula !== undefined ? { value, formula: true } : { value };
        rowCount = Math.max(rowCount, Number(/\d+$/.exec(addr)![0]));
      }
      return { name: s.name, cells, merges: [], rowCount };
    }),
  };
}

describe('PortalRB answer template', () => {
  it('reads every soal from its excel_* cells, the same answers as the JSON', () => {
    const { layout, document } = readLkeWorkbook(inst, templateGrid());
    expect(layout).toBe('TEMPLATE');
    const p = parseJawabanUnit(inst, { ...document, unit_id: 'x', nama_unit: 'x', tahun: 2026 });
    expect(p.columns.SELF).toEqual({ ...Object.fromEntries(inst.items.map((i) => [i.soalId, null])), ...parsed.columns.SELF });
    expect(p.columns.TPI).toEqual({ ...Object.fromEntries(inst.items.map((i) => [i.soalId, null])), ...parsed.columns.TPI });
  });

  it('refuses a workbook without the sheet, naming the sheets it has', () => {
    const wb = templateGrid();
    wb.sheets[0].name = 'Sheet1';
    const issues = issuesOf(() => readLkeWorkbook(inst, wb));
    expect(issues[0].message).toContain('"LKE ZI"');
    expect(issues[0].message).toContain('"Sheet1"');
  });

  it('refuses a template with no answer at all (it would clear the LKE on import)', () => {
    const issues = issuesOf(() => readLkeWorkbook(inst, { sheets: [{ name: 'Jawaban', cells: { A1: { value: 'Templat' } }, merges: [], rowCount: 1 }] }));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'Jawaban', message: expect.stringMatching(/tidak ada satu pun jawaban/) })]);
  });

  it('names every bad cell: merged, text in a count, a letter outside the scale', () => {
    const r = (id: number) => inst.itemById[id].excel!.row;
    const issues = issuesOf(() =>
      readLkeWorkbook(
        inst,
        templateGrid((s) => {
          s.merges.push(`K${r(1)}:K${r(2)}`);
          s.cells[`K${r(102)}`] = { value: 'lima' };
          s.cells[`K${r(6)}`] = { value: 'E' };
          s.cells[`K${r(103)}`] = { value: '4' }; // numeric text is a number
        }),
      ),
    );
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`Jawaban!K${r(1)}`, `Jawaban!K${r(2)}`, `Jawaban!K${r(6)}`, `Jawaban!K${r(102)}`]);
    expect(issues[2].message).toMatch(/"E" bukan pilihan/);
    expect(issues[3].message).toMatch(/"lima" bukan angka/);
  });
});

describe('classic Lampiran III sheet', () => {
  const plan = planClassicWorkbook(exportInput());
  const lke = plan.sheets.find((s) => s.name === CLASSIC_SHEET)!;

  it('reads back exactly the answers it was planned from (unit, TPI, TPN) and the identity', () => {
    const { layout, document } = readLkeWorkbook(inst, planGrid(plan));
    expect(layout).toBe('CLASSIC');
    expect(document.nama_unit).toBe(fixture.nama_unit);
    expect(document.tahun).toBe(2026);
    const p = parseJawabanUnit(inst, { ...document, unit_id: 'x' });
    const blank = Object.fromEntries(inst.items.map((i) => [i.soalId, null]));
    expect(p.columns.SELF).toEqual({ ...blank, ...parsed.columns.SELF });
    expect(p.columns.TPI).toEqual({ ...blank, ...parsed.columns.TPI });
    expect(p.columns.TPN).toEqual({ ...blank, 1: 'Tidak' });
    const notes = Object.fromEntries(document.answers.map((a) => [a.soal_id, a.catatan_unit]));
    expect(notes[1]).toBe('SK Kepala Lapas tentang Tim Kerja ZI');
  });

  it('survives a real .xlsx round trip through exceljs', async () => {
    const buf = await writePlannedWorkbook(plan);
    const grid = await readXlsxGrid(buf);
    const p = parseJawabanUnit(inst, { ...readLkeWorkbook(inst, grid).document, unit_id: 'x' });
    expect(p.columns.SELF).toEqual(parseJawabanUnit(inst, { ...readLkeWorkbook(inst, planGrid(plan)).document, unit_id: 'x' }).columns.SELF);
  });

  it('holds formulas for every computed value, with our scores as cached results', () => {
    const total = lke.cells[plan.refs.SELF.total];
    expect(total.formula).toMatch(/^L\d+\+L\d+$/);
    expect(total.result).toBeCloseTo(scoreAnswers(inst, parsed.columns.SELF).total, 9);
    const pct = Object.entries(lke.cells).filter(([a, c]) => a.startsWith('J') && c.value === '%');
    expect(pct).toHaveLength(inst.formulas.formulas.length);
    for (const [a] of pct) expect(lke.cells[`K${a.slice(1)}`].formula).toMatch(/^IF\(OR\(/);
  });

  it('matches rows by order and type: a plain sheet without the LHKPN total row reads too', () => {
    const grid = planGrid(plan);
    const s = grid.sheets.find((x) => x.name === CLASSIC_SHEET)!;
    // drop the total row by shifting everything below it up one row
    const totalRow = Number(
      Object.entries(lke.cells)
        .find(([, c]) => typeof c.value === 'string' && c.value.startsWith('Jumlah seluruh yang wajib'))![0]
        .slice(1),
    );
    const cells: SheetGrid['cells'] = {};
    for (const [addr, c] of Object.entries(s.cells)) {
      const [, col, r] = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const n = Number(r);
      if (n === totalRow) continue;
      cells[`${col}${n > totalRow ? n - 1 : n}`] = c;
    }
    s.cells = cells;
    const p = parseJawabanUnit(inst, { ...readLkeWorkbook(inst, grid).document, unit_id: 'x' });
    expect(p.columns.SELF[116]).toBe(parsed.columns.SELF[116] ?? null);
  });

  it('refuses a row of the wrong answer type and a total that disagrees with its parts, by cell', () => {
    const grid = planGrid(plan);
    const s = grid.sheets.find((x) => x.name === CLASSIC_SHEET)!;
    const rowOf = (id: number) =>
      Number(
        Object.entries(lke.cells)
          .find(([a, c]) => a.startsWith('G') && c.value === inst.itemById[id].label)![0]
          .slice(1),
      );
    s.cells[`J${rowOf(2)}`] = { value: 'A/B/C/D' };
    let issues = issuesOf(() => readLkeWorkbook(inst, grid));
    expect(issues).toEqual([expect.objectContaining({ sheet: CLASSIC_SHEET, cell: `J${rowOf(2)}` })]);
    expect(issues[0].message).toMatch(/tidak sesuai soal \[2\]/);

    s.cells[`J${rowOf(2)}`] = { value: 'A/B/C' };
    const totalCell = `${CLASSIC_LEVEL_COLUMNS.SELF.answer}${rowOf(115) + 1}`;
    s.cells[totalCell] = { value: 999 };
    issues = issuesOf(() => readLkeWorkbook(inst, grid));
    expect(issues.map((i) => i.cell)).toEqual([totalCell]);
    expect(issues[0].message).toMatch(/999 tidak sama dengan rinciannya/);
  });
});
