import { formatNumber } from '@pantau/shared';

/**
 * Indonesian formats for official documents. Scores: two decimals with a decimal comma ("76,81"), as the LKE
 * shows them, through the one shared formatter (cut, never rounded up: a shortfall never reads as met).
 */
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2 Desember 2026" (Asia/Jakarta). */
export function formatDateId(d: Date | string, timeZone = 'Asia/Jakarta'): string {
  const date = typeof d === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00Z` : d) : d;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get('day')} ${MONTHS[get('month') - 1]} ${get('year')}`;
}

export const formatScore = (x: number | null | undefined): string => formatNumber(x, 'id', { digits: 2, fixed: true });
/** x is already 0–100. */
export const formatPercent = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${formatScore(x)} %`);
