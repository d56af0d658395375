/**
 * Indonesian formats for official documents. Scores: two decimals with a decimal comma ("76,81"), as the LKE
 * shows them. (To be replaced by the one shared number formatter once it is on main.)
 */
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const SCORE = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/** "2 Desember 2026" (Asia/Jakarta). */
export function formatDateId(d: Date | string, timeZone = 'Asia/Jakarta'): string {
  const date = typeof d === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00Z` : d) : d;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get('day')} ${MONTHS[get('month') - 1]} ${get('year')}`;
}

export const formatScore = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : SCORE.format(x));
export const formatPercent = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${SCORE.format(x)} %`);
