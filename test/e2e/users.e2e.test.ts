/**
 * Admin user management in headless Chromium: edit roles and scopes, reset a password to a temporary one, and the
 * user's forced change at the next sign-in. Screenshots go to test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, login, openBrowser, shot, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => server?.stop());

describe('user administration in Chromium', () => {
  it('ADMIN edits a user’s roles and scope, resets the password; the user must change it before anything else', async () => {
    const admin = await openBrowser({ width: 1366, height: 900 });
    let temp = '';
    try {
      await login(admin.page, server.url, 'admin');
      await admin.page.click('[data-test=nav-users]');
      await admin.page.waitForSelector('[data-test=edit-pengamat]');
      await admin.page.click('[data-test=edit-pengamat]');
      await admin.page.waitForSelector('[data-test=user-dialog]');
      // a second role: coordinator of a unit
      await admin.page.click('[data-test=grant-add]');
      await admin.page.click('[data-test=grant-1] [data-test=grant-role]');
      await admin.page.click('.n-base-select-option:has-text("Koordinator")');
      await admin.page.click('[data-test=grant-1] [data-test=grant-satker]');
      await admin.page.keyboard.type('POLONIA');
      await admin.page.click('.n-base-select-option:has-text("IMI-POLONIA")');
      await admin.page.fill('[data-test=user-email] input', 'pemantau@example.test');
      await shot(admin.page, 'users-edit');
      await admin.page.click('[data-test=user-save]');
      await admin.page.waitForSelector('[data-test=user-dialog]', { state: 'detached' });
      await admin.page.waitForFunction(() => document.querySelector('[data-test=users]')?.textContent?.includes('IMI-POLONIA'));

      await admin.page.click('[data-test=edit-pengamat]');
      await admin.page.click('[data-test=user-reset]');
      await admin.page.click('.n-popconfirm__action button:has-text("Konfirmasi"), .n-popconfirm__action .n-button--primary-type');
      await admin.page.waitForSelector('[data-test=temp-password]');
      temp = ((await admin.page.textContent('[data-test=temp-password] code')) ?? '').trim();
      expect(temp).toMatch(/^[A-Za-z2-9]{14}$/);
      await shot(admin.page, 'users-temp-password');
      await admin.page.click('[data-test=user-dialog] .n-card-header__close');
      await admin.page.waitForFunction(() => document.querySelector('[data-test=users]')?.textContent?.includes('Wajib ganti kata sandi'));
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }

    const user = await openBrowser({ width: 1366, height: 900 });
    try {
      await login(user.page, server.url, 'pengamat', temp);
      await user.page.waitForSelector('[data-test=password-forced]');
      await shot(user.page, 'users-forced-change');
      await user.page.fill('[data-test=old-password] input', temp);
      await user.page.fill('[data-test=new-password] input', 'sandi-pilihan-sendiri');
      await user.page.fill('[data-test=confirm-password] input', 'sandi-pilihan-sendiri');
      await user.page.click('[data-test=password-save]');
      await user.page.waitForSelector('[data-test=password-done]');
      // the page reloads and works
      await user.page.waitForSelector('[data-test=password-forced]', { state: 'detached', timeout: 15_000 });
      await user.page.waitForLoadState('networkidle');
      const gql = await apiAs(server.url, 'pengamat', 'sandi-pilihan-sendiri');
      const me = await gql('{ me { mustChangePassword email roles { role satkerId } } }');
      expect(me.data.me.mustChangePassword).toBe(false);
      expect(me.data.me.email).toBe('pemantau@example.test');
      expect(me.data.me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['COORDINATOR', 'VIEWER']);
      expect(user.errors).toEqual([]);
    } finally {
      await user.close();
    }
  });
});
