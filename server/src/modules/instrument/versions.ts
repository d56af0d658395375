/**
 * Instrument versions (DOMAIN §1, §3): an admin uploads a year's PortalRB master list, optionally with our formula
 * table; it is validated (every problem listed, each naming its node or item), stored inactive, then activated
 * (one active version per year). A list whose formula items keep their ids and types reuses the previous
 * version's table; otherwise the table must be uploaded with it.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { InstrumentError, formulaItems, loadInstrument, normaliseAnswerType, type FormulaTable, type Instrument, type InstrumentIssue } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { requireAdmin } from '../../common/authz';
import { audit } from '../../common/audit';
import { badInput, invalidState, notFound } from '../../common/errors';
import { Period } from '../period/entities';
import { User } from '../user/entities';
import { InstrumentVersion } from './entities';
import { instrumentOf, rememberInstrument } from './service';

export const INSTRUMENT_ADMIN_ONLY = 'Hanya admin yang dapat mengelola versi instrumen';

// ---------------------------------------------------------------------------------------------------------
// Reading a master list tolerantly (for the diff and the formula check, also when the list does not load)
// ---------------------------------------------------------------------------------------------------------

export interface RawItem {
  soalId: number;
  text: string;
  /** Normalised answer type, or the raw `jenis_jawaban` when it is not one we know. */
  type: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every readable soal of a master list by soal_id (first occurrence wins; anything unreadable is skipped). */
export function rawItems(master: unknown): Map<number, RawItem> {
  const out = new Map<number, RawItem>();
  const walk = (node: unknown, depth: number) => {
    if (!isObj(node) || depth > 20) return;
    if (Array.isArray(node.soals)) {
      for (const s of node.soals) {
        if (!isObj(s) || typeof s.id !== 'number' || !Number.isInteger(s.id) || out.has(s.id)) continue;
        out.set(s.id, {
          soalId: s.id,
          text: typeof s.teks_pertanyaan === 'string' ? s.teks_pertanyaan.trim() : '',
          type: normaliseAnswerType(s.jenis_jawaban) ?? String(s.jenis_jawaban),
        });
      }
    }
    if (Array.isArray(node.children)) for (const c of node.children) walk(c, depth + 1);
  };
  if (isObj(master) && Array.isArray(master.data)) for (const r of master.data) walk(r, 0);
  return out;
}

const yearOf = (master: unknown): number | null => (isObj(master) && typeof master.tahun === 'number' && Number.isInteger(master.tahun) ? master.tahun : null);

// ---------------------------------------------------------------------------------------------------------
// Validation report
// ---------------------------------------------------------------------------------------------------------

export interface TypeChange {
  soalId: number;
  from: string;
  to: string;
}

export interface InstrumentDiff {
  baseVersionId: number;
  baseYear: number;
  added: number[];
  removed: number[];
  textChanged: number[];
  typeChanged: TypeChange[];
  unchanged: number;
}

export interface ValidationReport {
  ok: boolean;
  year: number | null;
  itemCount: number | null;
  requiredCount: number | null;
  areas: { code: string; name: string; weight: number; pemenuhanWeight: number; reformWeight: number }[];
  issues: InstrumentIssue[];
  /** A formula table was uploaded with the list. */
  formulasProvided: boolean;
  /** No table uploaded and the previous version's table fits the list. */
  formulasReused: boolean;
  /** The version whose table was tried / reused (when no table was uploaded). */
  formulasFromVersionId: number | null;
  /** The list's formula items changed (or there is no earlier table): a formula table must be uploaded. */
  formulaTableRequired: boolean;
  diff: InstrumentDiff | null;
}

interface Validated {
  report: ValidationReport;
  instrument: Instrument | null;
  formulas: unknown;
}

type VersionRow = Pick<InstrumentVersion, 'id' | 'year' | 'active' | 'createdAt'>;

async function versionRows(em: EntityManager): Promise<VersionRow[]> {
  return em.find(InstrumentVersion, {}, { fields: ['id', 'year', 'active', 'createdAt'], orderBy: { id: 'asc' } });
}

