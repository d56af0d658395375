/**
 * Issue 15 item 2: the review-route migration keeps today's data. A database built by every migration before it
 * holds a submission in desk review with answers, a note thread, evidence, a notification, a cached score, a
 * deadline extension and role grants; after the migration (SQLite rebuilds the tables whose enum checks widen) all
 * of it is still there, nothing points elsewhere, the submission follows the default route and the new values fit.
 * Runs on SQLite, and on PostgreSQL with PANTAU_TEST_PG_URL.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ROUTE } from '@pantau/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, ON_PG } from '../../../test/support/pg';
import { MIGRATIONS } from '../migrations';
import { initOrm, type DbTarget, type Orm } from './orm';
import { pendingSchemaChanges } from './schema-diff';
import { Submission } from '../modules/submission/entities';
import { submissionRoute } from '../modules/route/lookup';

const ROUTE = 'Migration20261202133953_review_route';
const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.name === ROUTE) - 1].name;
const T = new Date('2026-03-04T05:06:07Z');

async function oldDatabase(target: DbTarget): Promise<Orm> {
  const orm = await initOrm(target);
  await orm.getMigrator().up({ to: PREVIOUS });
  const k = orm.em.getKnex();
  await k('kanwil').insert({ id: 1, code: 'KW-SUMUT', name: 'Kanwil Sumatera Utara', created_at: T, instansi_id: 1, kind: 'OTHER' });
  await k('satker').insert({ id: 10, code: 'KANIM-POLONIA', name: 'Kanim Polonia', kind: 'KANIM', kanwil_id: 1, created_at: T });
  await k('app_user').insert([
    { id: 3, username: 'kakanwil', display_name: 'Kakanwil', password_hash: 'x', active: true, locale: 'id', created_at: T },
    { id: 4, username: 'evaluator', display_name: 'Evaluator', password_hash: 'x', active: true, locale: 'id', created_at: T },
  ]);
  await k('role_assignment').insert([
    { id: 1, user_id: 3, role: 'KANWIL_HEAD', kanwil_id: 1, satker_id: null },
    { id: 2, user_id: 4, role: 'EVALUATOR', kanwil_id: null, satker_id: null },
  ]);
  await k('instrument_version').insert({
    id: 1,
    year: 2026,
    master: '{}',
    formulas: '{}',
    active: true,
    created_at: T,
  });
  await k('period').insert({ id: 2, year: 2026, name: 'Periode 2026', instrument_version_id: 1, created_at: T, desk_evaluation_deadline: T });
  await k('submission').insert({
    id: 5,
    satker_id: 10,
    period_id: 2,
    target: 'WBK',
    status: 'REVISION_REQUESTED',
    round: 2,
    returned_by: 'TPI',
    return_reason: 'Perbaiki butir 5',
    returned_at: T,
    version: 7,
    created_at: T,
    updated_at: T,
  });
  await k('answer').insert([
    { id: 1, submission_id: 5, soal_id: 1, level: 'SELF', value_json: '"Ya"', note: null, updated_by_id: 3, updated_at: T, version: 2 },
    { id: 2, submission_id: 5, soal_id: 1, level: 'TPI', value_json: '"Tidak"', note: 'Bukti kurang', updated_by_id: 4, updated_at: T, version: 3 },
  ]);
  await k('review_note').insert([
    { id: 1, submission_id: 5, soal_id: 1, level: 'TPI', round: 1, author_id: 4, body: 'Lampirkan SK', created_at: T, resolved: false },
    { id: 2, submission_id: 5, soal_id: 1, level: 'TPI', round: 1, author_id: 3, body: 'Sudah dilampirkan', created_at: T, resolved: false, parent_id: 1 },
  ]);
  await k('evidence').insert({
    id: 8,
    submission_id: 5,
    purpose: 'LHE',
    soal_id: null,
    level: 'TPI',
    current_revision: 1,
    created_by_id: 4,
    created_at: T,
    updated_at: T,
    deleted: false,
  });
  await k('deadline_extension').insert({
    id: 1,
    period_id: 2,
    stage: 'deskEvaluation',
    satker_id: 10,
    deadline: T,
    reason: 'Banjir',
    created_by_id: 3,
    created_at: T,
  });
  await k('notification').insert({
    id: 1,
    user_id: 3,
    kind: 'RETURNED',
    title: 'Dikembalikan',
    body: 'Perbaiki',
    path: '/x',
    submission_id: 5,
    created_at: T,
  });
  await k('submission_score_cache').insert({ submission_id: 5, fingerprint: 'f', payload: '{}', computed_at: T });
  if (target.kind === 'postgresql') {
    for (const t of [
      'kanwil',
      'satker',
      'app_user',
      'role_assignment',
      'instrument_version',
      'period',
      'submission',
      'answer',
      'review_note',
      'evidence',
      'deadline_extension',
      'notification',
    ])
      await k.raw(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  return orm;
}

async function check(target: DbTarget) {
  const orm = await oldDatabase(target);
  try {
    await orm.getMigrator().up();
    const k = orm.em.getKnex();
    expect(await k('submission').select('id', 'status', 'round', 'returned_by', 'return_reason', 'version')).toEqual([
      { id: 5, status: 'REVISION_REQUESTED', round: 2, returned_by: 'TPI', return_reason: 'Perbaiki butir 5', version: 7 },
    ]);
    expect(
      (await k('answer').select('id', 'level', 'value_json', 'note', 'version').orderBy('id')).map((r) => [r.id, r.level, r.value_json, r.note, r.version]),
    ).toEqual([
      [1, 'SELF', '"Ya"', null, 2],
      [2, 'TPI', '"Tidak"', 'Bukti kurang', 3],
    ]);
    // the reply keeps its thread (review_note.parent_id is ON DELETE SET NULL to its own table)
    expect((await k('review_note').select('id', 'parent_id').orderBy('id')).map((r) => [r.id, r.parent_id])).toEqual([
      [1, null],
      [2, 1],
    ]);
    expect(await k('evidence').select('id', 'level', 'purpose')).toEqual([{ id: 8, level: 'TPI', purpose: 'LHE' }]);
    expect(await k('deadline_extension').select('id', 'stage', 'satker_id')).toEqual([{ id: 1, stage: 'deskEvaluation', satker_id: 10 }]);
    expect((await k('role_assignment').select('id', 'role', 'kanwil_id').orderBy('id')).map((r) => [r.id, r.role, r.kanwil_id])).toEqual([
      [1, 'KANWIL_HEAD', 1],
      [2, 'EVALUATOR', null],
    ]);
    // a SET NULL child (notification) and a CASCADE child (score cache) of the rebuilt submission table keep their rows
    expect(await k('notification').select('id', 'submission_id')).toEqual([{ id: 1, submission_id: 5 }]);
    expect(await k('submission_score_cache').select('submission_id', 'fingerprint')).toEqual([{ submission_id: 5, fingerprint: 'f' }]);
    expect(await k('review_route').select('id')).toEqual([]);
    expect(await pendingSchemaChanges(orm)).toEqual([]);
    if (target.kind === 'sqlite') expect(await orm.em.getConnection().execute('pragma foreign_key_check')).toEqual([]);

    // the existing submission follows the default route; the new values are accepted; ids continue
    const em = orm.em.fork();
    const sub = await em.findOneOrFail(Submission, 5, { populate: ['satker', 'satker.kanwil', 'period'] });
    expect(await submissionRoute(em, sub)).toEqual(DEFAULT_ROUTE);
    await k('submission').where({ id: 5 }).update({ status: 'ESELON_I_REVIEW', returned_by: 'ESELON_I' });
    await k('answer').insert({ submission_id: 5, soal_id: 1, level: 'ESELON_I', value_json: '"Ya"', updated_at: T, version: 1 });
    await k('role_assignment').insert({ user_id: 4, role: 'TPM_EVALUATOR', instansi_id: 1 });
    await k('deadline_extension').insert({ period_id: 2, stage: 'eselonReview', deadline: T, reason: 'Uji', created_by_id: 3, created_at: T });
    expect((await k('answer').max('id as m'))[0].m).toBe(3);
  } finally {
    await orm.close(true);
  }
}

describe('review route migration (issue 15)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('SQLite: an existing database keeps its submissions, answers, notes, evidence, grants and the rows pointing at them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-routemig-'));
    dirs.push(dir);
    await check({ kind: 'sqlite', file: path.join(dir, 'old.sqlite') });
  });

  it('SQLite: a database that applied a later migration first keeps that migration’s column and triggers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-routemig-'));
    dirs.push(dir);
    const orm = await initOrm({ kind: 'sqlite', file: path.join(dir, 'later.sqlite') });
    try {
      const all = MIGRATIONS.map((m) => m.name);
      const later = all.slice(all.indexOf(ROUTE) + 1);
      await orm.getMigrator().up({ to: PREVIOUS });
      for (const name of later) await orm.getMigrator().up({ migrations: [name] });
      const k = orm.em.getKnex();
      await k('kanwil').insert({ id: 1, code: 'KW', name: 'Kanwil', created_at: T, instansi_id: 1, kind: 'OTHER' });
      await k('satker').insert({ id: 10, code: 'U', name: 'Unit', kind: 'KANIM', kanwil_id: 1, created_at: T });
      await k('instrument_version').insert({ id: 1, year: 2026, master: '{}', formulas: '{}', active: true, created_at: T });
      await k('period').insert({ id: 2, year: 2026, name: 'P', instrument_version_id: 1, created_at: T });
      await k('submission').insert({ id: 5, satker_id: 10, period_id: 2, target: 'WBK', status: 'DRAFT', round: 1, version: 1, created_at: T, updated_at: T });
      await k('answer').insert({ submission_id: 5, soal_id: 1, level: 'SELF', value_json: '"Ya"', updated_at: T, version: 1 });
      const rev = async () => Number((await k('submission').where({ id: 5 }).first('answers_rev')).answers_rev);
      const before = await rev();
      await orm.getMigrator().up();
      expect(await rev()).toBe(before);
      await k('answer').insert({ submission_id: 5, soal_id: 2, level: 'ESELON_I', value_json: '"Ya"', updated_at: T, version: 1 });
      expect(await rev()).toBe(before + 1);
      expect(await pendingSchemaChanges(orm)).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });

  it.runIf(ON_PG)('PostgreSQL: the same', async () => {
    const db = await freshPgDatabase('pantau_routemig');
    try {
      await check({ kind: 'postgresql', url: db.url });
    } finally {
      await db.drop();
    }
  });
});
