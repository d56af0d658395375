// Pantau ZI benchmarks: medians and ratios, never pass/fail timings (run with `npm run bench`).
//  1. shared scoring and gap planning on random LKEs;
//  2. the Kanwil comparison over HTTP at 100 and 1,000 units × 127 items × 4 levels: median time, the ratio
//     between the two sizes, and the number of SQL statements per request (must not grow with the units);
//  3. autosaves: 50 coordinator sessions against the server in its own process (saves/s, p50/p99, errors) and the
//     raw single-row upsert limit of the same database in the same run.
// With PANTAU_DATABASE_URL set the server figures are repeated on PostgreSQL (scratch databases on that server),
// and the saves with 1, 2 and 4 worker processes (PANTAU_WORKERS).
//  4. LKE open: the SPA's SubmissionLke query, median, p99 of 100 at once, and the raw answer-row read.
//  5. SPA first-load JS per route (gzip/brotli) against its budget, from admin/dist (built first when older than
//     the sources), and what a route fetches later (scripts/bundle-size.mjs);
//  6. progress over time: 70 units with 100,000 audit events (test/bench/progress.mjs), and the raw snapshot read;
//  7. `npm start` on a built, unchanged tree to listening, and `node server/dist/main.js` alone (startup.mjs);
//  8. the SPA in Chromium: LKE keystroke → live score with all 127 items shown, dashboard of 1,000 units (spa.mjs).
// BENCH_ONLY=shared,comparison,progress,lke,saves,bundle,startup,spa runs some sections only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, fmt, hashPassword, LEVELS, loadConfig, median, randomAnswers, rng, shared } from './common.mjs';
import { benchLkeOpen } from './lke.mjs';
import { benchProgress } from './progress.mjs';
import { benchStartup } from './startup.mjs';
import { benchSaves } from './saves.mjs';
import { benchBundle } from './bundle.mjs';
import { benchSpa } from './spa.mjs';

function benchShared() {
  const inst = shared.bundledInstrument();
  const r = rng(1);
  const sets = Array.from({ length: 500 }, () => randomAnswers(inst, r));
  const t = [];
  for (const s of sets) {
    const t0 = performance.now();
    shared.scoreAnswers(inst, s);
    t.push(performance.now() - t0);
  }
  const g = [];
  for (const s of sets.slice(0, 100)) {
    const t0 = performance.now();
    shared.planGap(inst, s, 'WBK', { hasWbk: true });
    g.push(performance.now() - t0);
  }
  console.log(`scoreAnswers: median ${fmt(median(t))} per LKE (${sets.length} LKEs)`);
  console.log(`planGap WBK:  median ${fmt(median(g))} per LKE (100 LKEs)`);
}

/** Fills a fresh database with one Kanwil of `units` satker, each with a submission answered at all four levels. */
async function fill(handle, units) {
  const knex = handle.orm.em.getConnection().getKnex();
  const inst = shared.bundledInstrument();
  const now = new Date().toISOString();
  const r = rng(units);
  await knex.transaction(async (trx) => {
    const instansiId =
      (await trx('instansi').select('id').first())?.id ?? (await trx('instansi').insert({ code: 'BENCH', name: 'Instansi Bench', created_at: now }))[0];
    const [kanwilId] = await trx('kanwil').insert({ code: 'BENCH', name: 'Kanwil Bench', instansi_id: instansiId, created_at: now });
    const [{ id: versionId }] = await trx('instrument_version').select('id').orderBy('id', 'desc').limit(1);
    const [periodId] = await trx('period').insert({
      year: 2026,
      name: 'Bench 2026',
      kanwil_id: kanwilId,
      instrument_version_id: versionId,
      created_at: now,
    });
    const hash = await hashPassword('bench-password-1');
    const [userId] = await trx('app_user').insert({
      username: 'bench',
      display_name: 'Bench',
      password_hash: hash,
      active: true,
      locale: 'id',
      created_at: now,
    });
    await trx('role_assignment').insert({ user_id: userId, role: 'ADMIN' });
    for (let u = 0; u < units; u++) {
      const [satkerId] = await trx('satker').insert({
        code: `B${String(u).padStart(4, '0')}`,
        name: `Unit ${u}`,
        kind: 'KANIM',
        kanwil_id: kanwilId,
        created_at: now,
      });
      const [submissionId] = await trx('submission').insert({
        satker_id: satkerId,
        period_id: periodId,
        target: u % 5 ? 'WBK' : 'WBBM',
        status: 'NOMINATED',
        pencanangan_date: '2025-01-15',
        created_at: now,
        updated_at: now,
      });
      const rows = [];
      for (const level of LEVELS) {
        const ans = randomAnswers(inst, r, level === 'TPN' ? 0.8 : 0.02);
        for (const [soalId, v] of Object.entries(ans)) {
          rows.push({ submission_id: submissionId, soal_id: Number(soalId), level, value_json: JSON.stringify(v), updated_at: now, version: 1 });
        }
      }
      await trx.batchInsert('answer', rows, 200);
    }
    return periodId;
  });
  const [{ id: periodId }] = await knex('period').select('id').orderBy('id', 'desc').limit(1);
  return periodId;
}