/** The version whose formula table a new list of `year` reuses: the latest of the latest year ≤ `year` (else the latest). */
function formulaBase(rows: VersionRow[], year: number | null): VersionRow | null {
  const sorted = [...rows].sort((a, b) => b.year - a.year || b.id - a.id);
  if (year == null) return sorted[0] ?? null;
  return sorted.find((r) => r.year <= year) ?? sorted[0] ?? null;
}

/** The diff base: the latest active version of the year nearest to `year` (the earlier year on a tie). */
function diffBase(rows: VersionRow[], year: number | null): VersionRow | null {
  const active = rows.filter((r) => r.active);
  if (!active.length) return null;
  const dist = (r: VersionRow) => (year == null ? -r.year : Math.abs(r.year - year));
  return [...active].sort((a, b) => dist(a) - dist(b) || a.year - b.year || b.id - a.id)[0];
}

function diffAgainst(base: Instrument, baseRow: VersionRow, items: Map<number, RawItem>): InstrumentDiff {
  const added: number[] = [];
  const removed: number[] = [];
  const textChanged: number[] = [];
  const typeChanged: TypeChange[] = [];
  let unchanged = 0;
  for (const it of items.values()) {
    const old = base.itemById[it.soalId];
    if (!old) {
      added.push(it.soalId);
      continue;
    }
    let same = true;
    if (old.text !== it.text) {
      textChanged.push(it.soalId);
      same = false;
    }
    if (old.type !== it.type) {
      typeChanged.push({ soalId: it.soalId, from: old.type, to: it.type });
      same = false;
    }
    if (same) unchanged++;
  }
  for (const old of base.items) if (!items.has(old.soalId)) removed.push(old.soalId);
  const asc = (a: number, b: number) => a - b;
  return {
    baseVersionId: baseRow.id,
    baseYear: baseRow.year,
    added: added.sort(asc),
    removed: removed.sort(asc),
    textChanged: textChanged.sort(asc),
    typeChanged: typeChanged.sort((a, b) => a.soalId - b.soalId),
    unchanged,
  };
}

/** Formula items of `table` whose soal is missing or no longer a count, and counts the table does not use. */
function formulaMismatches(table: unknown, items: Map<number, RawItem>): InstrumentIssue[] {
  const out: InstrumentIssue[] = [];
  const used = new Set<number>();
  const formulas = isObj(table) && Array.isArray(table.formulas) ? (table.formulas as FormulaTable['formulas']) : [];
  for (const f of formulas) {
    let ids: number[] = [];
    try {
      ids = formulaItems(f);
    } catch {
      continue;
    }
    for (const id of ids) {
      used.add(id);
      const it = items.get(id);
      if (!it) out.push({ path: `soal [${id}]`, message: `dipakai rumus "${f.id}" pada tabel rumus sebelumnya, tetapi tidak ada dalam daftar soal ini` });
      else if (it.type !== 'COUNT') out.push({ path: `soal [${id}]`, message: `dipakai rumus "${f.id}" sebagai soal Jumlah, tetapi kini bertipe ${it.type}` });
    }
  }
  for (const it of items.values()) {
    if (it.type === 'COUNT' && !used.has(it.soalId))
      out.push({ path: `soal [${it.soalId}]`, message: 'soal Jumlah baru yang belum dipakai rumus mana pun pada tabel rumus sebelumnya' });
  }
  return out;
}

