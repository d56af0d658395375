import type { EntityManager } from '@mikro-orm/knex';
import { BUNDLED_INSTRUMENTS, DEFAULT_INSTRUMENT_YEAR, loadInstrument, type Instrument } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { requireUser } from '../../common/authz';
import { InstrumentVersion } from './entities';
import { notFound } from '../../common/errors';

/**
 * Parsed instruments by database + version id (parsing the master list is the expensive part). Safe with several
 * server processes: a version's list and formula table never change once stored, and which version is active is
 * read from the database on every request (activeVersionOfYear), so an import or activation in one process is seen
 * by every other at once (test/api/multiprocess.api.test.ts).
 */
const parsed = new Map<string, Instrument>();

function cacheKey(em: EntityManager, versionId: number) {
  return `${em.config.get('dbName')}#${versionId}`;
}

/** The parsed instrument of a version (one query on a cache miss, none on a hit). */
export async function instrumentOf(em: EntityManager, versionId: number): Promise<Instrument> {
  const key = cacheKey(em, versionId);
  let inst = parsed.get(key);
  if (!inst) {
    const v = await em.findOne(InstrumentVersion, versionId);
    if (!v) throw notFound('Versi instrumen', versionId);
    inst = loadInstrument(v.master, v.formulas);
    parsed.set(key, inst);
  }
  return inst;
}

/** Caches an instrument parsed elsewhere (a version just created or re-validated): versions never change. */
export function rememberInstrument(em: EntityManager, versionId: number, inst: Instrument): void {
  parsed.set(cacheKey(em, versionId), inst);
}

/** The active instrument version of a year (the latest active one), or null. */
export async function activeVersionOfYear(em: EntityManager, year: number): Promise<{ id: number; year: number } | null> {
  return em.findOne(InstrumentVersion, { year, active: true }, { orderBy: { id: 'desc' }, fields: ['id', 'year', 'active'] });
}

/** Creates the bundled instrument versions that are not in the database yet (reference data, on every start). */
export async function ensureBundledInstruments(em: EntityManager): Promise<void> {
  for (const [yearStr, b] of Object.entries(BUNDLED_INSTRUMENTS)) {
    const year = Number(yearStr);
    const exists = await em.count(InstrumentVersion, { year });
    if (exists) continue;
    loadInstrument(b.master, b.formulas); // refuse to store an invalid bundled list
    em.persist(
      em.create(InstrumentVersion, {
        year,
        master: b.master,
        formulas: b.formulas,
        active: true,
        createdAt: new Date(),
        createdBy: null,
        sourceFileName: `bawaan: lke-zi-${year}-master-soal.json`,
        formulasFromId: null,
      }),
    );
  }
  await em.flush();
}

/** The instrument a signed-in user asked for: a given version, else the active version of a year (default 2026). */
export async function requestedInstrument(ctx: Ctx, year?: number | null, versionId?: number | null): Promise<{ id: number; instrument: Instrument }> {
  requireUser(ctx);
  let id = versionId ?? null;
  if (id == null) {
    const y = year ?? DEFAULT_INSTRUMENT_YEAR;
    const v = await activeVersionOfYear(ctx.em, y);
    if (!v) throw notFound(`Instrumen tahun ${y}`);
    id = v.id;
  }
  return { id, instrument: await instrumentOf(ctx.em, id) };
}
