/** Online SQLite backup under write load, restored: every write acknowledged before the backup began is there. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, restore, verifyBackup } from '../../server/src/scripts/backup';
import { ON_PG } from '../support/pg';
import { demoSubmissions, loginAs, ok, startServer } from './helpers';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $answers) { answers { soalId version value } } }`;
const READ = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version value } } }`;

describe.skipIf(ON_PG)('backup / restore (SQLite)', () => {
  it('backs up while writes go on and restores every acknowledged write', async () => {
    const server = await startServer();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bak-'));
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-rest-'));
    try {
      const c = await loginAs(server, 'koordinator.polonia');
      const id = (await demoSubmissions(c))['IMI-POLONIA'].id;
      const soalId = 2;
      const acked = new Map<number, string>(); // version → value
      let version = ok(await c.gql(READ, { id })).submission.answers.find((a: any) => a.soalId === soalId)?.version ?? null;
      let stop = false;
      const load = (async () => {
        for (let i = 0; !stop; i++) {
          const value = ['A', 'B', 'C'][i % 3];
          const r = ok(await c.gql(SAVE, { id, answers: [{ soalId, value, expectedVersion: version }] }));
          const a = r.saveAnswers.answers[0];
          if (a.version !== version) acked.set(a.version, a.value);
          version = a.version;
        }
      })();
      while (acked.size < 3) await new Promise((r) => setTimeout(r, 10));
      const ackedBefore = Math.max(...acked.keys());
      await backup(server.dataDir, server.handle.config.dbFile, out);
      stop = true;
      await load;
      expect(Object.keys(verifyBackup(out).files)).toContain('pantau.sqlite');
      await server.stop();

      restore(out, target, path.join(target, 'pantau.sqlite'));
      const back = await startServer({ dataDir: target });
      try {
        const c2 = await loginAs(back, 'koordinator.polonia');
        const row = ok(await c2.gql(READ, { id })).submission.answers.find((a: any) => a.soalId === soalId);
        expect(row.version).toBeGreaterThanOrEqual(ackedBefore);
        expect(row.value).toBe(acked.get(row.version));
      } finally {
        await back.cleanup();
      }
    } finally {
      await server.cleanup();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('a damaged backup is refused', async () => {
    const server = await startServer({ seed: 'none' });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bak-'));
    try {
      await backup(server.dataDir, server.handle.config.dbFile, out);
      fs.appendFileSync(path.join(out, 'pantau.sqlite'), 'x');
      expect(() => verifyBackup(out)).toThrow(/tidak cocok/);
    } finally {
      await server.cleanup();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
