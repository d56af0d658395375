import type { Locale } from './vocabulary';

/**
 * THE number formatter (server messages, SPA screens, exports): Indonesian decimal comma (or English point), and
 * values cut to the shown decimals, never rounded up, so a shortfall never reads as met (74.999 → "74,99", not
 * "75,00" beside a minimum of 75; DOMAIN §4).
 */
export interface NumberFormatOptions {
  /** Decimals shown (default 2). */
  digits?: number;
  /** Keep trailing zeros ("75,00"); by default they are dropped ("75"). */
  fixed?: boolean;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

// Building an Intl formatter per call dominated the Kanwil comparison's time: keep one per locale and shape.
function formatterFor(locale: Locale, digits: number, fixed: boolean): Intl.NumberFormat {
  const key = `${locale}:${digits}:${fixed}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', {
      minimumFractionDigits: fixed ? digits : 0,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    FORMATS.set(key, f);
  }
  return f;
}

/** x cut (rounded down) to `digits` decimals; the tiny allowance absorbs binary noise such as 0.29 × 100 = 28.999…. */
export function cutDecimals(x: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.floor(x * scale + 1e-7) / scale;
}

/** A number in the user's language, cut to `digits` decimals; "–" for a missing value. */
export function formatNumber(x: number | null | undefined, locale: Locale = 'id', opts: NumberFormatOptions = {}): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const digits = opts.digits ?? 2;
  const cut = cutDecimals(x, digits);
  // -0 after cutting a tiny negative reads as "-0"
  return formatterFor(locale, digits, opts.fixed ?? false).format(cut === 0 ? 0 : cut);
}

/** A share 0–1 as a percentage ("87,5 %"), cut like every number. */
export function formatPercent(x0to1: number | null | undefined, locale: Locale = 'id', opts: NumberFormatOptions = {}): string {
  if (x0to1 === null || x0to1 === undefined || !Number.isFinite(x0to1)) return '–';
  return `${formatNumber(x0to1 * 100, locale, { digits: 0, ...opts })} %`;
}

/** Two decimals rounded down, trailing zeros dropped (messages comparing a value with its minimum). */
export function formatFloor2(x: number, locale: Locale = 'id'): string {
  return formatNumber(x, locale, { digits: 2 });
}
