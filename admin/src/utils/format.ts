/** Number and date formatting in the user's language (id uses a decimal comma). */
import { formatNumber, formatPercent, type Locale } from '@pantau/shared';

export type Lang = Locale;

const localeOf = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A number with a fixed count of decimals, through the one shared formatter (cut, never rounded up). */
export function fmtNumber(x: number | null | undefined, lang: Lang, digits = 2): string {
  return formatNumber(x, lang, { digits, fixed: true });
}

export function fmtPercent(x0to1: number | null | undefined, lang: Lang, digits = 0): string {
  return formatPercent(x0to1, lang, { digits, fixed: true });
}

export function fmtDate(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

export function fmtDateTime(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function fmtBytes(n: number, lang: Lang): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${fmtNumber(n / 1024, lang, 1)} KB`;
  return `${fmtNumber(n / 1024 / 1024, lang, 1)} MB`;
}

/** Whole days from now until a date (negative when past), in local calendar days. */
export function daysUntil(iso: string | Date | null | undefined, now: Date = new Date()): number | null {
  if (!iso) return null;
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return null;
  const day = (x: Date) => Date.UTC(x.getFullYear(), x.getMonth(), x.getDate());
  return Math.round((day(d) - day(now)) / 86_400_000);
}
