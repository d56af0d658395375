/**
 * PostgreSQL for tests: PANTAU_TEST_PG_URL points at a server where the user may create databases (CI: `.ci/run`
 * starts Debian's postgresql and sets it). Each test file gets a fresh database of its own.
 */
import { randomBytes } from 'node:crypto';
import { knex } from '@mikro-orm/knex';

export const PG_URL = process.env.PANTAU_TEST_PG_URL || '';

/**
 * True in the PostgreSQL pass of `npm test` (scripts/test-pg.mjs sets PANTAU_TEST_PASS=pg). The first pass runs on
 * SQLite even though CI exports PANTAU_TEST_PG_URL for the whole run: without the pass flag both passes ran on
 * PostgreSQL and the SQLite-only tests were skipped.
 */
export const ON_PG = PG_URL !== '' && process.env.PANTAU_TEST_PASS === 'pg';

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Creates an empty database; returns its URL and a drop() that removes it (closing other sessions first). */
export async function freshPgDatabase(prefix = 'pantau_t'): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('PANTAU_TEST_PG_URL is not set');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database "${name}"`);
  } finally {
    await admin.destroy();
  }
  return {
    url: withDatabase(PG_URL, name),
    async drop() {
      const a = knex({ client: 'pg', connection: PG_URL, pool: { min: 0, max: 1 } });
      try {
        // an autovacuum worker on the database can make the forced drop fail (terminating it needs
        // pg_signal_backend, which .ci/run grants); it ends in moments, so try again before giving up
        for (let attempt = 1; ; attempt++) {
          try {
            await a.raw(`drop database if exists "${name}" with (force)`);
            break;
          } catch (err) {
            if (attempt >= 10) throw err;
            await new Promise((r) => setTimeout(r, 300));
          }
        }
      } finally {
        await a.destroy();
      }
    },
  };
}