async function gql(url, cookie, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, res };
}

const COMPARISON = `query($p: Int!) { kanwilComparison(periodId: $p) {
  rows { satker { code name } status completeness selfTotal kanwilTotal tpiTotal
         areas { code selfPercent tpiPercent } eligibility { eligible failures { requirement message } } } } }`;

async function benchComparison(units, runs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-'));
  const handle = await createApp(loadConfig({}, { dataDir: dir, port: 0, seed: 'none', logErrors: false }));
  try {
    const t0 = performance.now();
    const periodId = await fill(handle, units);
    const fillMs = performance.now() - t0;
    const { res } = await gql(handle.url, null, 'mutation { login(username: "bench", password: "bench-password-1") { id } }');
    const cookie = res.headers.get('set-cookie').split(';')[0];
    const times = [];
    let statements = 0;
    for (let i = 0; i < runs; i++) {
      const before = handle.sql.count;
      const s = performance.now();
      const { body } = await gql(handle.url, cookie, COMPARISON, { p: periodId });
      times.push(performance.now() - s);
      statements = handle.sql.count - before;
      if (body.data.kanwilComparison.rows.length !== units) throw new Error('wrong row count');
    }
    const m = median(times);
    // the raw-SQL limit: a hand-written aggregate over every answer row of the Kanwil × period (per submission × level)
    const knex = handle.orm.em.getConnection().getKnex();
    const [{ id: kanwilId }] = await knex('kanwil').select('id').where({ code: 'BENCH' });
    const rawTimes = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await knex('answer as a')
        .join('submission as s', 's.id', 'a.submission_id')
        .join('satker as k', 'k.id', 's.satker_id')
        .where('s.period_id', periodId)
        .andWhere('k.kanwil_id', kanwilId)
        .select('a.submission_id', 'a.level')
        .count({ n: '*' })
        .sum({ l: knex.raw('length(a.value_json)') })
        .groupBy('a.submission_id', 'a.level');
      rawTimes.push(performance.now() - s);
    }
    const raw = median(rawTimes);
    // cold: every unit changed (its answers' change counter bumped), so every score is recomputed from the answers
    const coldTimes = [];
    let coldStatements = 0;
    for (let i = 0; i < Math.min(runs, 3); i++) {
      await knex('submission').update({ answers_rev: knex.raw('answers_rev + 1') });
      const before = handle.sql.count;
      const s = performance.now();
      await gql(handle.url, cookie, COMPARISON, { p: periodId });
      coldTimes.push(performance.now() - s);
      coldStatements = handle.sql.count - before;
    }
    const cold = median(coldTimes);
    console.log(
      `kanwilComparison ${String(units).padStart(5)} units (${units * 127 * 4} answer slots max): warm median ${fmt(m)} over ${runs} runs (target ≤ 100 ms at 1,000), ${statements} SQL statements per request (fill ${(fillMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  cold (every unit changed): median ${fmt(cold)}, ${coldStatements} SQL statements; raw-SQL aggregate over the answer rows ${fmt(raw)}: cold ×${(cold / raw).toFixed(2)} of raw (target ≤ 1.5), warm ×${(m / raw).toFixed(2)} of raw`,
    );
    return { m, statements, cold, raw };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_ONLY_UNITS) {
  // profiling aid: one size only, e.g. BENCH_ONLY_UNITS=1000 node --cpu-prof test/bench/run.mjs
  await benchComparison(Number(process.env.BENCH_ONLY_UNITS), 3);
  process.exit(0);
}
const only = new Set((process.env.BENCH_ONLY ?? 'shared,comparison,progress,lke,saves,bundle,startup,spa').split(',').map((x) => x.trim()));
const pgUrl = process.env.PANTAU_DATABASE_URL;
if (only.has('shared')) benchShared();
if (only.has('comparison')) {
  const small = await benchComparison(100, 7);
  const large = await benchComparison(1000, 5);
  console.log(`ratio 1000/100 units: time ×${(large.m / small.m).toFixed(2)}, SQL statements ${small.statements} → ${large.statements}`);
}
if (only.has('progress')) {
  await benchProgress({ pg: false });
  if (pgUrl) await benchProgress({ pg: true });
}
if (only.has('lke')) {
  await benchLkeOpen({ pg: false });
  if (pgUrl) await benchLkeOpen({ pg: true });
}
if (only.has('saves')) {
  await benchSaves({ pg: false });
  if (pgUrl) await benchSaves({ pg: true, workers: [1, 2, 4] });
}
if (only.has('bundle')) await benchBundle();
if (only.has('startup')) await benchStartup();
if (only.has('spa')) await benchSpa();
