import { MikroORM, defineConfig } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import fs from 'node:fs';
import path from 'node:path';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../migrations';

/** Counts SQL statements sent to the database (used by the query-count test and the benchmark). */
export interface SqlCounter {
  count: number;
}

export function ormConfig(dbFile: string, opts: { debug?: boolean } = {}) {
  return defineConfig({
    dbName: dbFile,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: path.resolve(__dirname, '..', '..', 'src', 'migrations'),
      pathTs: path.resolve(__dirname, '..', '..', 'src', 'migrations'),
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
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
    allowGlobalContext: false,
    debug: opts.debug ?? false,
    forceUtcTimezone: true,
  });
}

/** Opens the database (creating its directory), applies pending migrations and installs the SQL counter. */
export async function openOrm(dbFile: string): Promise<{ orm: MikroORM; sql: SqlCounter }> {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const orm = await MikroORM.init(ormConfig(dbFile));
  const sql: SqlCounter = { count: 0 };
  const knex = orm.em.getConnection().getKnex();
  knex.on('query', () => {
    sql.count++;
  });
  await orm.getMigrator().up();
  return { orm, sql };
}
