/**
 * Online backup and restore of the embedded SQLite deployment (README "Operations"):
 *   npm run backup -- <dir>    consistent copy while the server runs: VACUUM INTO (includes what is still in the
 *                              WAL), then the evidence files, then manifest.json with the SHA-256 of every file
 *   npm run restore -- <dir>   checks the manifest, then puts the database and the evidence into PANTAU_DATA_DIR
 *                              (server stopped; an existing database is kept as pantau.sqlite.before-restore)
 * PostgreSQL deployments use pg_dump / pg_restore plus the same evidence copy (README).
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { knex } from '@mikro-orm/knex';
import { ConfigError, loadConfig } from '../config';

interface Manifest {
  format: 'pantau-backup/1';
  createdAt: string;
  database: 'sqlite';
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
  // evidence after the database: files are content-addressed and never change, so every file the snapshot
  // references already exists (files newer than the snapshot are harmless extras)
  const evSrc = path.join(dataDir, 'evidence');
  for (const rel of listFiles(evSrc)) {
    if (rel.split(path.sep)[0] === 'tmp') continue;
    const dst = path.join(outDir, 'evidence', rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(path.join(evSrc, rel), dst);
  }
  const snap = sqlite(path.join(outDir, 'pantau.sqlite'));
  try {
    const hasEvidence = await snap.schema.hasTable('evidence_revision');
    const refs: { sha256: string }[] = hasEvidence ? await snap('evidence_revision').distinct('sha256') : [];
    const missing = refs.filter((r) => !fs.existsSync(path.join(outDir, 'evidence', r.sha256.slice(0, 2), r.sha256)));
    if (missing.length) throw new Error(`${missing.length} berkas bukti yang dirujuk basis data tidak ditemukan di ${evSrc}`);
  } finally {
    await snap.destroy();
  }
  const manifest: Manifest = { format: 'pantau-backup/1', createdAt: new Date().toISOString(), database: 'sqlite', files: {} };
  for (const rel of listFiles(outDir).sort()) {
    const p = path.join(outDir, rel);
    manifest.files[rel.split(path.sep).join('/')] = { sha256: sha256Of(p), size: fs.statSync(p).size };
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
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

export function restore(dir: string, dataDir: string, dbFile: string): Manifest {
  const manifest = verifyBackup(dir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(dbFile)) fs.renameSync(dbFile, `${dbFile}.before-restore`);
  for (const ext of ['-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  fs.copyFileSync(path.join(dir, 'pantau.sqlite'), dbFile);
  for (const rel of Object.keys(manifest.files)) {
    if (!rel.startsWith('evidence/')) continue;
    const dst = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    if (!fs.existsSync(dst)) fs.copyFileSync(path.join(dir, rel), dst);
  }
  return manifest;
}

async function main() {
  const [cmd, dir] = process.argv.slice(2);
  const config = loadConfig();
  if (!dir || !['backup', 'restore'].includes(cmd)) throw new ConfigError('Pemakaian: npm run backup -- <folder>  |  npm run restore -- <folder>');
  if (config.databaseUrl) throw new ConfigError('PANTAU_DATABASE_URL diisi: cadangkan PostgreSQL dengan pg_dump dan folder evidence (lihat README)');
  const target = path.resolve(dir);
  if (cmd === 'backup') {
    const m = await backup(config.dataDir, config.dbFile, target);
    console.log(`Cadangan dibuat di ${target}: ${Object.keys(m.files).length} berkas (manifest.json)`);
  } else {
    const m = restore(target, config.dataDir, config.dbFile);
    console.log(`Dipulihkan ke ${config.dataDir}: ${Object.keys(m.files).length} berkas dari cadangan ${m.createdAt}`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(e instanceof ConfigError ? 2 : 1);
  });
}
