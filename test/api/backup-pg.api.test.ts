/**
 * Online PostgreSQL backup (pg_dump of one exported snapshot + the evidence files + manifest) under write load —
 * answer saves and evidence uploads going on — restored with pg_restore into another database: every answer save
 * and every upload acknowledged before the backup began is there, and every evidence row has its file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restorePostgres, backupPostgres, verifyBackup } from '../../server/src/scripts/backup';
import { freshPgDatabase, ON_PG } from '../support/pg';
import { demoSubmissions, loginAs, ok, startServer, type Client } from './helpers';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $answers) { answers { soalId version value } } }`;
const READ = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version value } } }`;
const EVIDENCE = `query ($id: Int!) { submission(id: $id) { evidence { id } } }`;

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% bukti ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function upload(c: Client, submissionId: number, n: number): Promise<number> {
  const form = new FormData();
  form.append('submissionId', String(submissionId));
  form.append('soalId', String(1 + (n % 5)));
  form.append('title', `Bukti ${n}`);
  form.append('file', new Blob([new Uint8Array(pdf(n))], { type: 'application/pdf' }), `bukti-${n}.pdf`);
  const res = await c.fetch('/api/evidence', { method: 'POST', body: form, headers: { 'x-pantau-csrf': '1' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { evidence: { id: number } }).evidence.id;
}

describe.runIf(ON_PG)('backup / restore (PostgreSQL)', () => {
  it('backs up while saves and uploads go on; the restore has every write acknowledged before the backup began', async () => {
    const server = await startServer();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-pgbak-'));
    const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-pgrest-'));
    const target = await freshPgDatabase('pantau_restore');
    try {
      const c = await loginAs(server, 'koordinator.polonia');
      const id = (await demoSubmissions(c))['IMI-POLONIA'].id;
      const soalId = 2;
      const acked = new Map<number, string>(); // answer version → value
      const uploads = new Map<number, number>(); // evidence id → content number
      let version = ok(await c.gql(READ, { id })).submission.answers.find((a: any) => a.soalId === soalId)?.version ?? null;
      let stop = false;
      const saves = (async () => {
        for (let i = 0; !stop; i++) {
          const value = ['A', 'B', 'C'][i % 3];
          const a = ok(await c.gql(SAVE, { id, answers: [{ soalId, value, expectedVersion: version }] })).saveAnswers.answers[0];
          if (a.version !== version) acked.set(a.version, a.value);
          version = a.version;
        }
      })();
      const ups = (async () => {
        for (let n = 0; !stop; n++) uploads.set(await upload(c, id, n), n);
      })();
      while (acked.size < 3 || uploads.size < 2) await new Promise((r) => setTimeout(r, 10));
      const ackedBefore = Math.max(...acked.keys());
      const uploadedBefore = new Map(uploads);
      const m = await backupPostgres(server.handle.config.databaseUrl, server.dataDir, out);
      stop = true;
      await Promise.all([saves, ups]);
      expect(m.database).toBe('postgresql');
      expect(Object.keys(verifyBackup(out).files)).toContain('pantau.dump');
      expect(Object.keys(m.files).filter((f) => f.startsWith('evidence/')).length).toBeGreaterThanOrEqual(uploadedBefore.size);
      await server.stop();

      await restorePostgres(out, target.url, targetDir);
      const back = await startServer({ dataDir: targetDir, config: { databaseUrl: target.url } });
      try {
        const c2 = await loginAs(back, 'koordinator.polonia');
        const row = ok(await c2.gql(READ, { id })).submission.answers.find((a: any) => a.soalId === soalId);
        expect(row.version).toBeGreaterThanOrEqual(ackedBefore);
        expect(row.value).toBe(acked.get(row.version));
        for (const [evidenceId, n] of uploadedBefore) {
          const res = await c2.fetch(`/api/evidence/${evidenceId}`);
          expect(res.status).toBe(200);
          expect(Buffer.from(await res.arrayBuffer()).equals(pdf(n))).toBe(true);
        }
        // whatever the snapshot holds has its file, also uploads that raced the backup
        const rows = ok(await c2.gql(EVIDENCE, { id })).submission.evidence as { id: number }[];
        for (const e of rows) expect((await c2.fetch(`/api/evidence/${e.id}`)).status).toBe(200);
      } finally {
        await back.stop();
      }
    } finally {
      await server.cleanup();
      await target.drop();
      for (const d of [out, targetDir]) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('a backup of the other database kind, or a damaged one, is refused before anything is touched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-pgbak-'));
    try {
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ format: 'pantau-backup/1', createdAt: '', database: 'sqlite', files: {} }));
      await expect(restorePostgres(dir, 'postgres://x@127.0.0.1:1/none', dir)).rejects.toThrow(/SQLite/);
      fs.writeFileSync(path.join(dir, 'pantau.dump'), 'x');
      fs.writeFileSync(
        path.join(dir, 'manifest.json'),
        JSON.stringify({ format: 'pantau-backup/1', createdAt: '', database: 'postgresql', files: { 'pantau.dump': { sha256: '0'.repeat(64), size: 1 } } }),
      );
      await expect(restorePostgres(dir, 'postgres://x@127.0.0.1:1/none', dir)).rejects.toThrow(/tidak cocok/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
