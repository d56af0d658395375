#!/usr/bin/env node
/**
 * Scoring command for files, usable without a server (DESIGN "Contracts"):
 *   npm run --silent score -- <answers.json | lke.xlsx> [--instrument <master.json> --formulas <table.json>]
 *                             [--level SELF|TPI|TPN] [--has-wbk]
 * stdout: exactly one JSON object (ScoreReport). Errors: one readable Indonesian message on stderr, exit 1,
 * never a stack trace (the users are ZI teams, not developers).
 */
import { readFileSync } from 'node:fs';
import { readXlsxGrid } from '../workbook/xlsx';
import { describeIssue, WorkbookError } from '../workbook/grid';
import { readLkeWorkbook } from '../workbook/read';
import { AnswerValidationError } from '../answers';
import { InstrumentError, loadInstrument } from '../instrument/loader';
import type { Instrument } from '../instrument/types';
import { BUNDLED_INSTRUMENTS, DEFAULT_INSTRUMENT_YEAR, bundledInstrument } from '../instruments/index';
import { ANSWER_LEVELS, JawabanUnitShapeError, answersAtLevel, parseJawabanUnit, type AnswerLevel } from '../portalrb';
import { toScoreReport } from '../report';
import { scoreAnswers } from '../scoring';

const USAGE = `Pemakaian:
  npm run --silent score -- <jawaban.json | lke.xlsx> [opsi]

Menghitung nilai LKE Zona Integritas dari berkas jawaban format jawaban-unit PortalRB (JSON),
atau dari workbook Excel (.xlsx): templat jawaban PortalRB (lembar "Jawaban") atau
LKE Lampiran III (lembar "LKE ZI"), dan mencetak satu objek JSON (nilai, area, hasil, kelayakan WBK/WBBM) ke stdout.

Opsi:
  --level SELF|TPI|TPN    jawaban yang dinilai: SELF = jawaban_unit (bawaan), TPI = jawaban_tpi,
                          TPN = jawaban_tpn di atas jawaban_tpi
  --has-wbk               unit sudah berpredikat WBK (syarat usulan WBBM)
  --instrument <berkas>   daftar soal (master-soal PortalRB) selain instrumen bawaan ${DEFAULT_INSTRUMENT_YEAR}
  --formulas <berkas>     tabel rumus untuk daftar soal itu (bawaan: tabel rumus ${DEFAULT_INSTRUMENT_YEAR})
  --help                  tampilkan bantuan ini
`;

/** An expected failure: printed as is, exit 1. */
class CliError extends Error {}

interface Args {
  answers: string;
  instrument?: string;
  formulas?: string;
  level: AnswerLevel;
  hasWbk: boolean;
}

function parseArgs(argv: string[]): Args | 'help' {
  let answers: string | undefined;
  const opts: { instrument?: string; formulas?: string; level?: string; hasWbk?: boolean } = {};
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (seen.has(name)) throw new CliError(`Opsi ${name} diberikan lebih dari sekali.`);
      seen.add(name);
      if (name === '--has-wbk') {
        if (eq > 0) throw new CliError('Opsi --has-wbk tidak memerlukan nilai.');
        opts.hasWbk = true;
        continue;
      }
      if (name !== '--instrument' && name !== '--formulas' && name !== '--level') {
        throw new CliError(`Opsi tidak dikenal: ${arg}. Lihat --help.`);
      }
      let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        throw new CliError(`Opsi ${name} memerlukan nilai.`);
      }
      if (name === '--level') {
        const raw = value;
        value = raw.toUpperCase();
        if (!(ANSWER_LEVELS as string[]).includes(value)) {
          throw new CliError(`Nilai --level tidak dikenal: "${raw}" (pilihan: ${ANSWER_LEVELS.join(', ')}).`);
        }
      }
      opts[name.slice(2) as 'instrument' | 'formulas' | 'level'] = value;
      continue;
    }
    if (answers !== undefined) throw new CliError(`Hanya satu berkas jawaban yang dapat dinilai (berlebih: ${arg}).`);
    answers = arg;
  }
  if (answers === undefined) throw new CliError('Berkas jawaban belum disebutkan. Lihat --help.');
  return {
    answers,
    instrument: opts.instrument,
    formulas: opts.formulas,
    level: (opts.level as AnswerLevel | undefined) ?? 'SELF',
    hasWbk: opts.hasWbk ?? false,
  };
}

