/**
 * The Kanwil dashboard and the unit page at 1440 px (issue #14.4, #12.6, #12.4): every column needed is on screen
 * without scrolling sideways (eligibility with its reasons written out, Hasil measured/estimated/missing with each
 * survey's source, next deadline), WBBM units coloured against the WBBM area minimum, heat-map cells open the unit's
 * area in the LKE; the gap planner says what each survey must reach and plans with an assumed index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument } from '@pantau/shared';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
let rows: any[];

beforeAll(async () => {
  server = await startE2eServer();
  const gql = await apiAs(server.url, 'kakanwil');
  rows = (
    await gql(
      `{ kanwilComparison(periodId: 1) { rows { submissionId target satker { code } areas { code selfPercent } hasil { state } eligibility { eligible failures { message } } } } }`,
    )
  ).data.kanwilComparison.rows;
});
afterAll(async () => server?.stop());

describe('dashboard at 1440 px', () => {
  it('shows eligibility with reasons, Hasil with sources and the next deadline without sideways scrolling; WBBM against WBBM minimums', async () => {
    const b = await openBrowser({ width: 1440, height: 900 });
    try {
      const { page } = b;
      await login(page, server.url, 'kakanwil');
      await page.goto(`${server.url}/dashboard`);
      await page.waitForSelector('[data-test=comparison-table] [data-test=hasil-cell]');
      await shot(page, 'hasil-dashboard-1440');
      const table = page.locator('[data-test=comparison-table]');
      // every column header within the viewport, and the table does not scroll sideways
      const headers = await table
        .locator('th')
        .evaluateAll((ths) => ths.map((th) => ({ text: th.textContent?.trim() ?? '', right: th.getBoundingClientRect().right })));
      const names = headers.map((h) => h.text);
      for (const n of ['Kelayakan', 'Tenggat berikut', 'Hasil (survei)', 'Lengkap', 'Satker', 'Status'])
        expect(
          names.some((x) => x.startsWith(n)),
          n,
        ).toBe(true);
      const cardRight = await table.evaluate((el) => el.getBoundingClientRect().right);
      for (const h of headers) expect(h.right, h.text).toBeLessThanOrEqual(cardRight + 1);
      const scroll = await table
        .locator('.n-data-table-base-table-body, .n-scrollbar-container')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(scroll).toBeLessThanOrEqual(2);

      // reasons written out in the cell (no hover), as many rows as the server says are not eligible
      const notEligible = rows.filter((r) => r.eligibility && !r.eligibility.eligible);
      expect(await table.locator('[data-test=eligibility-reasons]').count()).toBe(notEligible.length);
      const firstReason = notEligible[0].eligibility.failures[0].message;
      expect(await table.locator('[data-test=eligibility-reasons] li', { hasText: firstReason }).first().isVisible()).toBe(true);
      // Hasil: each state in the demo data, sources beside the values
      for (const s of ['MEASURED', 'ESTIMATED', 'MISSING']) {
        expect(await table.locator(`[data-test=hasil-cell][data-state=${s}]`).count(), s).toBe(rows.filter((r) => r.hasil?.state === s).length);
      }
      expect(await table.locator('[data-test=hasil-cell][data-state=MEASURED] [data-test=survey-source]', { hasText: 'BPS' }).count()).toBeGreaterThan(0);
      expect(await table.locator('[data-test=row-deadline]').count()).toBeGreaterThan(0);

      // areas are coloured against the minimum of the row's own target: a WBBM unit's 60–75 % is not met
      for (const r of rows.filter((r) => r.submissionId && r.areas.some((a: any) => a.selfPercent !== null))) {
        const min = r.target === 'WBBM' ? 75 : 60;
        const row = table.locator('tbody tr', { has: page.locator(`text=${r.satker.code}`) }).first();
        for (const a of r.areas) {
          if (a.selfPercent === null) continue;
          const color = await row.locator(`[data-test=area-cell-${a.code}]`).evaluate((el) => getComputedStyle(el).color);
          expect(color === 'rgb(39, 103, 73)', `${r.satker.code} A${a.code} ${a.selfPercent} (min ${min})`).toBe(a.selfPercent >= min - 1e-9);
        }
      }

      // heat map: a cell opens the unit's area in its LKE (the cell links, also for the keyboard)
      const target = rows.find((r) => r.submissionId && r.areas.some((a: any) => a.selfPercent !== null));
      await page.locator('[data-test=heatmap]').scrollIntoViewIfNeeded();
      await shot(page, 'hasil-dashboard-heatmap-1440');
      await page.click(`[data-test=heat-link-${target.satker.code}-5]`);
      await page.waitForURL((u) => u.pathname === `/submissions/${target.submissionId}/lke` && u.searchParams.get('area') === '5');
      // the LKE opens on the area's first item
      const inst = bundledInstrument();
      const first = inst.items.find((i) => i.areaNo === inst.areas.find((a) => a.code === '5')!.no)!;
      await page.waitForSelector(`[data-test=item-${first.soalId}]`, { state: 'visible' });
      await shot(page, 'hasil-heatmap-opens-area');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('unit page: the gap planner says what each survey must reach and plans with an assumed index', async () => {
    const missing = rows.find((r) => r.hasil?.state === 'MISSING');
    expect(missing).toBeTruthy();
    const b = await openBrowser({ width: 1440, height: 900 });
    try {
      const { page } = b;
      await login(page, server.url, 'kakanwil');
      await page.goto(`${server.url}/submissions/${missing.submissionId}`);
      await page.waitForSelector('[data-test=gap-surveys]');
      const surveys = await page.textContent('[data-test=gap-surveys]');
      expect(surveys).toMatch(/IP(AK|KP) ≥ \d,\d\d diperlukan/);
      expect(surveys).not.toMatch(/tidak dapat dicapai/i);
      // every survey value on the page has its source beside it
      const values = page.locator('[data-test=level-scores] [data-test=survey-value]');
      for (let i = 0; i < (await values.count()); i++) {
        const v = values.nth(i);
        if (/\d/.test((await v.textContent()) ?? '')) expect(await v.locator('[data-test=survey-source]').count()).toBe(1);
      }
      const before = await page.textContent('[data-test=gap-assumption]');
      const input = page.locator('[data-test=gap-surveys] [data-test^=assume-] input').first();
      await input.fill('2');
      await input.press('Tab');
      await page.waitForFunction((b) => document.querySelector('[data-test=gap-assumption]')?.textContent !== b, before);
      expect(await page.textContent('[data-test=gap-assumption]')).toMatch(/anggapan/);
      await shot(page, 'hasil-unit-gap-1440');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
