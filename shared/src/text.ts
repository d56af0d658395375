/**
 * Text typed by people (names, notes, reasons, answers' comments): the one rule the server enforces on every
 * string it receives and the SPA can show beforehand. Control characters (NUL, ESC, …; tab and line breaks are
 * fine) are refused, and no text may exceed TEXT_MAX_LENGTH characters (fields with a shorter column limit say so
 * themselves, e.g. a Kanwil name at 200).
 */
export const TEXT_MAX_LENGTH = 10_000;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type TextIssue = 'CONTROL_CHARACTER' | 'TOO_LONG';

export function textIssue(value: string, max = TEXT_MAX_LENGTH): TextIssue | null {
  if (CONTROL_CHARACTERS.test(value)) return 'CONTROL_CHARACTER';
  if (value.length > max) return 'TOO_LONG';
  return null;
}
