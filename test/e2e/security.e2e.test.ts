/** The built SPA runs under the server's Content-Security-Policy (no inline script): no violation on any page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, startE2eServer, type E2eServer } from './harness';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('SPA under CSP', () => {
  it('admin pages (charts, tables, forms) load without a CSP violation', async () => {
    const b = await openBrowser();
    try {
      await b.page.addInitScript(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const first = await b.page.goto(`${server.url}/login`);
      expect(first!.headers()['content-security-policy']).toContain("script-src 'self'");
      await login(b.page, server.url, 'admin');
      await b.page.waitForSelector('[data-test=comparison-table]', { timeout: 15_000 });
      for (const p of ['/submissions', '/nominations', '/audit', '/users', '/periods', '/dashboard']) {
        await b.page.goto(server.url + p);
        await b.page.waitForLoadState('networkidle');
        expect(await b.page.locator('[data-test=error]').count(), p).toBe(0);
      }
      expect(await b.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
