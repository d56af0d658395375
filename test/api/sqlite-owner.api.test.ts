/**
 * SQLite: one process owns the file. A second server process on the same data directory refuses to start with a
 * message naming the owner; after the owner dies (kill -9) the next start takes the stale lock over. A database
 * locked by someone else past the busy timeout answers a retryable CONFLICT/BUSY, never an internal error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { knex } from '@mikro-orm/knex';
import { afterAll, describe, expect, it } from 'vitest';
import { ON_PG } from '../support/pg';
import { spawnServer } from '../support/server-process';
import { Client, demoSubmissions, ok, startServer } from './helpers';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-owner-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(ON_PG)('one process owns the SQLite file', () => {
  it('a second process refuses to start; after kill -9 of the owner the next start takes over', async () => {
    const dataDir = tmp();
    const env = { PANTAU_DATA_DIR: dataDir, PANTAU_SEED: 'none', PANTAU_QUIET: '1' };
    const a = await spawnServer(env);
    try {
      const second = spawnServer(env);
      await expect(second).rejects.toThrow(new RegExp(`exited \\(1\\)[\\s\\S]*sedang dipakai oleh proses lain \\(pid ${a.proc.pid}`));
      expect((await fetch(`${a.url}/health`)).status).toBe(200); // the owner is unharmed
      await a.stop('SIGKILL');
      const b = await spawnServer(env);
      expect((await fetch(`${b.url}/health`)).status).toBe(200);
      expect(await b.stop('SIGTERM')).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'pantau.sqlite.owner'))).toBe(false); // released on a clean stop
    } finally {
      await a.stop('SIGKILL');
    }
  }, 180_000);
});

const VERSION = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version value } } }`;
const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) {
  saveAnswers(submissionId: $id, level: SELF, answers: $answers) { answers { soalId version } }
}`;

describe.skipIf(ON_PG)('a locked SQLite database', () => {
  it('a write that cannot get the lock within the busy timeout answers CONFLICT/BUSY (retryable), then succeeds', async () => {
    const server = await startServer();
    // another tool on the same file: one connection of its own
    const other = knex({ client: 'sqlite3', connection: { filename: server.handle.config.dbFile }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
    const exec = async (sql: string) => void (await other.raw(sql));
    try {
      const c = new Client(server.url);
      ok(await c.login('koordinator.polonia'));
      const id = (await demoSubmissions(c))['IMI-POLONIA'].id;
      const row = ok(await c.gql(VERSION, { id })).submission.answers.find((x: { soalId: number }) => x.soalId === 2);
      const answer = { soalId: 2, value: row?.value === 'A' ? 'B' : 'A', expectedVersion: row?.version ?? null };
      await exec('BEGIN IMMEDIATE'); // another tool holds the write lock
      const r = await c.gql(SAVE, { id, answers: [answer] });
      expect(r.status).not.toBe(500);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'BUSY', retryable: true });
      await exec('COMMIT');
      ok(await c.gql(SAVE, { id, answers: [answer] })); // nothing was written by the refused save
    } finally {
      await other.destroy();
      await server.cleanup();
    }
  }, 120_000);
});
