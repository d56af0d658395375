// Problems found while loading an instrument, and the small value checks every part of the loader uses.
import { listIssues } from '../errors';

/** One problem found in a master list or formula table; `path` names the offending node or item. */
export interface InstrumentIssue {
  path: string;
  message: string;
}

/** A master list or formula table that cannot be used. Lists every problem found, not only the first. */
export class InstrumentError extends Error {
  readonly code = 'INVALID_INSTRUMENT';
  constructor(readonly issues: InstrumentIssue[]) {
    super(`Instrumen tidak valid (${issues.length} masalah): ` + listIssues(issues, (i) => `${i.path}: ${i.message}`));
    this.name = 'InstrumentError';
  }
}

/** Records one problem; every part of the loader reports through it and goes on, so one run lists them all. */
export type AddIssue = (path: string, message: string) => void;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isNonNegNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** A weight in a message: at most six decimals, no float noise. */
export function fmtWeight(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
