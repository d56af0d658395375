/**
 * Online backup and restore (README "Operations"):
 *   npm run backup -- <dir>    consistent copy while the server runs, then the evidence files, then manifest.json
 *                              with the SHA-256 of every file. SQLite: VACUUM INTO (includes what is still in the
 *                              WAL). PostgreSQL (PANTAU_DATABASE_URL): pg_dump -Fc of one exported snapshot, and the
 *                              evidence the same snapshot references is checked to be in the copy.
 *   npm run restore -- <dir>   checks the manifest, then puts the database and the evidence back (server stopped).
 *                              SQLite: into PANTAU_DATA_DIR (an existing database is kept as
 *                              pantau.sqlite.before-restore); PostgreSQL: pg_restore --clean into PANTAU_DATABASE_URL.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { knex } from '@mikro-orm/knex';
import { ConfigError, loadConfig } from '../config';

interface Manifest {
  format: 'pantau-backup/1';
  createdAt: string;
  database: 'sqlite' | 'postgresql';
  files: Record<string, { sha256: string; size: number }>;
}

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p));
  }
  return out;
}

const sqlite = (filename: string) => knex({ client: 'sqlite3', connection: { filename }, useNullAsDefault: true, pool: { min: 1, max: 1 } });

export async function backup(dataDir: string, dbFile: string, outDir: string): Promise<Manifest> {
  if (!fs.existsSync(dbFile)) throw new Error(`Basis data ${dbFile} tidak ada`);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length) throw new Error(`Folder cadangan ${outDir} tidak kosong`);
  fs.mkdirSync(outDir, { recursive: true });
  const db = sqlite(dbFile);
  try {
    await db.raw('pragma busy_timeout = 10000');
    // one read transaction: a consistent snapshot, committed WAL content included
    await db.raw('vacuum into ?', [path.join(outDir, 'pantau.sqlite')]);
  } finally {
    await db.destroy();
  }
  const snap = sqlite(path.join(outDir, 'pantau.sqlite'));
  let refs: string[];
  try {
    const hasEvidence = await snap.schema.hasTable('evidence_revision');
    refs = hasEvidence ? ((await snap('evidence_revision').distinct('sha256')) as { sha256: string }[]).map((r) => r.sha256) : [];
  } finally {
    await snap.destroy();
  }
  copyEvidence(dataDir, outDir, refs);
  return writeManifest(outDir, 'sqlite');
}

/**
 * The evidence files, copied after the database snapshot: files are content-addressed and never change, so every
 * file the snapshot references (`refs`) already exists; files newer than the snapshot are harmless extras.
 */
function copyEvidence(dataDir: string, outDir: string, refs: string[]): void {
  const evSrc = path.join(dataDir, 'evidence');
  for (const rel of listFiles(evSrc)) {
    if (rel.split(path.sep)[0] === 'tmp') continue;
    const dst = path.join(outDir, 'evidence', rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(path.join(evSrc, rel), dst);
  }
  const missing = refs.filter((sha) => !fs.existsSync(path.join(outDir, 'evidence', sha.slice(0, 2), sha)));
  if (missing.length) throw new Error(`${missing.length} berkas bukti yang dirujuk basis data tidak ditemukan di ${evSrc}`);
}

function writeManifest(outDir: string, database: Manifest['database']): Manifest {
  const manifest: Manifest = { format: 'pantau-backup/1', createdAt: new Date().toISOString(), database, files: {} };
  for (const rel of listFiles(outDir).sort()) {
    const p = path.join(outDir, rel);
    manifest.files[rel.split(path.sep).join('/')] = { sha256: sha256Of(p), size: fs.statSync(p).size };
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** A PostgreSQL client program: PATH (Debian's postgresql-client wrapper), else the newest /usr/lib/postgresql/N/bin. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', name))) return path.join(root, v, 'bin', name);
  throw new Error(`${name} tidak ditemukan: pasang paket postgresql-client (versi ≥ server)`);
}

