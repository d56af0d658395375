/**
 * Creates an ADMIN account (for installations started with PANTAU_SEED=none):
 *   npm run create-admin -- --username X --password Y [--name "Display Name"]
 * Uses PANTAU_DATA_DIR / PANTAU_DATABASE_URL like the server (creates and migrates the database when needed).
 */
import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { dbTargetOf, loadConfig } from '../config';
import { createAdmin } from '../db/create-admin';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const username = arg('username');
  const password = arg('password');
  if (!username || !password) {
    console.error('Pemakaian: npm run create-admin -- --username NAMA --password KATA_SANDI [--name "Nama Tampilan"]');
    process.exit(1);
  }
  const config = loadConfig();
  const user = await createAdmin(dbTargetOf(config), { username, password, displayName: arg('name') });
  console.log(`Admin "${user.username}" dibuat (id ${user.id}) di ${config.databaseUrl ? 'PostgreSQL' : config.dbFile}`);
}

main().catch((e) => {
  console.error('Gagal membuat admin:', e instanceof GraphQLError || e instanceof Error ? e.message : e);
  process.exit(1);
});
