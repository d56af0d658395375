import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, type DbTarget, type Orm } from '../../db/orm';
import { freshPgDatabase, ON_PG } from '../../../../test/support/pg';
import { RateLimiter } from './service';

// the same statements on both databases (the PostgreSQL half runs in npm test's second pass)
describe.each(ON_PG ? ['sqlite', 'postgresql'] : ['sqlite'])('RateLimiter (database windows) on %s', (kind) => {
  let orm: Orm;
  let target: DbTarget;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (kind === 'postgresql') {
      const db = await freshPgDatabase('pantau_rl');
      target = { kind: 'postgresql', url: db.url };
      cleanup = () => db.drop();
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-rl-'));
      target = { kind: 'sqlite', file: path.join(dir, 'db.sqlite') };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    ({ orm } = await openOrm(target));
  });
  afterAll(async () => {
    await orm?.close(true);
    await cleanup?.();
  });

  it('counts per subject in fixed windows', async () => {
    let now = 1_000_000;
    const l = new RateLimiter('t1', 3, 60_000, () => now);
    const em = orm.em.fork();
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await l.consume(em, 'a'));
    expect(takes.map((t) => t.allowed)).toEqual([true, true, true, false]);
    expect(takes[3]).toEqual({ points: 4, allowed: false, msBeforeReset: 60_000 });
    expect((await l.consume(em, 'b')).allowed).toBe(true);
    now += 30_000;
    expect((await l.consume(em, 'a')).msBeforeReset).toBe(30_000);
    now += 30_000;
    expect(await l.consume(em, 'a')).toEqual({ points: 1, allowed: true, msBeforeReset: 60_000 });
  });

  it('parallel consumers each get their own count (no lost update), across two connections', async () => {
    const other = await openOrm(target);
    try {
      const l = new RateLimiter('t2', 10, 60_000);
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => l.consume((i % 2 ? other.orm : orm).em.fork(), 'x')));
      expect(results.map((r) => r.points).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
    } finally {
      await other.orm.close(true);
    }
  });

  it('refund gives a point back, reset and sweep clear', async () => {
    let now = 5_000_000;
    const l = new RateLimiter('t3', 2, 1000, () => now);
    const em = orm.em.fork();
    await l.consume(em, 's');
    await l.consume(em, 's');
    await l.refund(em, 's');
    expect((await l.consume(em, 's')).points).toBe(2);
    await l.reset(em, 's');
    expect((await l.consume(em, 's')).points).toBe(1);
    now += 5000;
    await RateLimiter.sweep(em, now);
    const left = await em.getConnection().execute(`select count(*) as n from rate_limit_counter where counter_key = 't3:s'`);
    expect(Number(left[0].n)).toBe(0);
  });
});
