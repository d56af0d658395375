import { MikroORM, ReflectMetadataProvider, defineConfig, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { PostgreSqlDriver, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

/** The ORM as the server uses it: a knex-based SQL driver (SQLite or PostgreSQL). */
export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager>;

/**
 * Where the data lives: the embedded SQLite file (default) or a PostgreSQL database (PANTAU_DATABASE_URL).
 * A string is a SQLite file path (kept for the callers that pass one).
 */
export type DbTarget = { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };

export function dbTarget(t: DbTarget | string): DbTarget {
  return typeof t === 'string' ? { kind: 'sqlite', file: t } : t;
}

/** Counts SQL statements sent to the database (used by the query-count test and the benchmark). */
export interface SqlCounter {
  count: number;
}

export function ormConfig(target: DbTarget | string, opts: { debug?: boolean; poolMax?: number } = {}): Options {
  const t = dbTarget(target);
  const common = {
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: path.resolve(__dirname, '..', '..', 'src', 'migrations'),
      pathTs: path.resolve(__dirname, '..', '..', 'src', 'migrations'),
      emit: 'ts' as const,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
    debug: opts.debug ?? false,
    forceUtcTimezone: true,
  };
  if (t.kind === 'postgresql') {
    return defineConfig({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: t.url,
      pool: { min: 0, max: opts.poolMax ?? 10 },
    });
  }
  return defineConfig({
    ...common,
    driver: SqliteDriver,
    dbName: t.file,
    pool: {
      min: 1,
      max: 1,
      // WAL: readers do not block the writer and a crash never leaves a half-written page.
      afterCreate: (conn: any, done: (err: Error | null, conn: unknown) => void) => {
        conn.run('PRAGMA journal_mode = WAL', (e1: Error | null) => {
          if (e1) return done(e1, conn);
          conn.run('PRAGMA foreign_keys = ON', (e2: Error | null) => {
            if (e2) return done(e2, conn);
            conn.run('PRAGMA busy_timeout = 5000', (e3: Error | null) => done(e3, conn));
          });
        });
      },
    },
  });
}

/** Opens the database without migrating it (the schema tools and tests use this). */
export async function initOrm(target: DbTarget | string, opts: { debug?: boolean } = {}): Promise<Orm> {
  const t = dbTarget(target);
  if (t.kind === 'sqlite') fs.mkdirSync(path.dirname(t.file), { recursive: true });
  return (await MikroORM.init(ormConfig(t, opts))) as unknown as Orm;
}

/**
 * Opens the database (creating its directory), applies pending migrations and installs the SQL counter.
 * `setup` (bundled instruments, demo data) runs after the migrations under the same lock, so processes starting
 * together never seed twice.
 */
export async function openOrm(target: DbTarget | string, setup?: (orm: Orm) => Promise<void>): Promise<{ orm: Orm; sql: SqlCounter }> {
  const orm = await initOrm(target);
  const sql: SqlCounter = { count: 0 };
  const knex = orm.em.getConnection().getKnex();
  knex.on('query', () => {
    sql.count++;
  });
  try {
    await migrateUnderLock(orm, setup);
  } catch (e) {
    await orm.close(true);
    throw e;
  }
  return { orm, sql };
}

export function isPostgres(orm: Orm): boolean {
  return orm.em.getPlatform() instanceof PostgreSqlPlatform;
}

/** Advisory lock key of the migration run (any fixed 64-bit number; "PANTAUMG"). */
const MIGRATION_LOCK = '5782620046916790087';

/**
 * Applies pending migrations. On PostgreSQL several processes may start together: each takes a session advisory
 * lock on a connection of its own first, so one migrates while the others wait and then find nothing pending.
 * (On SQLite one process owns the file.)
 */
export async function migrateUnderLock(orm: Orm, setup?: (orm: Orm) => Promise<void>): Promise<void> {
  if (!isPostgres(orm)) {
    await orm.getMigrator().up();
    await setup?.(orm);
    return;
  }
  const client = orm.em.getConnection().getKnex().client;
  const conn = await client.acquireConnection();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await orm.getMigrator().up();
      await setup?.(orm);
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await client.releaseConnection(conn);
  }
}
