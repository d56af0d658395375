/**
 * The admin SPA in headless Chromium against the real server (temp DB, demo seed). Screenshots go to
 * test-artifacts/e2e/ for a human look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledInstrument } from '@pantau/shared';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const HOMES: { user: string; path: string; marker: string; nav: string[] }[] = [
  { user: 'admin', path: '/dashboard', marker: '[data-test=comparison-table]', nav: ['dashboard', 'submissions', 'nominations', 'audit', 'users', 'periods'] },
  { user: 'kakanwil', path: '/dashboard', marker: '[data-test=comparison-table]', nav: ['dashboard', 'submissions', 'nominations', 'audit'] },
  { user: 'koordinator.polonia', path: '/submissions', marker: '[data-test=submissions] .n-data-table', nav: ['submissions'] },
  { user: 'evaluator.itjen', path: '/evaluations', marker: '[data-test=evaluations]', nav: ['submissions', 'evaluations'] },
  { user: 'pengamat', path: '/dashboard', marker: '[data-test=comparison-table]', nav: ['dashboard', 'submissions'] },
  { user: 'kepala.polonia', path: '/submissions', marker: '[data-test=submissions] .n-data-table', nav: ['submissions'] },
];

describe('admin SPA in Chromium', () => {
  it.each(HOMES)('$user signs in and lands on $path with the navigation of the role', async ({ user, path: home, marker, nav }) => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, user);
      expect(new URL(b.page.url()).pathname).toBe(home);
      await b.page.waitForSelector(marker, { timeout: 15_000 });
      for (const n of nav) expect(await b.page.locator(`[data-test=nav-${n}]`).count(), `${user} nav ${n}`).toBe(1);
      expect(await b.page.locator('[data-test=error]').count()).toBe(0);
      await shot(b.page, `home-${user}`);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('a deep link without a session goes to /login and comes back after signing in; wrong password is refused', async () => {
    const b = await openBrowser();
    try {
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForURL((u) => u.pathname === '/login');
      expect(new URL(b.page.url()).searchParams.get('redirect')).toBe('/submissions/1/lke');
      await b.page.fill('#username', 'koordinator.polonia');
      await b.page.fill('#password', 'salah-sekali');
      await b.page.click('[data-test=login-submit]');
      await b.page.waitForSelector('[data-test=login-error]');
      await shot(b.page, 'login-wrong-password');
      await b.page.fill('#password', 'pantau-demo-2026');
      await b.page.click('[data-test=login-submit]');
      await b.page.waitForURL((u) => u.pathname === '/submissions/1/lke');
      await b.page.waitForSelector('[data-test=score-panel]');
    } finally {
      await b.close();
    }
  });

  it('the coordinator answers in the LKE form: live score, debounced autosave to the server, value kept after reload', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      await shot(b.page, 'lke-coordinator');
      const gql = await apiAs(server.url, 'koordinator.polonia');
      const before = await gql('{ submission(id: 1) { scores { self { total answered } } answers(level: SELF) { soalId value version } } }');
      const selfBefore = before.data.submission.scores.self;
      const shownBefore = await b.page.textContent('[data-test=score-total]');
      expect(shownBefore).toBe(selfBefore.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

      // an unanswered item of area 1
      await b.page.click('[data-test=filter-unanswered]');
      const first = b.page.locator('[data-test^=item-]').first();
      const soalId = Number((await first.getAttribute('data-test'))!.replace('item-', ''));
      const option = first.locator('[data-test^=opt-]').first();
      await option.click();
      await b.page.waitForFunction(() => /Tersimpan/.test(document.querySelector('[data-test=save-state]')?.textContent ?? ''), null, { timeout: 10_000 });
      const after = await gql('{ submission(id: 1) { scores { self { total answered } } answers(level: SELF) { soalId value } } }');
      expect(after.data.submission.scores.self.answered).toBe(selfBefore.answered + 1);
      expect(after.data.submission.answers.find((a: { soalId: number }) => a.soalId === soalId)).toBeTruthy();
      // browser and server agree on the new total
      const shown = await b.page.textContent('[data-test=score-total]');
      expect(shown).toBe(after.data.submission.scores.self.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      await shot(b.page, 'lke-after-autosave');

      await b.page.reload();
      await b.page.waitForSelector('[data-test=score-panel]');
      expect(await b.page.textContent('[data-test=score-total]')).toBe(shown);

      // the submit dialog lists what is still unanswered
      await b.page.click('[data-test=open-submit]');
      await b.page.waitForSelector('[data-test=unanswered-list]');
      expect(await b.page.locator('[data-test=confirm-submit]').isDisabled()).toBe(true);
      await shot(b.page, 'lke-submit-dialog');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('two people edit the same answer: the second sees the other value and chooses', async () => {
    const a = await openBrowser();
    const gql = await apiAs(server.url, 'koordinator.polonia');
    const SOAL = 2; // an A/B/C item
    try {
      await login(a.page, server.url, 'koordinator.polonia');
      await a.page.goto(`${server.url}/submissions/1/lke`);
      await a.page.waitForSelector(`[data-test=item-${SOAL}]`);
      const cur = await gql('{ submission(id: 1) { answers(level: SELF) { soalId value version } } }');
      const ans = cur.data.submission.answers.find((x: { soalId: number }) => x.soalId === SOAL);
      const keys = ['A', 'B', 'C'].filter((k) => k !== ans?.value);
      const [other, mine] = keys as [string, string];
      // someone else changes the item after the page loaded
      const saved = await gql('mutation($a: [AnswerInput!]!) { saveAnswers(submissionId: 1, level: SELF, answers: $a) { answers { version } } }', {
        a: [{ soalId: SOAL, value: other, note: 'diubah rekan', expectedVersion: ans?.version ?? null }],
      });
      expect(saved.errors).toBeUndefined();
      await a.page.click(`[data-test=opt-${SOAL}-${mine}]`);
      await a.page.waitForSelector('[data-test=conflict-dialog]', { timeout: 10_000 });
      expect(await a.page.textContent(`[data-test=conflict-${SOAL}] [data-test=theirs]`)).toBe(other);
      expect(await a.page.textContent(`[data-test=conflict-${SOAL}] [data-test=mine]`)).toBe(mine);
      await shot(a.page, 'lke-conflict');
      await a.page.click(`[data-test=keep-mine-${SOAL}]`);
      await a.page.waitForFunction(() => /Tersimpan/.test(document.querySelector('[data-test=save-state]')?.textContent ?? ''), null, { timeout: 10_000 });
      const final = await gql('{ submission(id: 1) { answers(level: SELF) { soalId value } } }');
      expect(final.data.submission.answers.find((x: { soalId: number }) => x.soalId === SOAL).value).toBe(mine);
      expect(a.errors).toEqual([]);
    } finally {
      await a.close();
    }
  });

  it('evidence upload shows progress, lands in the list, and downloads', async () => {
    const b = await openBrowser();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-ev-')), 'sk-tim-zi.pdf');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n'), Buffer.alloc(200_000, 0x20), Buffer.from('\n%%EOF\n')]),
    );
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=evidence-1]');
      const chooser = b.page.waitForEvent('filechooser');
      await b.page.click('[data-test=upload-1]');
      await (await chooser).setFiles(file);
      await b.page.waitForSelector('[data-test=evidence-1] a[download]', { timeout: 15_000 });
      const href = await b.page.getAttribute('[data-test=evidence-1] a[download]', 'href');
      expect(href).toMatch(/^\/api\/evidence\/\d+$/);
      const res = await b.page.request.get(`${server.url}${href}`);
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await b.page.locator('[data-test=evidence-1]').scrollIntoViewIfNeeded();
      await shot(b.page, 'lke-evidence');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('Kanwil review: the head writes the KANWIL level, adds an item note and returns the submission', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'kakanwil');
      const gql = await apiAs(server.url, 'kakanwil');
      const list = await gql('{ submissions(periodId: 1) { id status } }');
      const target = list.data.submissions.find((x: { status: string }) => x.status === 'SUBMITTED');
      await b.page.goto(`${server.url}/submissions/${target.id}/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      // the KANWIL level is the one this user may write now; SELF answers are shown beside it
      // the page settles on the user's level after a second load: wait for it, then check
      await b.page
        .locator('[data-test=level-select]', { hasText: 'Kanwil' })
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      expect(await b.page.textContent('[data-test=level-select]')).toContain('Kanwil');
      expect(await b.page.locator('[data-test=opt-1-Ya] input').isDisabled()).toBe(false);
      await b.page.waitForSelector('[data-test=others-1]');
      await b.page.click('[data-test=add-note-1]');
      await b.page.fill('[data-test=note-input-1] textarea', 'SK tim belum ditandatangani kepala satker.');
      await b.page.click('[data-test=note-save-1]');
      await b.page.waitForSelector('[data-test=notes-1] .pz-thread');
      await shot(b.page, 'kanwil-review-note');
      await b.page.click('[data-test=action-return]');
      await b.page.fill('[data-test=action-reason] textarea', 'Mohon lengkapi data dukung butir [1].');
      await b.page.click('[data-test=action-confirm]');
      await b.page.waitForTimeout(1500);
      await shot(b.page, 'kanwil-return-dialog');
      await b.page.waitForFunction(() => document.querySelector('[data-status]')?.getAttribute('data-status') === 'REVISION_REQUESTED', null, {
        timeout: 10_000,
      });
      const after = await gql(`{ submission(id: ${target.id}) { status returnedBy } }`);
      expect(after.data.submission).toEqual({ status: 'REVISION_REQUESTED', returnedBy: 'KANWIL' });
      await shot(b.page, 'kanwil-returned');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('the evaluator works on the TPI level with the lower levels beside it and uploads the LHE', async () => {
    const b = await openBrowser();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-lhe-')), 'lhe.pdf');
    fs.writeFileSync(file, Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'));
    try {
      await login(b.page, server.url, 'evaluator.itjen');
      await b.page.waitForSelector('[data-test=evaluations] .n-data-table');
      const gql = await apiAs(server.url, 'evaluator.itjen');
      const list = await gql('{ submissions(periodId: 1) { id status } }');
      const target = list.data.submissions.find((x: { status: string }) => x.status === 'IN_DESK_REVIEW');
      await b.page.goto(`${server.url}/submissions/${target.id}/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      // the page settles on the user's level after a second load: wait for it, then check
      await b.page
        .locator('[data-test=level-select]', { hasText: 'TPI' })
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
      expect(await b.page.textContent('[data-test=level-select]')).toContain('TPI');
      await b.page.waitForSelector('[data-test=others-1]');
      const chooser = b.page.waitForEvent('filechooser');
      await b.page.click('[data-test=upload-lhe]');
      await (await chooser).setFiles(file);
      await b.page.waitForSelector('a[href^="/api/evidence/"]:has-text("lhe.pdf")', { timeout: 15_000 });
      await shot(b.page, 'evaluator-lke');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('nomination: the Kanwil head sees the prerequisite checklist and eligibility on TPI scores', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.click('[data-test=nav-nominations]');
      await b.page.waitForSelector('[data-test=nominations] tbody tr');
      const gql = await apiAs(server.url, 'kakanwil');
      const list = await gql('{ submissions(periodId: 1) { id status } }');
      const target = list.data.submissions.find((x: { status: string }) => x.status === 'DESK_EVALUATED');
      await b.page.goto(`${server.url}/submissions/${target.id}`);
      await b.page.waitForSelector('[data-test=nom-checklist]');
      await b.page.fill('[data-test=nom-tlhp] input', '100');
      await b.page.waitForTimeout(900);
      await b.page.locator('[data-test=nomination]').scrollIntoViewIfNeeded();
      await shot(b.page, 'nomination');
      expect(await b.page.locator('[data-test=nom-checklist] tbody tr').count()).toBeGreaterThan(2);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('audit log and users (admin)', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'admin');
      await b.page.click('[data-test=nav-audit]');
      await b.page.waitForSelector('[data-test=audit] tbody tr');
      // labels, not codes; changes as fields, not JSON
      const actions = await b.page.locator('[data-test=audit-action]').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.some((a) => /^[a-z]+\.[a-zA-Z.]+$/.test(a))).toBe(false);
      expect(await b.page.locator('[data-test=audit-changes]').first().textContent()).not.toMatch(/[{}]/);
      await shot(b.page, 'audit');
      await b.page.click('[data-test=nav-users]');
      await b.page.waitForSelector('[data-test=users] tbody tr');
      const before = await b.page.locator('[data-test=users] tbody tr').count();
      expect(before).toBeGreaterThanOrEqual(7);
      await shot(b.page, 'users');
      await b.page.click('[data-test=create-user]');
      const dialog = b.page.locator('.n-modal');
      await dialog.locator('[data-test=user-username] input').fill('uji.pengamat');
      await dialog.locator('[data-test=user-name] input').fill('Pengamat Uji');
      await dialog.locator('[data-test=user-password] input').fill('rahasia-panjang-2026');
      await dialog.locator('[data-test=grant-0] [data-test=grant-role]').click();
      await b.page.locator('.n-base-select-option:visible:has-text("Pemantau")').click();
      await dialog.locator('[data-test=grant-0] [data-test=grant-kanwil]').click();
      // by name: the role menu may still be fading out, and "the first visible option" could be one of its options
      await b.page.locator('.n-base-select-option:visible:has-text("Kanwil Demo")').first().click();
      await shot(b.page, 'users-create');
      await dialog.locator('[data-test=user-save]').click();
      await b.page.waitForSelector('text=uji.pengamat', { timeout: 10_000 });
      const gql = await apiAs(server.url, 'uji.pengamat', 'rahasia-panjang-2026').catch(() => null);
      expect(gql).not.toBeNull();
      await b.page.click('[data-test=nav-periods]');
      await b.page.waitForSelector('[data-test=periods] tbody tr');
      await shot(b.page, 'periods');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('Kanwil dashboard: table, heat map, radar; English; unit page with gap plan', async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.waitForSelector('[data-test=comparison-table] tbody tr');
      expect(await b.page.locator('[data-test=comparison-table] tbody tr').count()).toBeGreaterThan(5);
      // the heat map is an HTML table and the radar SVG (no chart library on the first load)
      expect(await b.page.locator('[data-test=heatmap] [data-test=heatmap-row]').count()).toBeGreaterThan(5);
      expect(await b.page.locator('[data-test=radar] [data-test=radar-series]').count()).toBe(2);
      await b.page.click('[data-test=lang-en]');
      await b.page.waitForSelector('text=Unit comparison dashboard');
      await shot(b.page, 'dashboard-en');
      await b.page.evaluate(() => document.querySelector('.pz-charts')?.scrollIntoView());
      await shot(b.page, 'dashboard-charts');
      // progress over time (SELF, by ISO week, from the audit trail): a line chart drawn on a canvas, fetched when
      // it comes near the viewport
      await b.page.evaluate(() => document.querySelector('[data-test=progress-card], [data-test=when-visible]')?.scrollIntoView());
      await b.page.waitForSelector('[data-test=progress-card] canvas');
      await b.page.evaluate(() => document.querySelector('[data-test=progress-card]')?.scrollIntoView());
      await shot(b.page, 'dashboard-progress');
      await b.page.click('[data-test=lang-id]');
      await b.page.locator('.pz-unit-link').first().click();
      await b.page.waitForSelector('[data-test=level-scores]');
      await b.page.waitForSelector('[data-test=gap]');
      await shot(b.page, 'unit-page');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('the coordinator submits a complete LKE from the submit dialog', async () => {
    const b = await openBrowser();
    try {
      const gql = await apiAs(server.url, 'koordinator.polonia');
      const cur = await gql('{ submission(id: 1) { version unanswered answers(level: SELF) { soalId version } } }');
      const versions = new Map<number, number>(cur.data.submission.answers.map((a: { soalId: number; version: number }) => [a.soalId, a.version]));
      const instrument = bundledInstrument(2026);
      const fill = (cur.data.submission.unanswered as number[]).map((soalId) => {
        const item = instrument.itemById[soalId]!;
        return { soalId, value: item.type === 'COUNT' ? 0 : item.options[0]!.key, expectedVersion: versions.get(soalId) ?? null };
      });
      const saved = await gql('mutation($a: [AnswerInput!]!) { saveAnswers(submissionId: 1, level: SELF, answers: $a) { submission { version } } }', {
        a: fill,
      });
      expect(saved.errors).toBeUndefined();
      const pc = await gql('mutation($v: Int) { setPencanangan(submissionId: 1, date: "2025-01-15", expectedVersion: $v) { version } }', {
        v: saved.data.saveAnswers.submission.version,
      });
      expect(pc.errors).toBeUndefined();

      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      expect(await b.page.textContent('[data-test=score-completeness]')).toContain('100');
      await b.page.click('[data-test=open-submit]');
      await b.page.waitForSelector('[data-test=submit-dialog]');
      await b.page.waitForFunction(() => !(document.querySelector('[data-test=confirm-submit]') as HTMLButtonElement | null)?.disabled, null, {
        timeout: 10_000,
      });
      await shot(b.page, 'lke-submit-ready');
      await b.page.click('[data-test=confirm-submit]');
      await b.page.waitForFunction(() => document.querySelector('[data-status]')?.getAttribute('data-status') === 'SUBMITTED', null, { timeout: 10_000 });
      const after = await gql('{ submission(id: 1) { status } }');
      expect(after.data.submission.status).toBe('SUBMITTED');
      await shot(b.page, 'lke-submitted');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('works on a tablet (768×1024): LKE and dashboard', async () => {
    const b = await openBrowser({ width: 768, height: 1024 });
    try {
      await login(b.page, server.url, 'kakanwil');
      await b.page.waitForSelector('[data-test=comparison-table]');
      await shot(b.page, 'tablet-dashboard');
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      await shot(b.page, 'tablet-lke');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('works on a phone (390×844): menu in a drawer', async () => {
    const b = await openBrowser({ width: 390, height: 844 });
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.click('[data-test=menu-toggle]');
      await b.page.waitForSelector('.n-drawer [data-test=nav-submissions]');
      await shot(b.page, 'phone-menu');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
