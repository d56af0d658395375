import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { freshPgDatabase, ON_PG } from '../support/pg';

describe('platform: health, CSRF, limits, errors, sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it('GET /health pings the database', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', pid: process.pid });
  });

  it('unknown routes and REST 404s answer JSON, not HTML', async () => {
    for (const p of ['/nope', '/api/nope']) {
      const res = await fetch(server.url + p, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('malformed JSON bodies answer JSON errors', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('CSRF: a simple POST (form / text content type) is refused and not executed', async () => {
    const c = await loginAs(server, 'admin');
    const mutation = 'mutation { createUser(input: { username: "csrf.victim", displayName: "X", password: "rahasia-123", roles: [] }) { id } }';
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await c.fetch('/graphql', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: mutation }) });
      expect(res.status, type).toBe(400);
      expect((await res.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // GET without a preflight-forcing header is refused by Apollo's CSRF prevention
    const get = await c.fetch(`/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].message).toBe('Permintaan ditolak sebagai kemungkinan CSRF: kirim sebagai JSON (content-type: application/json)');
    expect(ok(await c.gql('{ users { username } }')).users.map((u: any) => u.username)).not.toContain('csrf.victim');
  });

  it('CSRF: mutating REST requests need the x-pantau-csrf header', async () => {
    const c = await loginAs(server, 'admin');
    const res = await c.fetch('/api/anything', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/x-pantau-csrf/);
  });

  it('internal errors carry no stack trace or detail, only INTERNAL_SERVER_ERROR and a fixed message', async () => {
    const c = await loginAs(server, 'koordinator.polonia');
    const auth = server.handle.auth as any;
    const original = auth.logout;
    auth.logout = async () => {
      throw new Error('rahasia internal /etc/passwd');
    };
    try {
      const r = await c.gql('mutation { logout }');
      expect(r.errors![0]).toEqual({ message: 'Terjadi kesalahan pada server', path: ['logout'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(r.raw)).not.toMatch(/rahasia|stacktrace|\.ts:/);
    } finally {
      auth.logout = original;
    }
    // every error code is from the fixed set and no error carries a stack
    const bad = await c.gql('{ submission(id: 99999) { id } }');
    expect(bad.errors![0].extensions).toEqual({ code: 'NOT_FOUND' });
    const invalid = await c.gql('{ nosuchfield }');
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.raw)).not.toMatch(/stacktrace/);
  });

  it('login sets an httpOnly SameSite=Lax session cookie; logout ends the session', async () => {
    const c = new Client(server.url);
    const res = await c.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(username: "pengamat", password: "${DEMO_PASSWORD}") { username } }` }),
    });
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('pantau_sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = ok(await c.gql('{ me { username roles { role kanwilId satkerId } } }')).me;
    expect(me).toEqual({ username: 'pengamat', roles: [{ role: 'VIEWER', kanwilId: 1, satkerId: null }] });
    const stolen = c.cookie;
    ok(await c.gql('mutation { logout }'));
    const replay = new Client(server.url);
    replay.cookie = stolen;
    expect(ok(await replay.gql('{ me { id } }')).me).toBeNull();
  });

  it('login failures: one message for a wrong password and an unknown user', async () => {
    const c = new Client(server.url);
    const a = await c.login('pengamat', 'salah-sandi');
    const b = await c.login('tidak.ada', 'salah-sandi');
    expect(errorCode(a)).toBe('BAD_USER_INPUT');
    expect(a.errors![0].message).toBe(b.errors![0].message);
  });

  it('login throttling: after 5 failures per username + IP the 6th attempt is refused, even with the right password', async () => {
    const c = new Client(server.url);
    for (let i = 0; i < 5; i++) expect(errorCode(await c.login('kepala.polonia', 'salah-' + i))).toBe('BAD_USER_INPUT');
    const r = await c.login('kepala.polonia', DEMO_PASSWORD);
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/Terlalu banyak/);
    expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(800);
    expect(c.cookie).toBeNull();
    // another username from the same IP is not affected
    expect(ok(await c.login('koordinator.banggai')).login.username).toBe('koordinator.banggai');
  });

  it('changePassword: needs the old password, then the new one works', async () => {
    const c = await loginAs(server, 'koordinator.banggai');
    expect(errorCode(await c.gql('mutation { changePassword(oldPassword: "keliru-123", newPassword: "sandi-baru-123") }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await c.gql(`mutation { changePassword(oldPassword: "${DEMO_PASSWORD}", newPassword: "pendek") }`))).toBe('BAD_USER_INPUT');
    expect(ok(await c.gql(`mutation { changePassword(oldPassword: "${DEMO_PASSWORD}", newPassword: "sandi-baru-123") }`)).changePassword).toBe(true);
    await loginAs(server, 'koordinator.banggai', 'sandi-baru-123');
  });
});

describe('admin SPA', () => {
  it('serves admin/dist at / with an SPA fallback, leaving /graphql, /api and /health alone', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-spa-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pantau ZI</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const server = await startServer({ seed: 'none', config: { adminDist: dist } });
    try {
      for (const p of ['/', '/penilaian/12', '/login']) {
        const res = await fetch(server.url + p, { headers: { accept: 'text/html' } });
        expect(res.status, p).toBe(200);
        expect(await res.text()).toContain('<title>Pantau ZI</title>');
      }
      const js = await fetch(`${server.url}/assets/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      const api = await fetch(`${server.url}/api/nope`, { headers: { accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/json/);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(ok(await new Client(server.url).gql('{ me { id } }')).me).toBeNull();
    } finally {
      await server.cleanup();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('restart keeps all data', () => {
  it('close + createApp on the same data dir: answers, users and sessions survive; no re-seed', async () => {
    let server = await startServer();
    try {
      const coord = await loginAs(server, 'koordinator.polonia');
      const id = (await demoSubmissions(coord))['IMI-POLONIA'].id;
      const cur = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version } } }`, { id })).submission.answers;
      const v = cur.find((a: any) => a.soalId === 2)?.version ?? null;
      ok(
        await coord.gql(
          `mutation ($id: Int!, $v: Int) { saveAnswers(submissionId: $id, level: SELF, answers: [{ soalId: 2, value: "B", note: "sebelum restart", expectedVersion: $v }]) { answers { version } } }`,
          {
            id,
            v,
          },
        ),
      );
      const admin = await loginAs(server, 'admin');
      ok(
        await admin.gql(
          'mutation { createUser(input: { username: "baru.restart", displayName: "Baru", password: "rahasia-123", roles: [{ role: EVALUATOR }] }) { id } }',
        ),
      );
      const counts = ok(await admin.gql('{ users { id } satkers { id } auditEvents { total } }'));

      server = await server.restart();
      const again = new Client(server.url);
      again.cookie = coord.cookie; // the session survives the restart
      const s = ok(await again.gql(`query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId value note version } } }`, { id })).submission;
      expect(s.answers.find((a: any) => a.soalId === 2)).toMatchObject({ value: 'B', note: 'sebelum restart', version: (v ?? 0) + 1 });
      const admin2 = await loginAs(server, 'admin');
      const counts2 = ok(await admin2.gql('{ users { id } satkers { id } auditEvents { total } }'));
      expect(counts2.users.length).toBe(counts.users.length);
      expect(counts2.satkers.length).toBe(counts.satkers.length);
      expect(counts2.auditEvents.total).toBeGreaterThanOrEqual(counts.auditEvents.total);
      await loginAs(server, 'baru.restart', 'rahasia-123');
    } finally {
      await server.cleanup();
    }
  });

  it('PANTAU_SEED=none + create-admin: the first admin signs in', async () => {
    const { createAdmin } = await import('../../server/src/db/create-admin');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-admin-'));
    const pg = ON_PG ? await freshPgDatabase() : null;
    const db = pg ? ({ kind: 'postgresql', url: pg.url } as const) : path.join(dataDir, 'pantau.sqlite');
    const made = await createAdmin(db, { username: 'pertama', password: 'rahasia-admin' });
    expect(made.username).toBe('pertama');
    await expect(createAdmin(db, { username: 'pertama', password: 'rahasia-admin' })).rejects.toThrow(/sudah dipakai/);
    await expect(createAdmin(db, { username: 'kedua', password: 'pendek' })).rejects.toThrow(/minimal/);
    const server = await startServer({ seed: 'none', dataDir, config: pg ? { databaseUrl: pg.url } : {} });
    try {
      const c = await loginAs(server, 'pertama', 'rahasia-admin');
      expect(ok(await c.gql('{ me { roles { role } } kanwils { id } }'))).toEqual({ me: { roles: [{ role: 'ADMIN' }] }, kanwils: [] });
    } finally {
      await server.cleanup();
      await pg?.drop();
    }
  });

  it('PANTAU_SEED=none starts empty (no demo users)', async () => {
    const server = await startServer({ seed: 'none' });
    try {
      const c = new Client(server.url);
      expect(errorCode(await c.login('admin'))).toBe('BAD_USER_INPUT');
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
    } finally {
      await server.cleanup();
    }
  });
});
