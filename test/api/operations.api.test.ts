/** Operations: config validated at start, /ready, graceful shutdown of a real server process. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';
import { freshPgDatabase, ON_PG } from '../support/pg';
import { spawnServer } from '../support/server-process';
import { startServer } from './helpers';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-ops-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('config validation', () => {
  it('PANTAU_SEED=NONE means none (never the demo accounts); unknown values name the variable', () => {
    expect(loadConfig({ PANTAU_SEED: 'NONE' }).seed).toBe('none');
    expect(() => loadConfig({ PANTAU_SEED: 'kosong' })).toThrow(ConfigError);
    expect(() => loadConfig({ PANTAU_SEED: 'kosong' })).toThrow(/PANTAU_SEED/);
    expect(() => loadConfig({ PANTAU_PORT: 'delapan' })).toThrow(/PANTAU_PORT/);
    expect(() => loadConfig({ PANTAU_DATABASE_URL: 'mysql://x' })).toThrow(/PANTAU_DATABASE_URL/);
    expect(() => loadConfig({ PANTAU_SECURE_COOKIES: 'yes' })).toThrow(/PANTAU_SECURE_COOKIES/);
  });

  it('PANTAU_TRUST_PROXY and PANTAU_PORTALRB_RATE_LIMIT are checked too', () => {
    for (const good of ['loopback', '1', 'true', '10.0.0.0/8, 127.0.0.1', 'loopback,uniquelocal', '::1', 'fd00::/8']) {
      expect(() => loadConfig({ PANTAU_TRUST_PROXY: good }), good).not.toThrow();
    }
    for (const bad of ['yes', 'lokal', '10.0.0.0/33', '300.1.1.1', 'loopback;10.0.0.1']) {
      expect(() => loadConfig({ PANTAU_TRUST_PROXY: bad }), bad).toThrow(/PANTAU_TRUST_PROXY/);
    }
    expect(() => loadConfig({ PANTAU_PORTALRB_RATE_LIMIT: 'banyak' })).toThrow(/PANTAU_PORTALRB_RATE_LIMIT/);
    expect(() => loadConfig({ PANTAU_PORTALRB_RATE_LIMIT: '0' })).toThrow(/PANTAU_PORTALRB_RATE_LIMIT/);
  });

  it('PANTAU_BASE_PATH: a path like /pantau (trailing slash dropped); the public URL must end with it', () => {
    expect(loadConfig({}).basePath).toBe('');
    expect(loadConfig({ PANTAU_BASE_PATH: '/' }).basePath).toBe('');
    expect(loadConfig({ PANTAU_BASE_PATH: '/pantau/' }).basePath).toBe('/pantau');
    expect(loadConfig({ PANTAU_BASE_PATH: '/zi/pantau' }).basePath).toBe('/zi/pantau');
    for (const bad of ['pantau', '/pan tau', '/a//b', '/<x>']) expect(() => loadConfig({ PANTAU_BASE_PATH: bad })).toThrow(/PANTAU_BASE_PATH/);
    expect(() => loadConfig({ PANTAU_BASE_PATH: '/pantau', PANTAU_PUBLIC_URL: 'https://x.go.id' })).toThrow(/PANTAU_PUBLIC_URL.*\/pantau/);
    expect(loadConfig({ PANTAU_BASE_PATH: '/pantau', PANTAU_PUBLIC_URL: 'https://x.go.id/pantau/' }).publicUrl).toBe('https://x.go.id/pantau');
  });

  it('the server process refuses to start with exit code 2 and a message naming the variable', async () => {
    await expect(spawnServer({ PANTAU_DATA_DIR: tmp(), PANTAU_SEED: 'kosong' })).rejects.toThrow(/exited \(2\)[\s\S]*PANTAU_SEED/);
  });
});

describe('/ready', () => {
  it('answers 200 when the database is reachable and migrated', async () => {
    const server = await startServer({ seed: 'none' });
    try {
      const res = await fetch(`${server.url}/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready' });
    } finally {
      await server.cleanup();
    }
  });
});

describe('graceful shutdown (SIGTERM)', () => {
  it('a request in flight finishes, new connections are refused, the process exits 0', async () => {
    const pg = ON_PG ? await freshPgDatabase() : null;
    const srv = await spawnServer({ PANTAU_DATA_DIR: tmp(), PANTAU_SEED: 'none', PANTAU_QUIET: '1', ...(pg ? { PANTAU_DATABASE_URL: pg.url } : {}) });
    try {
      const body = JSON.stringify({ query: '{ __typename }' });
      const u = new URL(`${srv.url}/graphql`);
      const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        // half of the body now, the rest once the server has begun stopping
        req.write(body.slice(0, 5));
        (srv as any).finishBody = () => req.end(body.slice(5));
      });
      // the request is on the wire before the signal
      await new Promise((r) => setTimeout(r, 200));
      srv.proc.kill('SIGTERM');
      while (!/SIGTERM/.test(srv.output())) await new Promise((r) => setTimeout(r, 20));
      await expect(fetch(`${srv.url}/health`)).rejects.toThrow();
      (srv as any).finishBody();
      const r = await reply;
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text)).toEqual({ data: { __typename: 'Query' } });
      expect(await srv.stop()).toBe(0);
    } finally {
      await srv.stop();
      await pg?.drop();
    }
  });
});

describe('request id and JSON logs', () => {
  it('x-request-id is kept (or made) and returned; each request is logged as one JSON line with it', async () => {
    const srv = await spawnServer({ PANTAU_DATA_DIR: tmp(), PANTAU_SEED: 'none' });
    try {
      const res = await fetch(`${srv.url}/health`, { headers: { 'x-request-id': 'req-abc.123' } });
      expect(res.headers.get('x-request-id')).toBe('req-abc.123');
      const made = (await fetch(`${srv.url}/health`, { headers: { 'x-request-id': 'bad id with spaces and <html>' } })).headers.get('x-request-id');
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
      let line: Record<string, unknown> | undefined;
      for (let i = 0; i < 50 && !line; i++) {
        line = srv
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((l) => l.reqId === 'req-abc.123');
        if (!line) await new Promise((r) => setTimeout(r, 100));
      }
      expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/health', status: 200, pid: srv.proc.pid });
      expect(typeof line!.ms).toBe('number');
    } finally {
      await srv.stop();
    }
  }, 120_000);
});
