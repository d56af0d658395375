// loadInstrument: a PortalRB master-soal list and its formula table → a checked Instrument. The parts, in the order
// they run: tree.ts (nodes, with item.ts for each soal), formulas.ts (the formula table and labels), structure.ts (scored
// units, areas, HASIL). Every part adds its problems to one list (issues.ts); any problem throws InstrumentError.
import { applyLabels, readFormulaTable } from './formulas';
import { InstrumentError, isObject, type InstrumentIssue } from './issues';
import { readAreas, readHasil, scoredUnits } from './structure';
import { readTree } from './tree';
import type { Instrument, Part } from './types';

export { InstrumentError, type InstrumentIssue } from './issues';
export { normaliseAnswerType } from './item';
export { formulaItems } from './formulas';

/**
 * Load and validate a PortalRB master-soal list with its formula table.
 * Throws InstrumentError listing every problem; the result is plain, serialisable-enough data.
 */
export function loadInstrument(master: unknown, formulaTable: unknown): Instrument {
  const issues: InstrumentIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  if (!isObject(master)) throw new InstrumentError([{ path: '(akar)', message: 'harus berupa objek JSON' }]);
  const year = master.tahun;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    add('tahun', 'harus berupa tahun (bilangan bulat 2000–2100)');
  }
  if (!Array.isArray(master.data) || master.data.length === 0) {
    add('data', 'harus berupa daftar komponen yang tidak kosong');
    throw new InstrumentError(issues);
  }

  const tree = readTree(master.data as unknown[], add);
  const { roots, nodes, items, itemById, scoringNodeIds } = tree;
  if (typeof master.total_soal === 'number' && master.total_soal !== items.length) {
    add('total_soal', `menyebut ${master.total_soal} soal, tetapi daftar berisi ${items.length}`);
  }

  // Komponen: exactly one PENGUNGKIT and one HASIL
  const pengungkit = roots.filter((r) => r.rawName.toUpperCase().includes('PENGUNGKIT'));
  const hasilRoots = roots.filter((r) => r.part === 'HASIL');
  if (pengungkit.length !== 1) add('data', 'harus ada tepat satu komponen PENGUNGKIT');
  if (hasilRoots.length !== 1) add('data', 'harus ada tepat satu komponen HASIL');

  const formulas = readFormulaTable(formulaTable, itemById, nodes, add);
  if (formulas) applyLabels(formulas, itemById, add);
  const units = scoredUnits(tree, formulas, add);
  const areas = readAreas(nodes, add);
  const hasil = readHasil(hasilRoots.length === 1 ? hasilRoots[0] : undefined, tree, add);

  if (issues.length) throw new InstrumentError(issues);

  const sumPart = (part: Part) =>
    Object.values(nodes)
      .filter((n) => n.level === 'sub_komponen' && n.part === part)
      .reduce((a, n) => a + n.weight, 0);
  return {
    year: year as number,
    roots,
    nodes,
    items,
    itemById,
    areas,
    formulas: formulas!,
    units,
    scoringNodeIds,
    requiredCount: items.filter((i) => i.required).length,
    hasil,
    totals: {
      pemenuhan: sumPart('PEMENUHAN'),
      reform: sumPart('REFORM'),
      pengungkit: sumPart('PEMENUHAN') + sumPart('REFORM'),
      hasil: sumPart('HASIL'),
    },
  };
}
