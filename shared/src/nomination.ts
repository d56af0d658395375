/** Nomination prerequisites read from the instrument and the unit (DOMAIN §4), shared by the server's checklist and the SPA. */
import type { Answers } from './answers';
import type { Formula, Instrument } from './instrument/types';
import { formulaValue } from './scoring';
import type { Target } from './vocabulary';

/** Internal SAKIP result scale, best first. */
export const SAKIP_SCALE = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export type SakipGrade = (typeof SAKIP_SCALE)[number];
export const SAKIP_MIN: Record<Target, SakipGrade> = { WBK: 'B', WBBM: 'BB' };

export function sakipMeets(grade: string | null | undefined, target: Target): boolean {
  const i = SAKIP_SCALE.indexOf((grade ?? '').trim().toUpperCase() as SakipGrade);
  return i >= 0 && i <= SAKIP_SCALE.indexOf(SAKIP_MIN[target]);
}

/** The instrument's formulas of LHKPN and LHKASN (non-LHKPN) reporting: reported ÷ obliged. */
export const LHKPN_FORMULA_IDS = ['lhkpn', 'non-lhkpn'] as const;

function lhkpnFormulas(instrument: Instrument): Formula[] {
  return instrument.formulas.formulas.filter((f) => (LHKPN_FORMULA_IDS as readonly string[]).includes(f.id));
}

const itemsOf = (f: Formula): number[] =>
  f.kind === 'ratio' ? [...f.numerator, ...f.denominator, ...(f.requires ?? [])] : [f.previous, f.current, ...(f.requires ?? [])];

/** The items the LHKPN/LHKASN counts are entered in ([113]–[120] in 2026), from the instrument's formula table. */
export function lhkpnItemIds(instrument: Instrument): number[] {
  return [...new Set(lhkpnFormulas(instrument).flatMap(itemsOf))].sort((a, b) => a - b);
}

/** LHKPN/LHKASN compliance 0–100: the lower of the two reporting ratios; null while any count is blank. */
export function lhkpnCompliance(instrument: Instrument, answers: Answers): number | null {
  const fs = lhkpnFormulas(instrument);
  if (!fs.length) return null;
  let min = Infinity;
  for (const f of fs) {
    const v = formulaValue(f, answers);
    if (v === null) return null;
    min = Math.min(min, v);
  }
  return Math.round(min * 1e6) / 1e4;
}
