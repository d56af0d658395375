/**
 * The public survey page at a phone viewport in headless Chromium (no login): one screen per block, Indonesian
 * first with an English switch, the response stored once; the same ticket sent again is refused; then the unit's
 * results page for the Kanwil head with the respondent count and the index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jakartaDate } from '@pantau/shared';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
let round: { id: number; satkerId: number; serviceTypes: { code: string; token: string; path: string }[] };

beforeAll(async () => {
  server = await startE2eServer();
  const gql = await apiAs(server.url, 'kakanwil');
  const subs = (await gql(`{ submissions(periodId: 1) { satker { id code } } }`)).data.submissions;
  const satkerId = subs.find((s: any) => s.satker.code === 'IMI-BELAWAN').satker.id;
  const r = await gql(`mutation ($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id satkerId serviceTypes { code token path } } }`, {
    i: {
      satkerId,
      periodId: 1,
      startDate: jakartaDate(),
      endDate: jakartaDate(new Date(Date.now() + 7 * 86_400_000)),
      serviceTypes: ['Paspor', 'Izin tinggal'],
      respondentGroups: ['Pemohon', 'Kuasa / biro jasa'],
    },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  round = r.data.openSurveyRound;
});
afterAll(async () => server?.stop());

describe('public survey page (phone)', () => {
  it('answers block by block, sends once, refuses the same ticket again; English switch', async () => {
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = b;
      const formResponse = page.waitForResponse((r) => r.url().includes('/api/survey/public/') && r.request().method() === 'GET');
      await page.goto(`${server.url}${round.serviceTypes[0].path}`);
      const ticket = (await (await formResponse).json()).ticket as string;
      await page.waitForSelector('[data-test=survey-block-intro]');
      expect(await page.textContent('[data-test=survey-unit]')).toContain('Belawan');
      expect(await page.textContent('[data-test=survey-service]')).toBe('Paspor');
      expect(await page.textContent('h1')).toBe('Survei Kepuasan dan Antikorupsi Layanan');
      // no personal data asked: no text inputs a person can see
      expect(await page.locator('input[type=text]:not([name=website]), input[type=email], input[type=tel], textarea').count()).toBe(0);
      // the honeypot is in the form but off-screen
      const hp = await page.locator('input[name=website]').boundingBox();
      expect(hp === null || hp.x < 0).toBe(true);
      // the page fits the phone: no horizontal scrolling
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, 'survey-phone-intro');

      // English and back
      await page.click('[data-test=lang-en]');
      expect(await page.textContent('h1')).toBe('Service Satisfaction and Anti-Corruption Survey');
      await page.click('[data-test=lang-id]');

      // a group is needed before starting
      await page.click('[data-test=survey-next]');
      await page.waitForSelector('[data-test=survey-incomplete]');
      await page.click('[data-test=group-R1]');
      await page.click('[data-test=survey-next]');

      // SPKP: 8 statements on one screen; all must be answered
      await page.waitForSelector('[data-test=survey-block-SPKP]');
      expect(await page.locator('[data-test=survey-block-SPKP] fieldset').count()).toBe(8);
      for (let i = 1; i <= 7; i++) await page.click(`[data-test=score-SPKP${i}-5]`);
      await page.click('[data-test=survey-next]');
      await page.waitForSelector('[data-test=survey-incomplete]');
      await page.click('[data-test=score-SPKP8-2]');
      await shot(page, 'survey-phone-spkp');
      await page.click('[data-test=survey-next]');

      // SPAK: 5 statements, then send
      await page.waitForSelector('[data-test=survey-block-SPAK]');
      expect(await page.locator('[data-test=survey-block-SPAK] fieldset').count()).toBe(5);
      for (let i = 1; i <= 5; i++) await page.click(`[data-test=score-SPAK${i}-6]`);
      await page.click('[data-test=survey-send]');
      await page.waitForSelector('[data-test=survey-thanks]');
      await shot(page, 'survey-phone-thanks');

      // the same ticket again, from this browser: refused, nothing more stored
      const again = await page.evaluate(
        async ({ token, ticket }) => {
          const scores: Record<string, number> = {};
          for (let i = 1; i <= 8; i++) scores[`SPKP${i}`] = 1;
          for (let i = 1; i <= 5; i++) scores[`SPAK${i}`] = 1;
          const res = await fetch(`/api/survey/public/${token}/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-pantau-csrf': '1' },
            body: JSON.stringify({ ticket, respondentGroup: 'R1', scores, website: '' }),
          });
          return { status: res.status, body: await res.json() };
        },
        { token: round.serviceTypes[0].token, ticket },
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');

      // another respondent on the same device gets a fresh form
      await page.click('[data-test=survey-another]');
      await page.waitForSelector('[data-test=survey-block-intro]');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }

    const gql = await apiAs(server.url, 'kakanwil');
    const res = (await gql(`query ($id: Int!) { surveyRoundResult(id: $id) { overall { respondents indices { kind index } } } }`, { id: round.id })).data
      .surveyRoundResult;
    // SPKP: 7 × 5 and 2 → (35 + 2)/8 = 4.625 → ÷ 6 × 4 = 3.0833 → 3.08; SPAK all 6 → 4
    expect(res.overall.respondents).toBe(1);
    expect(res.overall.indices).toEqual(
      expect.arrayContaining([
        { kind: 'IPKP', index: 3.08 },
        { kind: 'IPAK', index: 4 },
      ]),
    );
  });

  it('a closed link says so and offers no form', async () => {
    const gql = await apiAs(server.url, 'kakanwil');
    const subs = (await gql(`{ submissions(periodId: 1) { satker { id code } } }`)).data.submissions;
    const satkerId = subs.find((s: any) => s.satker.code === 'IMI-PATI').satker.id;
    const r = await gql(`mutation ($i: OpenSurveyRoundInput!) { openSurveyRound(input: $i) { id serviceTypes { path } } }`, {
      i: { satkerId, periodId: 1, startDate: '2026-01-01', endDate: '2026-01-31', serviceTypes: ['Paspor'], respondentGroups: ['Pemohon'] },
    });
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await b.page.goto(`${server.url}${r.data.openSurveyRound.serviceTypes[0].path}`);
      await b.page.waitForSelector('[data-test=survey-closed]');
      expect(await b.page.locator('[data-test=survey-send], [data-test=survey-next]').count()).toBe(0);
    } finally {
      await b.close();
    }
  });
});

describe('survey results page (Kanwil head)', () => {
  it('shows the round, its QR codes, the respondent count, the index with the conversion, and the warning', async () => {
    const b = await openBrowser();
    try {
      const { page } = b;
      await login(page, server.url, 'kakanwil');
      await page.goto(`${server.url}/surveys?satker=${round.satkerId}`);
      await page.waitForSelector('[data-test=survey-results]');
      expect(await page.textContent('[data-test=survey-respondents]')).toBe('1');
      expect(await page.textContent('[data-test=survey-index-IPKP]')).toContain('3,08');
      expect(await page.textContent('[data-test=survey-index-IPKP]')).toContain('Indeks = rata-rata ÷ 6 × 4');
      expect(await page.textContent('[data-test=survey-warning]')).toContain('kurang dari 30');
      expect(await page.locator('[data-test^=survey-link-] img').count()).toBe(2);
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-test^=survey-link-] img')).every((i) => (i as HTMLImageElement).naturalWidth > 0),
      );
      await shot(page, 'survey-results');
      // The per-service table exports with the columns shown.
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-test=survey-results] [data-test=table-export] [data-test=export-csv]'),
      ]);
      const csvFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pz-survey-')), csv.suggestedFilename());
      await csv.saveAs(csvFile);
      expect(csv.suggestedFilename()).toBe(`survei-${round.id}-perService.csv`);
      const lines = fs.readFileSync(csvFile, 'utf8').split(/\r?\n/);
      expect(lines[0]).toBe('\uFEFFJenis layanan / kelompok,Responden,IPKP,IPAK');
      expect(lines.slice(1).join('\n')).toContain('3,08');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
