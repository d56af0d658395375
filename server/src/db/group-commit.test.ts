/**
 * Group commit on a real SQLite file: concurrent write transactions share one COMMIT, each under its own SAVEPOINT;
 * a failing one leaves nothing behind and the others succeed; every caller is answered after the COMMIT.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/knex';
import { openOrm, type Orm } from './orm';
import { groupCommitOf, writeTransaction } from './group-commit';
import { Instansi } from '../modules/org/entities';

describe('group commit (SQLite)', () => {
  let dir: string;
  let orm: Orm;
  const log: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-group-'));
    orm = (await openOrm({ kind: 'sqlite', file: path.join(dir, 'g.sqlite') })).orm;
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (q: { sql: string }) => log.push(q.sql.split(' ')[0].toLowerCase().replace(/;$/, '')));
  });
  afterAll(async () => {
    await orm?.close(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const add = (code: string) => async (em: EntityManager) => {
    em.create(Instansi, { code, name: `Instansi ${code}` });
    await em.flush();
    return code;
  };
  const codes = async () =>
    (await orm.em.fork().find(Instansi, { code: { $like: 'G%' } }, { orderBy: { code: 'asc' } })).map((i) => i.code).filter((c) => c !== 'INSTANSI');

  it('concurrent transactions share one BEGIN/COMMIT; one that fails after writing changes nothing and the others succeed', async () => {
    const batches = groupCommitOf(orm.em.fork()).batches;
    log.length = 0;
    const results = await Promise.allSettled([
      writeTransaction(orm.em.fork(), add('G1')),
      writeTransaction(orm.em.fork(), async (em) => {
        await add('G2-FAILS')(em); // written, then the unique code collides: its savepoint is rolled back
        await add('G1')(em);
      }),
      writeTransaction(orm.em.fork(), add('G3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/unique/i);
    expect(await codes()).toEqual(['G1', 'G3']);
    expect(groupCommitOf(orm.em.fork()).batches).toBe(batches + 1);
    expect(log.filter((s) => s === 'begin')).toHaveLength(1);
    expect(log.filter((s) => s === 'commit')).toHaveLength(1);
    expect(log.filter((s) => s === 'savepoint')).toHaveLength(2);
    expect(log.filter((s) => s === 'rollback')).toHaveLength(1); // ROLLBACK TO SAVEPOINT of the failing one
  });

  it('a first transaction that fails rolls its batch back alone; the queued ones still commit', async () => {
    const results = await Promise.allSettled([
      writeTransaction(orm.em.fork(), async (em) => {
        await add('G4-FAILS')(em);
        throw new Error('refused');
      }),
      writeTransaction(orm.em.fork(), add('G5')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(await codes()).toEqual(['G1', 'G3', 'G5']);
  });

  it('answers each caller only after the COMMIT that made its write durable; a lone write is BEGIN · its statements · COMMIT', async () => {
    log.length = 0;
    await writeTransaction(orm.em.fork(), add('G6')).then(() => log.push('answered'));
    expect(log).toEqual(['begin', 'insert', 'commit', 'answered']);
  });
});