const issuesOf = (e: unknown): InstrumentIssue[] => {
  if (e instanceof InstrumentError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
  throw e;
};

/** Validates a master list (+ optional formula table) against the stored versions, without saving anything. */
export async function validateVersion(em: EntityManager, master: unknown, formulas: unknown | null | undefined): Promise<Validated> {
  const rows = await versionRows(em);
  const year = yearOf(master);
  const items = rawItems(master);
  const provided = formulas !== undefined && formulas !== null;
  const report: ValidationReport = {
    ok: false,
    year,
    itemCount: null,
    requiredCount: null,
    areas: [],
    issues: [],
    formulasProvided: provided,
    formulasReused: false,
    formulasFromVersionId: null,
    formulaTableRequired: false,
    diff: null,
  };
  let instrument: Instrument | null = null;
  let table: unknown = formulas;

  if (provided) {
    try {
      instrument = loadInstrument(master, formulas);
    } catch (e) {
      report.issues = issuesOf(e);
    }
  } else {
    const base = formulaBase(rows, year);
    if (!base) {
      report.formulaTableRequired = true;
      report.issues = [{ path: 'tabel rumus', message: 'Belum ada versi instrumen sebelumnya: tabel rumus harus diunggah bersama daftar soal' }];
    } else {
      report.formulasFromVersionId = base.id;
      const stored = await em.findOneOrFail(InstrumentVersion, base.id, { fields: ['formulas'] });
      table = stored.formulas;
      try {
        instrument = loadInstrument(master, table);
        report.formulasReused = true;
      } catch (e) {
        const loaderIssues = issuesOf(e);
        // an unreadable list has no formula items to compare: its own problems are the answer
        const mismatch = items.size ? formulaMismatches(table, items) : [];
        if (mismatch.length) {
          report.formulaTableRequired = true;
          report.issues = [
            {
              path: 'tabel rumus',
              message: `Soal rumus berubah dibanding tabel rumus versi ${base.id} (tahun ${base.year}): tabel rumus harus diunggah bersama daftar soal`,
            },
            // what the loader already says about an item (with its node code) is not repeated
            ...mismatch.filter((m) => !loaderIssues.some((i) => i.path.startsWith(`${m.path} `) || i.path === m.path)),
            ...loaderIssues,
          ];
        } else report.issues = loaderIssues;
      }
    }
  }

  if (instrument) {
    report.ok = true;
    report.year = instrument.year;
    report.itemCount = instrument.items.length;
    report.requiredCount = instrument.requiredCount;
    report.areas = instrument.areas.map((a) => ({
      code: a.code,
      name: a.name,
      weight: a.weight,
      pemenuhanWeight: a.pemenuhanWeight,
      reformWeight: a.reformWeight,
    }));
  } else if (items.size) report.itemCount = items.size;

  const db = diffBase(rows, year);
  if (db && items.size) {
    try {
      report.diff = diffAgainst(await instrumentOf(em, db.id), db, items);
    } catch {
      report.diff = null; // a stored version that no longer loads has nothing to compare with
    }
  }
  return { report, instrument, formulas: table };
}

// ---------------------------------------------------------------------------------------------------------
// Create, activate, list
// ---------------------------------------------------------------------------------------------------------

function refusal(report: ValidationReport) {
  const n = report.issues.length;
  const message = report.formulaTableRequired
    ? report.formulasFromVersionId == null
      ? 'Tabel rumus harus diunggah: belum ada versi instrumen sebelumnya yang tabel rumusnya dapat dipakai'
      : `Tabel rumus harus diunggah: soal rumus dalam daftar soal ini berubah sehingga tabel rumus versi ${report.formulasFromVersionId} tidak dapat dipakai`
    : `Instrumen tidak valid (${n} masalah): ${report.issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}${n > 5 ? '; …' : ''}`;
  return badInput(message, { issues: report.issues, formulaTableRequired: report.formulaTableRequired });
}

const MAX_FILE_NAME = 255;

/** Stores a new, inactive version when the list (with its own or the reused formula table) is valid. */
export async function createVersion(ctx: Ctx, master: unknown, formulas: unknown, sourceFileName?: string | null): Promise<InstrumentVersion> {
  const user = requireAdmin(ctx, INSTRUMENT_ADMIN_ONLY);
  const name = sourceFileName?.trim() || null;
  if (name && name.length > MAX_FILE_NAME) throw badInput(`Nama berkas terlalu panjang (maksimal ${MAX_FILE_NAME} karakter)`);
  const { report, instrument, formulas: table } = await validateVersion(ctx.em, master, formulas);
  if (!report.ok || !instrument) throw refusal(report);
  const v = await ctx.em.transactional(async (em) => {
    const row = em.create(InstrumentVersion, {
      year: instrument.year,
      master,
      formulas: table,
      active: false,
      createdAt: new Date(),
      createdBy: em.getReference(User, user.id),
      sourceFileName: name,
      formulasFromId: report.formulasReused ? report.formulasFromVersionId : null,
    });
    await em.flush();
    audit(em, ctx, {
      action: 'instrument.create',
      objectType: 'InstrumentVersion',
      objectId: row.id,
      after: {
        year: row.year,
        itemCount: instrument.items.length,
        sourceFileName: name,
        formulasFromId: row.formulasFromId ?? null,
        diff: report.diff
          ? {
              baseVersionId: report.diff.baseVersionId,
              added: report.diff.added,
              removed: report.diff.removed,
              textChanged: report.diff.textChanged,
              typeChanged: report.diff.typeChanged,
            }
          : null,
      },
    });
    await em.flush();
    return row;
  });
  rememberInstrument(ctx.em, v.id, instrument);
  return v;
}

/** Re-validates a stored version and makes it the active one of its year (the others of that year are deactivated). */
export async function activateVersion(ctx: Ctx, id: number): Promise<InstrumentVersion> {
  requireAdmin(ctx, INSTRUMENT_ADMIN_ONLY);
  const v = await ctx.em.transactional(async (em) => {
    const v = await em.findOne(InstrumentVersion, id);
    if (!v) throw notFound('Versi instrumen', id);
    let inst: Instrument;
    try {
      inst = loadInstrument(v.master, v.formulas);
    } catch (e) {
      const issues = issuesOf(e);
      throw invalidState(`Versi instrumen ${id} tidak dapat diaktifkan: ${issues.length} masalah ditemukan saat validasi ulang`, { issues });
    }
    if (inst.year !== v.year) throw invalidState(`Versi instrumen ${id} tercatat untuk tahun ${v.year}, tetapi daftar soalnya untuk tahun ${inst.year}`);
    if (v.active) return v;
    const others = await em.find(InstrumentVersion, { year: v.year, active: true, id: { $ne: v.id } }, { fields: ['id', 'active'] });
    for (const o of others) o.active = false;
    v.active = true;
    audit(em, ctx, {
      action: 'instrument.activate',
      objectType: 'InstrumentVersion',
      objectId: v.id,
      before: { year: v.year, activeVersionIds: others.map((o) => o.id) },
      after: { year: v.year, activeVersionId: v.id },
    });
    await em.flush();
    rememberInstrument(em, v.id, inst);
    return v;
  });
  return v;
}

export interface VersionSummary {
  version: Pick<InstrumentVersion, 'id' | 'year' | 'active' | 'createdAt' | 'createdBy' | 'sourceFileName' | 'formulasFromId'>;
  instrument: Instrument | null;
  issues: InstrumentIssue[];
  periods: Period[];
}

/** Every version (newest first) with its parsed instrument (cached), its periods and who uploaded it. */
export async function listVersions(ctx: Ctx): Promise<VersionSummary[]> {
  requireAdmin(ctx, INSTRUMENT_ADMIN_ONLY);
  const em = ctx.em;
  const [versions, periods] = await Promise.all([
    em.find(InstrumentVersion, {}, { exclude: ['master', 'formulas'], populate: ['createdBy'], orderBy: { year: 'desc', id: 'desc' } }),
    em.find(Period, {}, { orderBy: { id: 'asc' } }),
  ]);
  const out: VersionSummary[] = [];
  for (const v of versions) {
    let instrument: Instrument | null = null;
    let issues: InstrumentIssue[] = [];
    try {
      instrument = await instrumentOf(em, v.id);
    } catch (e) {
      issues = issuesOf(e);
    }
    out.push({ version: v, instrument, issues, periods: periods.filter((p) => p.instrumentVersion.id === v.id) });
  }
  return out;
}

/**
 * A version a period may use: it exists, is active, loads, and is of the period's year. Returns the parsed
 * instrument (BAD_USER_INPUT / NOT_FOUND otherwise).
 */
export async function usableVersion(em: EntityManager, versionId: number, year: number): Promise<Instrument> {
  const v = await em.findOne(InstrumentVersion, versionId, { fields: ['id', 'year', 'active'] });
  if (!v) throw notFound('Versi instrumen', versionId);
  if (!v.active) throw badInput(`Versi instrumen ${versionId} belum aktif: aktifkan terlebih dahulu`);
  if (v.year !== year) throw badInput(`Versi instrumen ${versionId} untuk tahun ${v.year}, bukan tahun ${year}`);
  try {
    return await instrumentOf(em, versionId);
  } catch (e) {
    if (e instanceof InstrumentError) throw badInput(`Versi instrumen ${versionId} tidak valid`, { issues: issuesOf(e) });
    throw e;
  }
}