/** Runs a PostgreSQL client program on the URL; the password goes in PGPASSWORD, not on the command line. */
function runPgTool(name: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return new Promise((resolve, reject) => {
    const p = spawn(pgTool(name), [...args, '--dbname', u.toString()], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (b: Buffer) => (err += b.toString()));
    p.once('error', reject);
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} gagal (kode ${code}): ${err.trim()}`))));
  });
}

/**
 * PostgreSQL, online: one REPEATABLE READ transaction exports its snapshot; pg_dump -Fc dumps exactly that snapshot
 * (--snapshot) while the same transaction lists the evidence it references, so the copy's check is exact.
 */
export async function backupPostgres(url: string, dataDir: string, outDir: string): Promise<Manifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length) throw new Error(`Folder cadangan ${outDir} tidak kosong`);
  fs.mkdirSync(outDir, { recursive: true });
  const db = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  let refs: string[] = [];
  try {
    const trx = await db.transaction({ isolationLevel: 'repeatable read' });
    try {
      const snapshot = ((await trx.raw('select pg_export_snapshot() as s')) as { rows: { s: string }[] }).rows[0]!.s;
      const dump = runPgTool('pg_dump', url, [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        '--file',
        path.join(outDir, 'pantau.dump'),
      ]);
      const has = ((await trx.raw(`select to_regclass('evidence_revision') as t`)) as { rows: { t: string | null }[] }).rows[0]!.t;
      if (has) refs = ((await trx.raw('select distinct sha256 from evidence_revision')) as { rows: { sha256: string }[] }).rows.map((r) => r.sha256);
      // the snapshot must stay exported until pg_dump has taken it: the transaction ends after the dump
      await dump;
    } finally {
      await trx.commit();
    }
  } finally {
    await db.destroy();
  }
  copyEvidence(dataDir, outDir, refs);
  return writeManifest(outDir, 'postgresql');
}

export function verifyBackup(dir: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'pantau-backup/1') throw new Error('manifest.json bukan cadangan Pantau ZI');
  for (const [rel, f] of Object.entries(manifest.files)) {
    const p = path.join(dir, rel);
    if (!fs.existsSync(p) || sha256Of(p) !== f.sha256) throw new Error(`Cadangan rusak: ${rel} tidak cocok dengan manifest.json`);
  }
  return manifest;
}

/** Puts the backup's evidence files into the data directory (present ones are identical: content-addressed). */
function restoreEvidence(dir: string, dataDir: string, manifest: Manifest): void {
  for (const rel of Object.keys(manifest.files)) {
    if (!rel.startsWith('evidence/')) continue;
    const dst = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    if (!fs.existsSync(dst)) fs.copyFileSync(path.join(dir, rel), dst);
  }
}

/** PostgreSQL (server stopped): pg_restore --clean in one transaction into the database, then the evidence. */
export async function restorePostgres(dir: string, url: string, dataDir: string): Promise<Manifest> {
  const manifest = verifyBackup(dir);
  if (manifest.database !== 'postgresql') throw new ConfigError('Cadangan ini dari SQLite: pulihkan tanpa PANTAU_DATABASE_URL');
  await runPgTool('pg_restore', url, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    path.join(dir, 'pantau.dump'),
  ]);
  fs.mkdirSync(dataDir, { recursive: true });
  restoreEvidence(dir, dataDir, manifest);
  return manifest;
}

export function restore(dir: string, dataDir: string, dbFile: string): Manifest {
  const manifest = verifyBackup(dir);
  if (manifest.database === 'postgresql') throw new ConfigError('Cadangan ini dari PostgreSQL: pulihkan dengan PANTAU_DATABASE_URL diisi');
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(dbFile)) fs.renameSync(dbFile, `${dbFile}.before-restore`);
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.copyFileSync(path.join(dir, 'pantau.sqlite'), dbFile);
  restoreEvidence(dir, dataDir, manifest);
  return manifest;
}

async function main() {
  const [cmd, dir] = process.argv.slice(2);
  const config = loadConfig();
  if (!dir || !['backup', 'restore'].includes(cmd)) throw new ConfigError('Pemakaian: npm run backup -- <folder>  |  npm run restore -- <folder>');
  const target = path.resolve(dir);
  const pg = config.databaseUrl;
  if (cmd === 'backup') {
    const m = pg ? await backupPostgres(pg, config.dataDir, target) : await backup(config.dataDir, config.dbFile, target);
    console.log(`Cadangan dibuat di ${target}: ${Object.keys(m.files).length} berkas (manifest.json)`);
  } else {
    const m = pg ? await restorePostgres(target, pg, config.dataDir) : restore(target, config.dataDir, config.dbFile);
    console.log(`Dipulihkan ke ${config.dataDir}: ${Object.keys(m.files).length} berkas dari cadangan ${m.createdAt}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(e instanceof ConfigError ? 2 : 1);
  });
}
