/**
 * The Kanwil dashboard at ministry scale: 1,000 units. The comparison answer of the demo Kanwil is multiplied to
 * 1,000 rows in the browser's network layer (the server's own speed at 1,000 units is the bench's); the page must
 * stay usable: a paged table, a paged heat map of constant size (an HTML table of 30 rows, no canvas), the pager answering. The time to interactive is
 * printed for the report (no timing assertion: the machine is shared).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const UNITS = 1000;

describe('dashboard with 1,000 units', () => {
  it('shows a paged table and a paged heat map, and pages both', { timeout: 120_000 }, async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.waitForSelector('[data-test=comparison-table] tbody tr');
      const serverMs: number[] = [];
      await b.page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('KanwilComparison')) return route.continue();
        const f0 = Date.now();
        const res = await route.fetch();
        serverMs.push(Date.now() - f0);
        const json = await res.json();
        const rows = json.data.kanwilComparison.rows as { satker: { id: number; code: string; name: string } }[];
        const out = Array.from({ length: UNITS }, (_, i) => {
          const r = structuredClone(rows[i % rows.length]!);
          r.satker = { ...r.satker, id: 100_000 + i, code: `${r.satker.code}-${i}`, name: `${r.satker.name} ${i}` };
          return r;
        });
        json.data.kanwilComparison.rows = out;
        await route.fulfill({ response: res, json });
      });
      const ready = async () => {
        await b.page.waitForSelector(`text=${UNITS} satker`);
        await b.page.waitForSelector('[data-test=heatmap-grid] [data-test=heatmap-row]');
        await b.page.waitForSelector('[data-test=heatmap-range]');
      };
      // a full page load of /dashboard (assets from the HTTP cache after the login), then the in-app navigation
      let t0 = Date.now();
      await b.page.goto(`${server.url}/dashboard`);
      await ready();
      const pageLoad = Date.now() - t0;
      await b.page.click('[data-test=nav-submissions]');
      await b.page.waitForURL('**/submissions');
      await b.page.waitForSelector('[data-test=submissions]');
      const cdp = process.env.PROFILE ? await b.context.newCDPSession(b.page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      t0 = Date.now();
      await b.page.click('[data-test=nav-dashboard]');
      await ready();
      if (cdp) {
        const { profile } = (await cdp.send('Profiler.stop')) as {
          profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
        };
        const self = new Map<string, number>();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
          const n = byId.get(id)!;
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
          self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
        });
        console.log(
          [...self]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 40)
            .map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`)
            .join('\n'),
        );
      }
      const interactive = Date.now() - t0;
      expect(await b.page.locator('[data-test=comparison-table] tbody tr').count()).toBe(50);
      // the heat map rows are the units with a submission (the demo rows repeated: most of the 1,000)
      const range = (await b.page.textContent('[data-test=heatmap-range]'))?.replace(/\s/g, '') ?? '';
      expect(range).toMatch(/^1–30\/\d+$/);
      expect(Number(range.split('/')[1])).toBeGreaterThan(UNITS / 2);
      // the heat map keeps its size: 30 units a page, not 26 px × 1,000; no canvas near Chromium's size limit
      expect(await b.page.locator('[data-test=heatmap] [data-test=heatmap-row]').count()).toBe(30);
      expect(await b.page.locator('[data-test=heatmap] canvas').count()).toBe(0);
      const h = await b.page.locator('[data-test=heatmap]').evaluate((el) => el.getBoundingClientRect().height);
      expect(h).toBeLessThan(1000);
      // the chart below the fold (progress, ECharts) is not fetched until it is scrolled to
      expect(await b.page.locator('[data-test=progress-card]').count()).toBe(0);
      const t1 = Date.now();
      await b.page.locator('[data-test=heatmap-pager] .n-pagination-item').filter({ hasText: /^2$/ }).click();
      await b.page.waitForFunction(() => document.querySelector('[data-test=heatmap-range]')?.textContent?.replace(/\s/g, '').startsWith('31–60'));
      const heatPage = Date.now() - t1;
      const first = await b.page.locator('[data-test=comparison-table] tbody tr').first().textContent();
      const t2 = Date.now();
      await b.page
        .locator('[data-test=comparison-table] ~ * .n-pagination-item, [data-test=comparison-table] .n-pagination-item')
        .filter({ hasText: /^2$/ })
        .first()
        .click();
      await b.page.waitForFunction((f) => document.querySelector('[data-test=comparison-table] tbody tr')?.textContent !== f, first);
      const tablePage = Date.now() - t2;
      await shot(b.page, 'dashboard-1000');
      console.log(
        `[dashboard-scale] ${UNITS} units: page load ${pageLoad} ms, in-app navigation ${interactive} ms (to table + heat map drawn), heat map page ${heatPage} ms, server answer ${serverMs.join('/')} ms, table page ${tablePage} ms`,
      );
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
