/**
 * Accessibility: axe-core (injected into the page) on login, Beranda, the dashboard, the LKE form and the unit page,
 * no serious or critical violation. Screenshots go to test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, axeViolations, describeViolations, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
let polonia = 0;
beforeAll(async () => {
  server = await startE2eServer();
  const gql = await apiAs(server.url, 'kakanwil');
  const subs = (await gql('{ submissions(periodId: 1) { id satker { code } } }')).data.submissions as { id: number; satker: { code: string } }[];
  polonia = subs.find((s) => s.satker.code === 'IMI-POLONIA')!.id;
});
afterAll(async () => server?.stop());

async function settle(page: import('playwright-core').Page, selector: string) {
  await page.waitForSelector(selector, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

describe('axe-core: no serious or critical violations', () => {
  it('login, Beranda, dashboard, LKE form and unit page (Kanwil head), LKE form (coordinator)', async () => {
    const b = await openBrowser({ width: 1440, height: 900 });
    const found: Record<string, string[]> = {};
    try {
      await b.page.goto(`${server.url}/login`);
      await settle(b.page, '#username');
      found.login = describeViolations(await axeViolations(b.page));

      await login(b.page, server.url, 'kakanwil');
      await b.page.goto(`${server.url}/home`);
      await settle(b.page, '[data-test=home]');
      found.beranda = describeViolations(await axeViolations(b.page));

      await b.page.goto(`${server.url}/dashboard`);
      await settle(b.page, '[data-test=dashboard] table, [data-test=dashboard] [data-test=empty]');
      found.dashboard = describeViolations(await axeViolations(b.page));
      await shot(b.page, 'a11y-dashboard');

      await b.page.goto(`${server.url}/submissions/${polonia}/lke`);
      await settle(b.page, '[data-test=level-select]');
      found.lke = describeViolations(await axeViolations(b.page));
      await shot(b.page, 'a11y-lke');

      await b.page.goto(`${server.url}/submissions/${polonia}`);
      await settle(b.page, '[data-test=unit-page]');
      found.unit = describeViolations(await axeViolations(b.page));
      await shot(b.page, 'a11y-unit');
    } finally {
      await b.close();
    }
    const c = await openBrowser({ width: 1440, height: 900 });
    try {
      await login(c.page, server.url, 'koordinator.polonia');
      await c.page.goto(`${server.url}/submissions/${polonia}/lke`);
      await settle(c.page, '[data-test=level-select]');
      found.lkeCoordinator = describeViolations(await axeViolations(c.page));
    } finally {
      await c.close();
    }
    expect(found).toEqual({ login: [], beranda: [], dashboard: [], lke: [], unit: [], lkeCoordinator: [] });
  });
});
