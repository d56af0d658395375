/**
 * PANTAU_WORKERS: several server processes (node:cluster) on one port and one PostgreSQL database. Connections are
 * spread over the workers (/health says which pid answered); SIGTERM to the primary stops every worker and exits 0.
 * On SQLite more than one worker is refused at start with a message naming the variable.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';
import { freshPgDatabase, ON_PG } from '../support/pg';
import { spawnServer } from '../support/server-process';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-workers-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** GET on a new connection each time (a keep-alive connection stays with one worker). */
function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject)
      .setTimeout(10_000, function (this: http.ClientRequest) {
        this.destroy(new Error('timeout'));
      });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('PANTAU_WORKERS on SQLite', () => {
  it('more than one worker is refused (exit 2, the message names PANTAU_WORKERS and PostgreSQL)', async () => {
    expect(loadConfig({ PANTAU_WORKERS: '1' }).workers).toBe(1);
    expect(() => loadConfig({ PANTAU_WORKERS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ PANTAU_WORKERS: 'dua' })).toThrow(/PANTAU_WORKERS/);
    expect(loadConfig({ PANTAU_WORKERS: '3', PANTAU_DATABASE_URL: 'postgres://u:p@h/db' }).workers).toBe(3);
    await expect(spawnServer({ PANTAU_DATA_DIR: tmp(), PANTAU_WORKERS: '2' })).rejects.toThrow(/exited \(2\)[\s\S]*PANTAU_WORKERS=2[\s\S]*PostgreSQL/);
  });
});

describe.runIf(ON_PG)('PANTAU_WORKERS=2 on PostgreSQL', () => {
  it('both workers answer on one port, a dead worker is replaced, and SIGTERM stops them all', async () => {
    const db = await freshPgDatabase('pantau_wk');
    const srv = await spawnServer({
      PANTAU_DATABASE_URL: db.url,
      PANTAU_DATA_DIR: tmp(),
      PANTAU_SEED: 'none',
      PANTAU_QUIET: '1',
      PANTAU_WORKERS: '2',
    });
    try {
      const pids = new Set<number>();
      for (let i = 0; i < 40 && pids.size < 2; i++) {
        const r = await getFresh(`${srv.url}/health`);
        expect(r.status).toBe(200);
        pids.add(JSON.parse(r.body).pid);
      }
      expect(pids.size).toBe(2);
      expect(pids.has(srv.proc.pid!)).toBe(false);
      // a worker that dies is replaced; the service stays up meanwhile
      const [victim, survivor] = [...pids];
      process.kill(victim, 'SIGKILL');
      const now = new Set<number>();
      const until = Date.now() + 150_000; // the replacement starts like any worker (slow on a loaded machine)
      while (Date.now() < until && now.size < 2) {
        // a connection handed to the killed worker before the primary noticed is lost: the client retries
        const r = await getFresh(`${srv.url}/health`).catch(() => null);
        if (r?.status === 200) now.add(JSON.parse(r.body).pid);
        if (now.size < 2) await new Promise((res) => setTimeout(res, 100));
      }
      expect(now.has(victim)).toBe(false);
      expect(now.has(survivor)).toBe(true);
      expect(now.size).toBe(2);
      for (const p of now) pids.add(p);

      expect(await srv.stop('SIGTERM')).toBe(0);
      for (const pid of pids) {
        for (let t = 0; t < 50 && alive(pid); t++) await new Promise((r) => setTimeout(r, 100));
        expect(alive(pid)).toBe(false);
      }
    } finally {
      await srv.stop('SIGKILL');
      await db.drop();
    }
  }, 400_000);
});
