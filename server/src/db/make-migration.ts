/**
 * Writes a new migration into server/src/migrations: the difference between the entities and the schema the
 * existing migrations build, for SQLite (a scratch file) and for PostgreSQL (a scratch database on the server
 * PANTAU_TEST_PG_URL points at, e.g. postgres://pantau:pantau@127.0.0.1:5432/postgres).
 *   PANTAU_TEST_PG_URL=… npm run migration:create -w server -- --name short-name
 * Then add the new class to server/src/migrations/index.ts (see README.md there). Only `up` is written:
 * migrations run forward on user data, never back.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { knex } from '@mikro-orm/knex';
import { openOrm } from './orm';
import { pendingSchemaChanges } from './schema-diff';

async function sqliteChanges(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-mig-'));
  const { orm } = await openOrm(path.join(dir, 'scratch.sqlite'));
  try {
    return await pendingSchemaChanges(orm);
  } finally {
    await orm.close(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresChanges(adminUrl: string): Promise<string[]> {
  const name = `pantau_mig_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  try {
    const { orm } = await openOrm({ kind: 'postgresql', url: u.toString() });
    try {
      return await pendingSchemaChanges(orm);
    } finally {
      await orm.close(true);
    }
  } finally {
    await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.destroy();
  }
}

const list = (xs: string[]) => xs.map((s) => `    ${JSON.stringify(s)},`).join('\n');

async function main() {
  const pgUrl = process.env.PANTAU_TEST_PG_URL;
  if (!pgUrl)
    throw new Error('PANTAU_TEST_PG_URL wajib diisi (server PostgreSQL untuk basis data sementara), mis. postgres://pantau:pantau@127.0.0.1:5432/postgres');
  const sqlite = await sqliteChanges();
  const postgresql = await postgresChanges(pgUrl);
  if (!sqlite.length && !postgresql.length) {
    console.log('Tidak ada perubahan skema.');
    return;
  }
  const nameIdx = process.argv.indexOf('--name');
  const suffix = nameIdx > 0 ? `_${process.argv[nameIdx + 1].replace(/\W+/g, '_')}` : '';
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const className = `Migration${stamp}${suffix}`;
  const target = path.resolve(__dirname, '..', '..', 'src', 'migrations', `${className}.ts`);
  fs.writeFileSync(
    target,
    `import { PortableMigration } from './portable';\n\nexport class ${className} extends PortableMigration {\n  override async up(): Promise<void> {\n    this.addDialectSql({\n      sqlite: [\n${list(sqlite).replace(/^/gm, '    ')}\n      ],\n      postgresql: [\n${list(postgresql).replace(/^/gm, '    ')}\n      ],\n    });\n  }\n}\n`,
  );
  console.log(`Migrasi dibuat: ${path.relative(process.cwd(), target)} — tambahkan ke server/src/migrations/index.ts`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
