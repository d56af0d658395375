// Autosave load: `sessions` coordinators, each saving one SELF answer of their own unit after another (the SPA's
// autosave of one edited field), against the server in its own process; the raw limit is the same single-row
// upsert sent straight to the same database by the driver (node sqlite3 / pg), `sessions` at a time.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fillKanwil, gql, median, openApp, quantile, require, root, scratchTarget, shared, spawnServer } from './common.mjs';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) {
  saveAnswers(submissionId: $id, level: SELF, answers: $answers) {
    submission { id version status }
    answers { soalId level value note version updatedAt updatedBy { id username displayName } }
  } }`;

const CURRENT = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version } } }`;

function choices(inst) {
  return inst.items.filter((it) => it.options.length >= 2).map((it) => ({ soalId: it.soalId, keys: it.options.map((o) => o.key) }));
}

/** Runs `sessions` loops for `seconds`; returns saves/s, latencies, errors. */
async function drive(url, subs, seconds, inst) {
  const items = choices(inst);
  const state = await Promise.all(
    subs.map(async (s) => {
      const { body } = await gql(url, s.cookie, CURRENT, { id: s.submissionId });
      return { ...s, versions: new Map(body.data.submission.answers.map((a) => [a.soalId, a.version])), n: 0 };
    }),
  );
  const lat = [];
  let errors = 0;
  let firstError = null;
  let measuring = false;
  let done = false;
  const loop = async (st, idx) => {
    while (!done) {
      const it = items[(st.n * 7 + idx) % items.length];
      const value = it.keys[st.n++ % it.keys.length];
      const t0 = performance.now();
      try {
        const { body } = await gql(url, st.cookie, SAVE, {
          id: st.submissionId,
          answers: [{ soalId: it.soalId, value, expectedVersion: st.versions.get(it.soalId) ?? null }],
        });
        for (const a of body.data.saveAnswers.answers) st.versions.set(a.soalId, a.version);
        if (measuring) lat.push(performance.now() - t0);
      } catch (e) {
        if (measuring) errors++;
        firstError ??= String(e).slice(0, 300);
        // re-read the versions (a conflict would otherwise repeat)
        const { body } = await gql(url, st.cookie, CURRENT, { id: st.submissionId }).catch(() => ({ body: null }));
        if (body) st.versions = new Map(body.data.submission.answers.map((a) => [a.soalId, a.version]));
      }
    }
  };
  const loops = state.map((st, i) => loop(st, i));
  await new Promise((r) => setTimeout(r, 1500)); // warm-up
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  done = true;
  await Promise.all(loops);
  return { perSecond: lat.length / elapsed, p50: median(lat), p99: quantile(lat, 0.99), errors, firstError, count: lat.length };
}

/** The raw limit: single-row upserts of one answer (autocommit), `concurrency` at a time, straight through the driver. */
async function rawUpserts(target, subs, seconds, concurrency) {
  const inst = shared.bundledInstrument();
  const items = choices(inst);
  const now = () => new Date().toISOString();
  const sql =
    'insert into answer (submission_id, soal_id, level, value_json, updated_at, version) values (?, ?, ?, ?, ?, 1) ' +
    'on conflict (submission_id, soal_id, level) do update set value_json = excluded.value_json, updated_at = excluded.updated_at, version = answer.version + 1';
  let exec;
  let close;
  if (target.kind === 'sqlite') {
    const sqlite3 = require(path.join(root, 'node_modules/sqlite3'));
    const db = new sqlite3.Database(path.join(target.dir, 'pantau.sqlite'));
    await new Promise((r, j) => db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;', (e) => (e ? j(e) : r())));
    exec = (params) => new Promise((r, j) => db.run(sql, params, (e) => (e ? j(e) : r())));
    close = () => new Promise((r) => db.close(() => r()));
  } else {
    const { Pool } = require(path.join(root, 'node_modules/pg'));
    const pool = new Pool({ connectionString: target.url, max: 10 });
    let i = 0;
    const pgSql = sql.replace(/\?/g, () => `$${++i}`);
    exec = (params) => pool.query(pgSql, params);
    close = () => pool.end();
  }
  let n = 0;
  let done = false;
  const loop = async (idx) => {
    let k = 0;
    while (!done) {
      const s = subs[idx % subs.length];
      const it = items[(k * 7 + idx) % items.length];
      await exec([s.submissionId, it.soalId, 'SELF', JSON.stringify(it.keys[k++ % it.keys.length]), now()]);
      n++;
    }
  };
  const t0 = performance.now();
  const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  done = true;
  await Promise.all(loops);
  const perSecond = n / ((performance.now() - t0) / 1000);
  await close();
  return perSecond;
}

/**
 * Prints saves/s, p50/p99 and errors with `sessions` coordinators, and the ratio to the raw limit in the same run.
 * `workers`: list of PANTAU_WORKERS values to run (PostgreSQL scale-out); 1 = one process.
 */
export async function benchSaves({ pg = false, sessions = 50, seconds = 8, workers = [1] } = {}) {
  const target = await scratchTarget(pg);
  const label = pg ? 'PostgreSQL' : 'SQLite';
  try {
    const handle = await openApp(target);
    const fill = await fillKanwil(handle, sessions, { levels: ['SELF'], status: 'DRAFT', coordinators: true });
    await handle.close();
    const inst = shared.bundledInstrument();
    const results = [];
    for (const w of workers) {
      const server = await spawnServer(target, w > 1 ? { PANTAU_WORKERS: String(w) } : {});
      try {
        const r = await drive(server.url, fill.subs, seconds, inst);
        results.push({ workers: w, ...r });
      } finally {
        await server.stop();
      }
    }
    const raw = await rawUpserts(target, fill.subs, Math.min(seconds, 4), pg ? 10 : 1);
    for (const r of results) {
      console.log(
        `saves ${label}${workers.length > 1 || r.workers > 1 ? ` ${r.workers} worker(s)` : ''}, ${sessions} sessions: ${r.perSecond.toFixed(0)} saves/s ` +
          `(p50 ${r.p50?.toFixed(1)} ms, p99 ${r.p99?.toFixed(1)} ms, ${r.errors} errors${r.firstError ? `: ${r.firstError}` : ''}); ` +
          `raw single-row upserts ${raw.toFixed(0)}/s → ${((100 * r.perSecond) / raw).toFixed(1)} % of raw`,
      );
    }
    if (results.length > 1) {
      const one = results.find((r) => r.workers === 1);
      for (const r of results)
        if (r.workers > 1 && one) console.log(`  scale-out ${r.workers} workers: ×${(r.perSecond / one.perSecond).toFixed(2)} of 1 worker`);
    }
    return { results, raw };
  } finally {
    await target.drop();
  }
}
