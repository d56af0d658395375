/**
 * Evidence durability (issue 9 item 6): a real server process is killed with SIGKILL while uploads are in flight;
 * after the next start there is no file without a row, no row without a file, no temp file, and every upload that
 * was acknowledged (201) is there. A blob without a row and a temp file planted before the restart (the state a
 * kill between the rename and the commit leaves) are removed by the start-up reconcile.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { knex } from '@mikro-orm/knex';
import { afterAll, describe, expect, it } from 'vitest';
import { ON_PG } from '../../support/pg';
import { spawnServer, type ServerProcess } from '../../support/server-process';
import { Client, demoSubmissions, ok } from '../helpers';
import { minimalPdf } from './fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const env = { PANTAU_DATA_DIR: dataDir, PANTAU_SEED: 'demo', PANTAU_QUIET: '1' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const evidenceDir = path.join(dataDir, 'evidence');

function blobsOnDisk(): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(evidenceDir)) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    out.push(...fs.readdirSync(path.join(evidenceDir, d)));
  }
  return out.sort();
}
async function blobsInDb(): Promise<string[]> {
  const db = knex({ client: 'sqlite3', connection: { filename: path.join(dataDir, 'pantau.sqlite') }, useNullAsDefault: true });
  try {
    return ((await db.raw('select distinct sha256 from evidence_revision')) as { sha256: string }[]).map((r) => r.sha256).sort();
  } finally {
    await db.destroy();
  }
}

async function uploadLoop(srv: ServerProcess, c: Client, submissionId: number, acked: Set<string>, stop: { now: boolean }) {
  let i = 0;
  while (!stop.now) {
    const bytes = minimalPdf(`crash ${randomBytes(8).toString('hex')} ${i++}`);
    const fd = new FormData();
    fd.append('submissionId', String(submissionId));
    fd.append('soalId', String(1 + (i % 20)));
    fd.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `bukti ${i}.pdf`);
    try {
      const res = await fetch(`${srv.url}/api/evidence`, { method: 'POST', body: fd, headers: { cookie: c.cookie!, 'x-pantau-csrf': '1' } });
      if (res.status === 201) acked.add(sha(bytes));
      await res.arrayBuffer();
    } catch {
      return; // the server is gone
    }
  }
}

describe.skipIf(ON_PG)('evidence after kill -9 during uploads', () => {
  it('no file without a row, no row without a file, no temp files, every acknowledged upload kept', async () => {
    const acked = new Set<string>();
    for (const killAfterMs of [400, 1500]) {
      const srv = await spawnServer(env);
      const c = new Client(srv.url);
      ok(await c.login('koordinator.polonia'));
      const id = (await demoSubmissions(c))['IMI-POLONIA'].id;
      const stop = { now: false };
      const loops = [0, 1, 2, 3].map(() => uploadLoop(srv, c, id, acked, stop));
      await new Promise((r) => setTimeout(r, killAfterMs));
      await srv.stop('SIGKILL');
      stop.now = true;
      await Promise.all(loops);
    }
    expect(acked.size).toBeGreaterThan(0);
    // what a kill between rename and commit, and one during the streaming, leave behind
    const orphan = randomBytes(32).toString('hex');
    fs.mkdirSync(path.join(evidenceDir, orphan.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(evidenceDir, orphan.slice(0, 2), orphan), 'no row');
    fs.writeFileSync(path.join(evidenceDir, 'tmp', `${randomBytes(8).toString('hex')}.part`), 'half an upload');

    const srv = await spawnServer(env); // takes the dead owner's lock over, reconciles
    await srv.stop('SIGTERM'); // (its exit code is operations.api.test.ts's subject)
    const disk = blobsOnDisk();
    const db = await blobsInDb();
    expect(disk).toEqual(db);
    expect(disk).not.toContain(orphan);
    expect(fs.readdirSync(path.join(evidenceDir, 'tmp'))).toEqual([]);
    for (const s of acked) expect(db).toContain(s);
  }, 300_000);
});
