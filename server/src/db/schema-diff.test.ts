/**
 * Migration drift check: applying every migration to an empty database gives exactly the schema the entities
 * describe (the schema generator has nothing left to change), on SQLite and on PostgreSQL.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, ON_PG } from '../../../test/support/pg';
import { openOrm } from './orm';
import { pendingSchemaChanges } from './schema-diff';

describe('migrations match the entities', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('on SQLite', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-drift-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const { orm } = await openOrm(path.join(dir, 'drift.sqlite'));
    try {
      expect(await pendingSchemaChanges(orm)).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });

  it.runIf(ON_PG)('on PostgreSQL', async () => {
    const db = await freshPgDatabase('pantau_drift');
    cleanups.push(() => db.drop());
    const { orm } = await openOrm({ kind: 'postgresql', url: db.url });
    try {
      expect(await pendingSchemaChanges(orm)).toEqual([]);
      // the migrations ran once, in order, and are recorded
      const done = await orm.getMigrator().getExecutedMigrations();
      expect(done.length).toBeGreaterThan(0);
    } finally {
      await orm.close(true);
    }
  });
});
