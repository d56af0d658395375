/** Security headers on every response, br/gzip compression, and introspection only for admins in production. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, ok, startServer, type TestServer } from './helpers';

describe('security headers and compression', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-spa-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pantau ZI</title><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(20_000))});`);
    server = await startServer({ config: { adminDist: dist } });
  });
  afterAll(async () => {
    await server?.cleanup();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('every kind of response carries CSP (no inline script, no framing), nosniff, DENY and Referrer-Policy', async () => {
    const responses = await Promise.all([
      fetch(`${server.url}/`, { headers: { accept: 'text/html' } }),
      fetch(`${server.url}/assets/app.js`),
      fetch(`${server.url}/health`),
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' }),
      fetch(`${server.url}/api/nope`, { headers: { accept: 'application/json' } }),
    ]);
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(script, res.url).toBe("'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('compresses SPA assets and API responses with br or gzip as the client asks', async () => {
    for (const enc of ['br', 'gzip']) {
      const js = await fetch(`${server.url}/assets/app.js`, { headers: { 'accept-encoding': enc } });
      expect(js.headers.get('content-encoding'), enc).toBe(enc);
      expect((await js.text()).length).toBeGreaterThan(20_000);
    }
    const c = await loginAs(server, 'admin');
    const res = await c.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      body: JSON.stringify({ query: '{ instrument { items { soalId text } } }' }),
    });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect((await res.json()).data.instrument.items.length).toBeGreaterThan(50);
    // small answers are not worth it
    expect((await fetch(`${server.url}/health`, { headers: { 'accept-encoding': 'br' } })).headers.get('content-encoding')).toBeNull();
  });
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('in production mode only a signed-in administrator may introspect', async () => {
    const server = await startServer({ config: { production: true } });
    try {
      const anon = await new Client(server.url).gql(INTROSPECT);
      expect(anon.status).toBe(403);
      expect(anon.errors![0]).toMatchObject({ message: 'Introspeksi skema hanya untuk administrator yang sudah masuk', extensions: { code: 'FORBIDDEN' } });
      expect(anon.data).toBeUndefined();
      const viewer = await loginAs(server, 'pengamat');
      expect((await viewer.gql('{ __type(name: "Query") { name } }')).errors![0].extensions!.code).toBe('FORBIDDEN');
      // __typename is not introspection
      expect(ok(await viewer.gql('{ me { __typename } }')).me.__typename).toEqual(expect.any(String));
      const admin = await loginAs(server, 'admin');
      expect(ok(await admin.gql(INTROSPECT)).__schema.queryType.name).toBe('Query');
    } finally {
      await server.cleanup();
    }
  });

  it('outside production (development, tests, codegen) introspection stays open', async () => {
    const server = await startServer({ seed: 'none' });
    try {
      expect(ok(await new Client(server.url).gql(INTROSPECT)).__schema.queryType.name).toBe('Query');
    } finally {
      await server.cleanup();
    }
  });
});
