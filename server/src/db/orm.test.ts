/** Opening the database: PostgreSQL migrations run once when several processes start together. */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { freshPgDatabase, ON_PG } from '../../../test/support/pg';
import { MIGRATIONS } from '../migrations';
import { openOrm } from './orm';

describe.runIf(ON_PG)('migration lock (PostgreSQL)', () => {
  it('four ORMs opening one empty database together apply every migration exactly once', async () => {
    const db = await freshPgDatabase('pantau_miglock');
    try {
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openOrm({ kind: 'postgresql', url: db.url })));
      const orms = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value.orm] : []));
      try {
        expect(opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
        const rows = await orms[0].em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
        expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      } finally {
        for (const o of orms) await o.close(true);
      }
    } finally {
      await db.drop();
    }
  });
});
