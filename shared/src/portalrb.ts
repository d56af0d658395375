import { AnswerValidationError, overlayAnswers, validateAnswers, type AnswerIssue, type AnswerValue, type Answers } from './answers';
import type { Instrument } from './instrument/types';

/**
 * The PortalRB `GET /lke/jawaban-unit/{unit_id}` shape (DOMAIN §6), plus our optional `jawaban_tpn`.
 * The same JSON is the import format for answers and the input of the scoring command.
 */
export interface JawabanUnitRow {
  soal_id: number;
  jawaban_unit?: AnswerValue;
  jawaban_tpi?: AnswerValue;
  catatan_unit?: string | null;
  /** Evidence download URLs; ignored on import. */
  bukti_dukung_unit?: unknown;
  catatan_tpi?: string | null;
  jawaban_tpn?: AnswerValue;
}

export interface JawabanUnit {
  unit_id: string | number;
  nama_unit: string;
  tahun: number;
  answers: JawabanUnitRow[];
}

/** Answer levels a jawaban-unit file carries. TPN = TPI with the TPN answers laid over it (DESIGN). */
export type AnswerLevel = 'SELF' | 'TPI' | 'TPN';
export const ANSWER_LEVELS: AnswerLevel[] = ['SELF', 'TPI', 'TPN'];

/** The answer column of each level as PortalRB names it. */
const COLUMN = { SELF: 'jawaban_unit', TPI: 'jawaban_tpi', TPN: 'jawaban_tpn' } as const;

/** A file that is not a jawaban-unit document at all (as opposed to one with bad answer values). */
export class JawabanUnitShapeError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: string[]) {
    super(`Berkas jawaban tidak sesuai format jawaban-unit PortalRB: ${issues.slice(0, 10).join('; ')}${issues.length > 10 ? '; …' : ''}`);
    this.name = 'JawabanUnitShapeError';
  }
}

export interface ParsedJawabanUnit {
  unitId: string | number | null;
  namaUnit: string | null;
  tahun: number | null;
  /** Canonical answers per column (blank = null); TPN holds only the TPN column, see answersAtLevel. */
  columns: Record<AnswerLevel, Answers>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read a jawaban-unit document against an instrument. Throws JawabanUnitShapeError for a wrong shape
 * (including a duplicated soal_id), else AnswerValidationError listing every bad answer of every column,
 * so one run shows the user everything to fix.
 */
export function parseJawabanUnit(instrument: Instrument, raw: unknown): ParsedJawabanUnit {
  const shape: string[] = [];
  if (!isObject(raw)) throw new JawabanUnitShapeError(['isi berkas harus berupa objek JSON { unit_id, nama_unit, tahun, answers }']);
  if (raw.unit_id !== undefined && raw.unit_id !== null && typeof raw.unit_id !== 'string' && typeof raw.unit_id !== 'number') {
    shape.push('`unit_id` harus berupa teks atau angka');
  }
  if (raw.nama_unit !== undefined && raw.nama_unit !== null && typeof raw.nama_unit !== 'string') shape.push('`nama_unit` harus berupa teks');
  if (raw.tahun !== undefined && raw.tahun !== null && !Number.isInteger(raw.tahun)) shape.push('`tahun` harus berupa bilangan bulat');
  if (!Array.isArray(raw.answers)) {
    shape.push('`answers` harus berupa daftar jawaban');
    throw new JawabanUnitShapeError(shape);
  }

  const rows: { soalId: number; row: Record<string, unknown> }[] = [];
  const seen = new Map<number, number>();
  raw.answers.forEach((row: unknown, i: number) => {
    const where = `answers[${i}]`;
    if (!isObject(row)) {
      shape.push(`${where} harus berupa objek`);
      return;
    }
    const id = row.soal_id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
      shape.push(`${where}: \`soal_id\` harus bilangan bulat positif, bukan ${JSON.stringify(id) ?? 'kosong'}`);
      return;
    }
    // Two rows for one item would make the result depend on their order: refuse.
    const first = seen.get(id);
    if (first !== undefined) shape.push(`${where}: soal_id ${id} muncul lebih dari sekali (juga di answers[${first}])`);
    else seen.set(id, i);
    rows.push({ soalId: id, row });
  });
  if (shape.length) throw new JawabanUnitShapeError(shape);

  // Unknown soal_ids are reported once (with the SELF column), not once per column.
  const issues: AnswerIssue[] = [];
  const columns = {} as Record<AnswerLevel, Answers>;
  for (const level of ANSWER_LEVELS) {
    const col = COLUMN[level];
    const input: Record<number, unknown> = {};
    for (const { soalId, row } of rows) {
      if (level === 'SELF' || instrument.itemById[soalId]) input[soalId] = row[col];
    }
    try {
      columns[level] = validateAnswers(instrument, input);
    } catch (e) {
      if (!(e instanceof AnswerValidationError)) throw e;
      for (const i of e.issues) issues.push(instrument.itemById[Number(i.soalId)] ? { ...i, message: `${col}: ${i.message}` } : i);
    }
  }
  // In soal order, so a row's problems in several columns read together.
  issues.sort((a, b) => Number(a.soalId) - Number(b.soalId));
  if (issues.length) throw new AnswerValidationError(issues);

  return {
    unitId: (raw.unit_id as string | number | undefined) ?? null,
    namaUnit: (raw.nama_unit as string | undefined) ?? null,
    tahun: (raw.tahun as number | undefined) ?? null,
    columns,
  };
}

/** One level's answers: SELF `jawaban_unit`, TPI `jawaban_tpi`, TPN `jawaban_tpn` over `jawaban_tpi`. */
export function answersAtLevel(parsed: ParsedJawabanUnit, level: AnswerLevel): Answers {
  if (level === 'TPN') return overlayAnswers(parsed.columns.TPI, parsed.columns.TPN);
  return parsed.columns[level];
}
