/**
 * Accessibility: axe-core (injected into the page) on login, Beranda, the dashboard, the LKE form and the unit page;
 * no serious or critical violation. Screenshots go to test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, axeViolations, describeViolations, login, openBrowser, shot, startE2eServer, type Browser, type E2eServer } from './harness';

let server: E2eServer;
let head: Browser;
let polonia = 0;
beforeAll(async () => {
  server = await startE2eServer();
  const gql = await apiAs(server.url, 'kakanwil');
  const subs = (await gql('{ submissions(periodId: 1) { id satker { code } } }')).data.submissions as { id: number; satker: { code: string } }[];
  polonia = subs.find((s) => s.satker.code === 'IMI-POLONIA')!.id;
  head = await openBrowser({ width: 1440, height: 900 });
}, 60_000);
afterAll(async () => {
  await head?.close();
  await server?.stop();
});

async function scan(page: Page, path: string, ready: string, name: string): Promise<string[]> {
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await shot(page, `a11y-${name}`);
  return describeViolations(await axeViolations(page));
}

describe('axe-core: no serious or critical violations', () => {
  it('login page', async () => {
    expect(await scan(head.page, '/login', '#username', 'login')).toEqual([]);
    await login(head.page, server.url, 'kakanwil');
  }, 90_000);

  it('Beranda (Kanwil head)', async () => {
    expect(await scan(head.page, '/home', '[data-test=home]', 'beranda')).toEqual([]);
  }, 90_000);

  it('dashboard', async () => {
    expect(await scan(head.page, '/dashboard', '[data-test=dashboard] table, [data-test=dashboard] [data-test=empty]', 'dashboard')).toEqual([]);
  }, 90_000);

  it('LKE form (Kanwil head, read-only draft)', async () => {
    expect(await scan(head.page, `/submissions/${polonia}/lke`, '[data-test=level-select]', 'lke')).toEqual([]);
  }, 90_000);

  it('unit page', async () => {
    expect(await scan(head.page, `/submissions/${polonia}`, '[data-test=unit-page]', 'unit')).toEqual([]);
  }, 90_000);

  it('LKE form (coordinator, editable)', async () => {
    const c = await openBrowser({ width: 1440, height: 900 });
    try {
      await login(c.page, server.url, 'koordinator.polonia');
      expect(await scan(c.page, `/submissions/${polonia}/lke`, '[data-test=level-select]', 'lke-coordinator')).toEqual([]);
    } finally {
      await c.close();
    }
  }, 90_000);
});
