/**
 * Issue #9 item 7 in Chromium: unsaved LKE edits survive a session expiry (re-login in place, then one save, no
 * request loop), and a save that failed while the network was gone is sent again when it returns.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Counts the GraphQL operations the page sends, by operation name. */
function countOperations(page: Page) {
  const counts = new Map<string, number>();
  page.on('request', (r) => {
    if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
    const name = (JSON.parse(r.postData() ?? '{}') as { operationName?: string }).operationName ?? '?';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return (name: string) => counts.get(name) ?? 0;
}

/** Answers the first unanswered choice item of the open LKE; returns its soalId. */
async function answerFirstUnanswered(page: Page): Promise<number> {
  await page.click('[data-test=filter-unanswered]');
  const first = page.locator('[data-test^=item-]').first();
  const soalId = Number((await first.getAttribute('data-test'))!.replace('item-', ''));
  await first.locator('[data-test^=opt-]').first().click();
  return soalId;
}

const saved = (page: Page) =>
  page.waitForFunction(() => /Tersimpan/.test(document.querySelector('[data-test=save-state]')?.textContent ?? ''), null, { timeout: 45_000 });

describe('LKE edits through a session expiry and a network loss', () => {
  it('session expired: the edit stays, a dialog signs in again in place (one request), then the edit is saved once', { timeout: 120_000 }, async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      const ops = countOperations(b.page);
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      // the session ends on the server's side (cookie gone) while the user types
      await b.context.clearCookies();
      const soalId = await answerFirstUnanswered(b.page);
      await b.page.waitForSelector('[data-test=relogin-dialog]', { timeout: 15_000 });
      // trying to leave does not leave (the edit would be lost) and does not start a request loop
      await b.page
        .locator('[data-test=nav-submissions]')
        .click({ force: true })
        .catch(() => undefined);
      await b.page.waitForTimeout(4000);
      expect(new URL(b.page.url()).pathname).toBe('/submissions/1/lke');
      expect(ops('SaveAnswers')).toBe(1);
      // the edit is still on the page, not saved (the dialog's mask is over it)
      expect(await b.page.textContent('[data-test=save-state]')).toMatch(/Gagal menyimpan/);
      await shot(b.page, 'lke-relogin-dialog');

      await b.page.fill('[data-test=relogin-password] input', DEMO_PASSWORD);
      await b.page.press('[data-test=relogin-password] input', 'Enter');
      await b.page.waitForSelector('[data-test=relogin-dialog]', { state: 'detached', timeout: 15_000 });
      await saved(b.page);
      await b.page.click('[data-test=filter-answered]');
      await b.page.waitForSelector(`[data-test=item-${soalId}].answered`);
      expect(ops('Login')).toBe(1);
      expect(ops('SaveAnswers')).toBe(2);
      const gql = await apiAs(server.url, 'koordinator.polonia');
      const res = await gql('{ submission(id: 1) { answers(level: SELF) { soalId value } } }');
      expect(res.data.submission.answers.some((a: { soalId: number }) => a.soalId === soalId)).toBe(true);
      await b.page.waitForTimeout(2000);
      expect(ops('SaveAnswers')).toBe(2);
    } finally {
      await b.close();
    }
  });

  it('network lost: the save fails, the edit stays, and it is saved when the network returns', { timeout: 120_000 }, async () => {
    const b = await openBrowser();
    try {
      await login(b.page, server.url, 'koordinator.polonia');
      await b.page.goto(`${server.url}/submissions/1/lke`);
      await b.page.waitForSelector('[data-test=score-panel]');
      await b.context.setOffline(true);
      const soalId = await answerFirstUnanswered(b.page);
      await b.page.waitForFunction(() => /Gagal/.test(document.querySelector('[data-test=save-state]')?.textContent ?? ''), null, { timeout: 15_000 });
      await shot(b.page, 'lke-offline');
      await b.context.setOffline(false);
      await saved(b.page);
      const gql = await apiAs(server.url, 'koordinator.polonia');
      const res = await gql('{ submission(id: 1) { answers(level: SELF) { soalId value } } }');
      expect(res.data.submission.answers.some((a: { soalId: number }) => a.soalId === soalId)).toBe(true);
    } finally {
      await b.close();
    }
  });
});
