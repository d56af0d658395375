/**
 * Issue 15: the organisation migration keeps today's data. An old-schema database (every migration before it) gets
 * Kanwil, units, roles, periods, predicates, submissions and deadline extensions; then the rest runs and everything
 * is still there, each Kanwil under the default instansi. Runs on SQLite, and on PostgreSQL with PANTAU_TEST_PG_URL.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, ON_PG } from '../../../test/support/pg';
import { MIGRATIONS } from '../migrations';
import { initOrm, type DbTarget, type Orm } from './orm';
import { pendingSchemaChanges } from './schema-diff';
import { DEFAULT_INSTANSI_CODE, DEFAULT_INSTANSI_ID, Kanwil, Satker } from '../modules/org/entities';

const ORG = 'Migration20261202051000_organisation';
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.name === ORG) - 1].name;

async function oldDatabase(target: DbTarget): Promise<Orm> {
  const orm = await initOrm(target);
  await orm.getMigrator().up({ to: PREVIOUS });
  const k = orm.em.getKnex();
  const t = new Date('2025-01-02T03:04:05Z');
  await k('kanwil').insert([
    { id: 1, code: 'KW-SUMUT', name: 'Kanwil Kemenkumham Sumatera Utara', created_at: t },
    { id: 5, code: 'KW-KEPRI', name: 'Kanwil Kemenkumham Kepulauan Riau', created_at: t },
  ]);
  await k('satker').insert([
    {
      id: 10,
      code: 'KANIM-POLONIA',
      name: 'Kantor Imigrasi Kelas I Khusus TPI Medan (Polonia)',
      kind: 'KANIM',
      division: 'Imigrasi',
      kanwil_id: 1,
      created_at: t,
    },
    { id: 11, code: 'LAPAS-MEDAN', name: 'Lapas Kelas I Medan', kind: 'LAPAS', division: 'Pemasyarakatan', kanwil_id: 1, created_at: t },
    { id: 12, code: 'KANIM-BATAM', name: 'Kantor Imigrasi Batam', kind: 'KANIM', division: null, kanwil_id: 5, created_at: t },
  ]);
  await k('app_user').insert({ id: 3, username: 'kakanwil', display_name: 'Kakanwil', password_hash: 'x', active: true, locale: 'id', created_at: t });
  await k('role_assignment').insert([
    { id: 1, user_id: 3, role: 'KANWIL_HEAD', kanwil_id: 1, satker_id: null },
    { id: 2, user_id: 3, role: 'COORDINATOR', kanwil_id: null, satker_id: 12 },
  ]);
  await k('predicate_history').insert({
    id: 7,
    satker_id: 10,
    predicate: 'WBK',
    year: 2020,
    decree_number: 'KEP-1/2020',
    decree_date: '2020-12-10',
    revoked: false,
  });
  // a PortalRB token of a Kanwil: stays that Kanwil's after tokens may belong to an instansi (kanwil_id nullable)
  await k('portal_rb_token').insert({
    id: 4,
    kanwil_id: 5,
    token_hash: 'a'.repeat(64),
    prefix: 'pzi_aaaaaaaa',
    created_by_id: 3,
    created_at: t,
    revoked_at: null,
  });
  // Explicit ids: move PostgreSQL's sequences past them, as rows written by the application would have.
  if (target.kind === 'postgresql') {
    for (const t of ['kanwil', 'satker', 'app_user', 'role_assignment', 'predicate_history', 'portal_rb_token'])
      await k.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  return orm;
}

async function check(target: DbTarget) {
  const orm = await oldDatabase(target);
  try {
    await orm.getMigrator().up();
    const k = orm.em.getKnex();
    expect(await k('instansi').select('id', 'code')).toEqual([{ id: DEFAULT_INSTANSI_ID, code: DEFAULT_INSTANSI_CODE }]);
    const kanwil = await k('kanwil').select('id', 'code', 'instansi_id', 'eselon_id', 'kind').orderBy('id');
    expect(kanwil).toEqual([
      { id: 1, code: 'KW-SUMUT', instansi_id: 1, eselon_id: null, kind: 'OTHER' },
      { id: 5, code: 'KW-KEPRI', instansi_id: 1, eselon_id: null, kind: 'OTHER' },
    ]);
    expect(
      (await k('satker').select('id', 'kanwil_id', 'division', 'predecessor_id').orderBy('id')).map((r) => [r.id, r.kanwil_id, r.division, r.predecessor_id]),
    ).toEqual([
      [10, 1, 'Imigrasi', null],
      [11, 1, 'Pemasyarakatan', null],
      [12, 5, null, null],
    ]);
    // References with ON DELETE SET NULL survive the SQLite table rebuild.
    expect((await k('role_assignment').select('id', 'kanwil_id', 'satker_id').orderBy('id')).map((r) => [r.id, r.kanwil_id, r.satker_id])).toEqual([
      [1, 1, null],
      [2, null, 12],
    ]);
    expect(await k('predicate_history').select('satker_id', 'awarded_by')).toEqual([{ satker_id: 10, awarded_by: 'TPN' }]);
    expect(await k('portal_rb_token').select('id', 'kanwil_id', 'instansi_id', 'prefix')).toEqual([
      { id: 4, kanwil_id: 5, instansi_id: null, prefix: 'pzi_aaaaaaaa' },
    ]);
    expect(await pendingSchemaChanges(orm)).toEqual([]);

    // New rows after the migration: ids continue, a Kanwil without an instansi gets the default, KANWIL units allowed.
    const em = orm.em.fork();
    const kw = em.create(Kanwil, { code: 'KW-BARU', name: 'Kanwil Baru' });
    await em.flush();
    expect(kw.id).toBeGreaterThan(5);
    expect(kw.instansi.id).toBe(DEFAULT_INSTANSI_ID);
    const office = em.create(Satker, {
      code: 'KW-BARU-KANTOR',
      name: 'Kantor Wilayah Baru',
      kind: 'KANWIL' as never,
      kanwil: kw,
      predecessor: em.getReference(Satker, 12),
      validFrom: '2025-01-01',
    });
    await em.flush();
    expect(office.id).toBeGreaterThan(12);
    const fkBad = await (orm.em.getConnection().getPlatform().constructor.name.includes('Postgre')
      ? Promise.resolve([])
      : orm.em.getConnection().execute('pragma foreign_key_check'));
    expect(fkBad).toEqual([]);
  } finally {
    await orm.close(true);
  }
}

describe('organisation migration (issue 15)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('SQLite: an existing database keeps its Kanwil, units, roles and predicates; Kanwil go under the default instansi', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-orgmig-'));
    dirs.push(dir);
    await check({ kind: 'sqlite', file: path.join(dir, 'old.sqlite') });
  });

  it.runIf(ON_PG)('PostgreSQL: the same', async () => {
    const db = await freshPgDatabase('pantau_orgmig');
    try {
      await check({ kind: 'postgresql', url: db.url });
    } finally {
      await db.drop();
    }
  });
});