/** Read and parse a JSON file; `what` names it in messages ("jawaban", "daftar soal", "tabel rumus"). */
function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Berkas ${what} tidak ditemukan: ${path}`);
    if (code === 'EISDIR') throw new CliError(`Berkas ${what} adalah direktori, bukan berkas: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`Berkas ${what} tidak dapat dibaca (izin ditolak): ${path}`);
    throw new CliError(`Berkas ${what} tidak dapat dibaca: ${path} (${code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')); // tolerate a BOM from Windows editors
  } catch (e) {
    throw new CliError(`Berkas ${what} bukan JSON yang valid: ${path} (${(e as Error).message})`);
  }
}

/** A .xlsx file is a zip archive: "PK\x03\x04" (whatever its name says). */
function readAnswersFile(path: string): { kind: 'xlsx'; data: Buffer } | { kind: 'json'; value: unknown } {
  let head: Buffer;
  try {
    head = readFileSync(path);
  } catch {
    return { kind: 'json', value: readJson(path, 'jawaban') }; // readJson words the I/O error
  }
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return { kind: 'xlsx', data: head };
  if (/\.xlsx?$/i.test(path)) throw new CliError(`Berkas ${path} bukan workbook Excel .xlsx (berkas .xls lama: simpan ulang sebagai .xlsx).`);
  return { kind: 'json', value: readJson(path, 'jawaban') };
}

async function answersDocument(instrument: Instrument, path: string): Promise<unknown> {
  const f = readAnswersFile(path);
  if (f.kind === 'json') return f.value;
  const { document } = readLkeWorkbook(instrument, await readXlsxGrid(f.data));
  return document;
}

function instrumentFor(args: Args): Instrument {
  if (!args.instrument && !args.formulas) return bundledInstrument();
  const bundled = BUNDLED_INSTRUMENTS[DEFAULT_INSTRUMENT_YEAR];
  // A new year's list whose formula items keep their ids and types reuses the bundled table (DOMAIN §3);
  // loadInstrument refuses the pair when they do not fit.
  const master = args.instrument ? readJson(args.instrument, 'daftar soal') : bundled.master;
  const formulas = args.formulas ? readJson(args.formulas, 'tabel rumus') : bundled.formulas;
  return loadInstrument(master, formulas);
}

function describe(e: unknown): string {
  if (e instanceof CliError) return e.message;
  if (e instanceof InstrumentError) {
    return [`Instrumen tidak valid (${e.issues.length} masalah):`, ...e.issues.map((i) => `- ${i.path}: ${i.message}`)].join('\n');
  }
  if (e instanceof JawabanUnitShapeError) {
    return ['Berkas jawaban tidak sesuai format jawaban-unit PortalRB:', ...e.issues.map((i) => `- ${i}`)].join('\n');
  }
  if (e instanceof WorkbookError) {
    return [`Workbook tidak dapat dinilai (${e.issues.length} sel bermasalah):`, ...e.issues.map((i) => `- ${describeIssue(i)}`)].join('\n');
  }
  if (e instanceof AnswerValidationError) {
    return [`${e.issues.length} jawaban tidak valid:`, ...e.issues.map((i) => `- [${i.soalId}] ${i.message}`)].join('\n');
  }
  return `Kesalahan internal: ${e instanceof Error ? e.message : String(e)}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    process.stderr.write(USAGE);
    return 1;
  }
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const instrument = instrumentFor(args);
    const parsed = parseJawabanUnit(instrument, await answersDocument(instrument, args.answers));
    const score = scoreAnswers(instrument, answersAtLevel(parsed, args.level));
    process.stdout.write(JSON.stringify(toScoreReport(score, { hasWbk: args.hasWbk }), null, 2) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(describe(e) + '\n');
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
