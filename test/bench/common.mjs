// Shared helpers of the benchmarks (test/bench/run.mjs): the built server, data fills, GraphQL over HTTP, statistics.
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

export const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const shared = require(path.join(root, 'shared/dist/index.js'));
export const { createApp } = require(path.join(root, 'server/dist/app.js'));
export const { loadConfig } = require(path.join(root, 'server/dist/config.js'));
export const { hashPassword } = require(path.join(root, 'server/dist/modules/auth/passwords.js'));

export const LEVELS = ['SELF', 'KANWIL', 'TPI', 'TPN'];
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const fmt = (ms) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
export const sha256 = (s) => crypto.createHash('sha256').update(s).digest('hex');

/** Deterministic pseudo-random answers. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
export function randomAnswers(inst, r, blank = 0.05) {
  const a = {};
  for (const it of inst.items) {
    if (r() < blank) continue;
    if (it.options.length) a[it.soalId] = it.options[Math.floor(r() * Math.min(it.options.length, 3))].key;
    else if (it.type === 'COUNT') a[it.soalId] = Math.floor(r() * 20);
    else a[it.soalId] = Math.round((3 + r()) * 100) / 100;
  }
  return a;
}

/** insert … returning id on SQLite and PostgreSQL alike */
export async function ins(trx, table, row) {
  const [r] = await trx(table).insert(row).returning('id');
  return typeof r === 'object' ? r.id : r;
}

/**
 * Where the benchmarks put their data: a fresh SQLite directory, or (PANTAU_DATABASE_URL set and `pg`) a fresh
 * scratch database on that PostgreSQL server, dropped afterwards.
 */
export async function scratchTarget(pg) {
  if (!pg) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-'));
    return {
      kind: 'sqlite',
      dir,
      env: { PANTAU_DATA_DIR: dir },
      overrides: { dataDir: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { Client } = require(path.join(root, 'node_modules/pg'));
  const base = new URL(process.env.PANTAU_DATABASE_URL);
  const name = `pantau_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-'));
  return {
    kind: 'postgresql',
    dir,
    url: url.toString(),
    env: { PANTAU_DATA_DIR: dir, PANTAU_DATABASE_URL: url.toString() },
    overrides: { dataDir: dir, databaseUrl: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** In-process server on a scratch target. */
export async function openApp(target) {
  return createApp(loadConfig({}, { ...target.overrides, port: 0, seed: 'none', logErrors: true }));
}

/**
 * The server as its own process (`node server/dist/main.js`, so the load generator does not share its event loop),
 * `workers` = PANTAU_WORKERS when > 1. Resolves with { url, stop }.
 */
export async function spawnServer(target, extraEnv = {}) {
  const env = { ...process.env, ...target.env, PANTAU_PORT: String(extraEnv.PANTAU_PORT ?? 0), PANTAU_SEED: 'none', PANTAU_QUIET: '1', ...extraEnv };
  if (target.kind === 'sqlite') delete env.PANTAU_DATABASE_URL; // the SQLite run must not follow the caller's PostgreSQL URL
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), path.join(root, 'server/dist/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    const on = (d) => {
      out += d;
      const m = /(https?:\/\/[^\s]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function gql(url, cookie, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, res };
}

/** A session row for `userId` (what login creates), returned as the cookie header. */
export async function sessionCookie(trx, userId) {
  const token = crypto.randomBytes(24).toString('base64url');
  const now = new Date();
  await trx('session').insert({ id: sha256(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 24 * 3600_000) });
  return `pantau_sid=${token}`;
}

/**
 * One Kanwil of `units` satker, each with a submission (status `status`) answered at `levels`; with `coordinators`
 * every unit gets a coordinator with a session (cookie). Also an admin session. Returns ids and cookies.
 */
export async function fillKanwil(handle, units, { levels = LEVELS, status = 'NOMINATED', coordinators = false, seed = units } = {}) {
  const knex = handle.orm.em.getConnection().getKnex();
  const inst = shared.bundledInstrument();
  const now = new Date();
  const r = rng(seed);
  return knex.transaction(async (trx) => {
    const instansiId =
      (await trx('instansi').select('id').first())?.id ?? (await ins(trx, 'instansi', { code: 'BENCH', name: 'Instansi Bench', created_at: now }));
    const kanwilId = await ins(trx, 'kanwil', { code: 'BENCH', name: 'Kanwil Bench', instansi_id: instansiId, created_at: now });
    const [{ id: versionId }] = await trx('instrument_version').select('id').where({ year: 2026 }).orderBy('id', 'desc').limit(1);
    const periodId = await ins(trx, 'period', { year: 2026, name: 'Bench 2026', kanwil_id: kanwilId, instrument_version_id: versionId, created_at: now });
    const hash = await hashPassword('bench-password-1');
    const adminId = await ins(trx, 'app_user', { username: 'bench', display_name: 'Bench', password_hash: hash, active: true, locale: 'id', created_at: now });
    await trx('role_assignment').insert({ user_id: adminId, role: 'ADMIN' });
    const adminCookie = await sessionCookie(trx, adminId);
    const subs = [];
    for (let u = 0; u < units; u++) {
      const satkerId = await ins(trx, 'satker', {
        code: `B${String(u).padStart(4, '0')}`,
        name: `Unit ${u}`,
        kind: 'KANIM',
        kanwil_id: kanwilId,
        created_at: now,
      });
      const submissionId = await ins(trx, 'submission', {
        satker_id: satkerId,
        period_id: periodId,
        target: u % 5 ? 'WBK' : 'WBBM',
        status,
        pencanangan_date: '2025-01-15',
        created_at: now,
        updated_at: now,
      });
      const rows = [];
      const answers = {};
      for (const level of levels) {
        const ans = randomAnswers(inst, r, level === 'TPN' ? 0.8 : 0.02);
        answers[level] = ans;
        for (const [soalId, v] of Object.entries(ans)) {
          rows.push({
            submission_id: submissionId,
            soal_id: Number(soalId),
            level,
            value_json: JSON.stringify(v),
            updated_at: now,
            version: 1,
            updated_by_id: adminId,
          });
        }
      }
      await trx.batchInsert('answer', rows, 200);
      let cookie = null;
      if (coordinators) {
        const userId = await ins(trx, 'app_user', {
          username: `coord${u}`,
          display_name: `Koordinator ${u}`,
          password_hash: hash,
          active: true,
          locale: 'id',
          created_at: now,
        });
        await trx('role_assignment').insert({ user_id: userId, role: 'COORDINATOR', satker_id: satkerId });
        cookie = await sessionCookie(trx, userId);
      }
      subs.push({ submissionId, satkerId, cookie, answers });
    }
    return { kanwilId, periodId, adminId, adminCookie, subs };
  });
}
