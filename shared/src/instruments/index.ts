import { loadInstrument } from '../instrument/loader';
import type { FormulaTable, Instrument } from '../instrument/types';
import formulas2026 from './2026/formulas.json';
import master2026 from './2026/master-soal.json';

/** The instrument versions shipped with Pantau ZI (master list + our formula table), by year. */
export const BUNDLED_INSTRUMENTS: Record<number, { master: unknown; formulas: FormulaTable }> = {
  2026: { master: master2026, formulas: formulas2026 as FormulaTable },
};

export const DEFAULT_INSTRUMENT_YEAR = 2026;

const cache = new Map<number, Instrument>();

/** The bundled instrument of a year (default 2026), validated once and cached. */
export function bundledInstrument(year: number = DEFAULT_INSTRUMENT_YEAR): Instrument {
  let inst = cache.get(year);
  if (!inst) {
    const b = BUNDLED_INSTRUMENTS[year];
    if (!b) throw new Error(`Tidak ada instrumen bawaan untuk tahun ${year}`);
    inst = loadInstrument(b.master, b.formulas);
    cache.set(year, inst);
  }
  return inst;
}
