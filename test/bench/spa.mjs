// SPA speed in Chromium (issue 11 target 5), against the built server and SPA on the demo data:
//  - LKE keystroke → live score with all 127 items shown: the time from the input event to the end of Vue's update
//    (scoring + the re-rendered cards), and to the next frame;
//  - the Kanwil dashboard with 1,000 units (the comparison answer multiplied in the browser's network layer, as in
//    test/e2e/dashboard-scale.e2e.test.ts): in-app navigation until the table and the heat map are drawn, a table
//    page and a heat-map page.
// Medians; never pass/fail. Needs Chromium (PANTAU_CHROMIUM, default /usr/bin/chromium).
/* global document, requestAnimationFrame, InputEvent -- the page.evaluate callbacks run in Chromium */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureSpaBuilt } from './bundle.mjs';
import { createApp, fmt, loadConfig, median, root, shared } from './common.mjs';

const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'pantau-demo-2026';

async function api(url, username) {
  let cookie = '';
  const gql = async (query, variables = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const c of res.headers.getSetCookie?.() ?? []) if (c.startsWith('pantau_sid=')) cookie = c.split(';')[0];
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { id } }', { u: username, p: PASSWORD });
  return gql;
}

async function login(page, url, username) {
  await page.goto(`${url}/login`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('[data-test=login-submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

/** Answers every SELF item of the coordinator's submission, so that the "answered" filter shows all items. */
async function fillSubmission(url) {
  const gql = await api(url, 'koordinator.polonia');
  const list = await gql('{ submissions(periodId: 1) { id satker { code } } }');
  const id = list.submissions.find((s) => s.satker.code === 'IMI-POLONIA').id;
  const cur = await gql('query($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version } } }', { id });
  const versions = new Map(cur.submission.answers.map((a) => [a.soalId, a.version]));
  const inst = shared.bundledInstrument(2026);
  // every item without a SELF answer (the unanswered list leaves out items not required at SELF, e.g. a survey)
  const missing = Object.values(inst.itemById).filter((i) => !versions.has(i.soalId));
  const answers = missing.map((item) => {
    const soalId = item.soalId;
    return { soalId, value: item.type === 'COUNT' ? 5 : item.type === 'INDEX' ? 3 : item.options[0].key, expectedVersion: versions.get(soalId) ?? null };
  });
  if (answers.length)
    await gql('mutation($id: Int!, $a: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $a) { submission { version } } }', {
      id,
      a: answers,
    });
  return id;
}

/** BENCH_PROFILE=1: the functions with the most self time while `fn` runs (CPU profile over CDP). */
async function profiled(page, label, fn) {
  if (!process.env.BENCH_PROFILE) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const out = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`profile ${label}:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
  return out;
}

async function benchKeystroke(page, url, submissionId) {
  await page.goto(`${url}/submissions/${submissionId}/lke`);
  await page.waitForSelector('[data-test=score-total]');
  await page.click('[data-test=filter-answered]');
  await page.waitForFunction(() => document.querySelectorAll('[data-test^=item-]').length >= 127);
  const shown = await page.locator('[data-test^=item-]').count();
  const inst = shared.bundledInstrument(2026);
  const count = Object.values(inst.itemById).find((i) => i.type === 'COUNT');
  const res = await profiled(page, 'keystroke', () =>
    page.evaluate(async (soalId) => {
      const input = document.querySelector(`[data-test=count-${soalId}] input`);
      input.focus();
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const update = [];
      const paint = [];
      for (let i = 0; i < 25; i++) {
        await frame();
        const t0 = performance.now();
        input.value = String(10 + i);
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        // Vue flushes its update in a microtask queued by the handler: a later microtask runs after it
        await Promise.resolve();
        await new Promise((r) => setTimeout(r, 0));
        update.push(performance.now() - t0);
        await frame();
        paint.push(performance.now() - t0);
      }
      return { update, paint, value: input.value };
    }, count.soalId),
  );
  // the typed value reached the store (and is saved by the autosave)
  console.log(
    `LKE keystroke → live score (${shown} items shown, count [${count.soalId}]): median ${fmt(median(res.update.slice(5)))} to the end of the update, ${fmt(median(res.paint.slice(5)))} to the next frame (target < 30 ms)`,
  );
}

async function benchDashboard(page, url) {
  const UNITS = 1000;
  await page.goto(`${url}/dashboard`);
  await page.waitForSelector('[data-test=comparison-table] tbody tr');
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (!body.includes('KanwilComparison')) return route.continue();
    const res = await route.fetch();
    const json = await res.json();
    const rows = json.data.kanwilComparison.rows;
    json.data.kanwilComparison.rows = Array.from({ length: UNITS }, (_, i) => {
      const r = structuredClone(rows[i % rows.length]);
      r.satker = { ...r.satker, id: 100_000 + i, code: `${r.satker.code}-${i}`, name: `${r.satker.name} ${i}` };
      return r;
    });
    await route.fulfill({ response: res, json });
  });
  const nav = [];
  const tablePage = [];
  const heatPage = [];
  for (let run = 0; run < 5; run++) {
    await page.click('[data-test=nav-submissions]');
    await page.waitForSelector('[data-test=submissions]');
    let t0 = Date.now();
    await page.click('[data-test=nav-dashboard]');
    await page.waitForSelector(`text=${UNITS} satker`);
    await page.waitForSelector('[data-test=heatmap-range]');
    nav.push(Date.now() - t0);
    const first = await page.locator('[data-test=comparison-table] tbody tr').first().textContent();
    t0 = Date.now();
    await page.locator('[data-test=comparison-table] .n-pagination-item').filter({ hasText: /^2$/ }).first().click();
    await page.waitForFunction((f) => document.querySelector('[data-test=comparison-table] tbody tr')?.textContent !== f, first);
    tablePage.push(Date.now() - t0);
    t0 = Date.now();
    await page.locator('[data-test=heatmap-pager] .n-pagination-item').filter({ hasText: /^2$/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-test=heatmap-range]')?.textContent?.replace(/\s/g, '').startsWith('31–60'));
    heatPage.push(Date.now() - t0);
  }
  console.log(
    `dashboard ${UNITS} units in Chromium: in-app navigation to table + heat map median ${fmt(median(nav))} (target < 1,500 ms, includes the server's answer), table page ${fmt(median(tablePage))}, heat-map page ${fmt(median(heatPage))}`,
  );
}

export async function benchSpa() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`SPA in Chromium: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  ensureSpaBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-spa-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-chromium-'));
  const handle = await createApp(
    loadConfig(
      {},
      { dataDir, port: 0, host: '127.0.0.1', seed: 'demo', schedulerIntervalSeconds: 0, adminDist: path.join(root, 'admin', 'dist'), logErrors: false },
    ),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
    viewport: { width: 1366, height: 900 },
    locale: 'id-ID',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const submissionId = await fillSubmission(handle.url);
    await login(page, handle.url, 'koordinator.polonia');
    await benchKeystroke(page, handle.url, submissionId);
    await context.clearCookies();
    await login(page, handle.url, 'kakanwil');
    await benchDashboard(page, handle.url);
  } finally {
    await context.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
