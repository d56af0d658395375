/**
 * Browser-test harness: the real server (createApp) on a temp database with the demo seed, serving the built SPA
 * (admin/dist, built by global-setup when missing), driven by headless Debian Chromium through playwright-core.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { createApp, type AppHandle } from '../../server/src/app';
import { loadConfig, type AppConfig } from '../../server/src/config';
import { DEMO_PASSWORD } from '../../server/src/db/seed';

export { DEMO_PASSWORD };

const ROOT = path.resolve(__dirname, '..', '..');
export const ADMIN_DIST = path.join(ROOT, 'admin', 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';

export interface E2eServer {
  handle: AppHandle;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startE2eServer(overrides: Partial<AppConfig> = {}): Promise<E2eServer> {
  if (!fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) throw new Error('admin/dist is missing: run `npm run build -w admin`');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-e2e-'));
  const handle = await createApp(
    loadConfig(
      {},
      {
        port: 0,
        host: '127.0.0.1',
        schedulerIntervalSeconds: 0,
        dataDir,
        seed: 'demo',
        adminDist: ADMIN_DIST,
        logErrors: process.env.PANTAU_TEST_LOG === '1',
        ...overrides,
      },
    ),
  );
  return {
    handle,
    url: handle.url,
    dataDir,
    async stop() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh Chromium profile (own cookies) per call. */
export async function openBrowser(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 401/403/409 answers the app handles are logged by Chromium as failed resources: not app errors.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-test=login-submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** GraphQL over HTTP as one user (cookie jar of one), to check what the browser stored. */
export async function apiAs(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  let cookie = '';
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.getSetCookie?.() ?? [];
    for (const c of set) if (c.startsWith('pantau_sid=')) cookie = c.split(';')[0]!;
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  const r = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { id } }', { u: username, p: password });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return gql;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Runs axe-core (the npm package, injected into the page) on the current page, WCAG 2.x A/AA rules plus best
 * practices; returns the violations of the given impacts (serious and critical by default).
 */
export async function axeViolations(page: Page, impacts: string[] = ['serious', 'critical']): Promise<AxeViolation[]> {
  const source = axe.source;
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') does not apply, the page is unchanged
  if (!loaded) await page.evaluate(source);
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  });
  return all.filter((v) => v.impact != null && impacts.includes(v.impact));
}

/** One line per violation and node, for a readable assertion failure. */
export function describeViolations(vs: AxeViolation[]): string[] {
  return vs.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')} ${n.html}`));
}
