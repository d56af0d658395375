/**
 * Two server processes on one PostgreSQL database: they start together (migrations and demo data once), share
 * sessions, see each other's instrument imports/activations (the per-process instrument cache holds only immutable
 * versions; which one is active is read from the database), and racing saves of the same answer from the same version never both win (the database enforces
 * the answer's version).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_INSTRUMENTS } from '@pantau/shared';
import { freshPgDatabase, ON_PG } from '../support/pg';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { Client, DEMO_PASSWORD, demoSubmissions, errorCode, ok } from './helpers';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) {
  saveAnswers(submissionId: $id, level: SELF, answers: $answers) { answers { soalId version } }
}`;
const VERSION = `query ($id: Int!) { submission(id: $id) { version answers(level: SELF) { soalId version value } } }`;

describe.runIf(ON_PG)('two server processes, one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let dataDir: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    db = await freshPgDatabase('pantau_mp');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-mp-'));
    const env = { PANTAU_DATABASE_URL: db.url, PANTAU_DATA_DIR: dataDir, PANTAU_SEED: 'demo', PANTAU_QUIET: '1' };
    // started together: both migrate/seed under the startup lock, neither fails
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('applied every migration and the demo data once', async () => {
    const c = new Client(a.url);
    ok(await c.login('admin', DEMO_PASSWORD));
    const d = ok(await c.gql('{ kanwils { code } }'));
    expect(new Set(d.kanwils.map((k: { code: string }) => k.code)).size).toBe(d.kanwils.length);
  });

  it('a session made on one process works on the other', async () => {
    const c = new Client(a.url);
    ok(await c.login('koordinator.polonia'));
    const other = new Client(b.url);
    other.cookie = c.cookie;
    expect(ok(await other.gql('{ me { username } }')).me.username).toBe('koordinator.polonia');
  });

  it('racing saves of the same answer from the same version: exactly one wins, every round', async () => {
    const ca = new Client(a.url);
    ok(await ca.login('koordinator.polonia'));
    const cb = new Client(b.url);
    ok(await cb.login('koordinator.polonia'));
    const id = (await demoSubmissions(ca))['IMI-POLONIA'].id;
    const soalId = 2;
    const current = async () => {
      const row = ok(await ca.gql(VERSION, { id })).submission.answers.find((x: { soalId: number }) => x.soalId === soalId);
      return { version: (row?.version ?? null) as number | null, value: (row?.value ?? null) as string | null };
    };
    const versionNow = async () => (await current()).version;
    let wins = 0;
    for (let round = 0; round < 8; round++) {
      const { version: v, value } = await current();
      // two different values, both different from the stored one (an unchanged value is not a write)
      const [va, vb] = ['A', 'B', 'C'].filter((x) => x !== value);
      const [ra, rb] = await Promise.all([
        ca.gql(SAVE, { id, answers: [{ soalId, value: va, expectedVersion: v }] }),
        cb.gql(SAVE, { id, answers: [{ soalId, value: vb, expectedVersion: v }] }),
      ]);
      const codes = [ra, rb].map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      wins++;
      expect(await versionNow()).toBe((v ?? 0) + 1);
    }
    expect(wins).toBe(8);
  });

  it('an instrument version imported and activated on one process is the active one on the other at once', async () => {
    const admA = new Client(a.url);
    ok(await admA.login('admin', DEMO_PASSWORD));
    const admB = new Client(b.url);
    ok(await admB.login('admin', DEMO_PASSWORD));
    const INSTRUMENT = `query ($y: Int, $v: Int) { instrument(year: $y, versionId: $v) { versionId items { soalId text } } }`;
    const text1 = (d: { instrument: { items: { soalId: number; text: string }[] } }) => d.instrument.items.find((i) => i.soalId === 1)!.text;
    // B parses and caches the active 2026 version first
    const before = ok(await admB.gql(INSTRUMENT, { y: 2026 }));
    const m = structuredClone(BUNDLED_INSTRUMENTS[2026].master) as { data: { soals?: { id: number; teks_pertanyaan: string }[]; children?: unknown[] }[] };
    const walk = (n: { soals?: { id: number; teks_pertanyaan: string }[]; children?: unknown[] }) => {
      for (const x of n.soals ?? []) if (x.id === 1) x.teks_pertanyaan = `${x.teks_pertanyaan} (revisi proses A)`;
      for (const c of n.children ?? []) walk(c as typeof n);
    };
    m.data.forEach(walk);
    const created = ok(await admA.gql(`mutation ($m: JSONObject!) { createInstrumentVersion(master: $m) { id } }`, { m })).createInstrumentVersion;
    ok(await admA.gql(`mutation ($id: Int!) { activateInstrumentVersion(id: $id) { id active } }`, { id: created.id }));
    const after = ok(await admB.gql(INSTRUMENT, { y: 2026 }));
    expect(after.instrument.versionId).toBe(created.id);
    expect(text1(after)).toMatch(/\(revisi proses A\)$/);
    // the old version is unchanged, on both; switching back is seen at once too
    expect(text1(ok(await admB.gql(INSTRUMENT, { v: before.instrument.versionId })))).toBe(text1(before));
    ok(await admA.gql(`mutation ($id: Int!) { activateInstrumentVersion(id: $id) { id } }`, { id: before.instrument.versionId }));
    expect(ok(await admB.gql(INSTRUMENT, { y: 2026 })).instrument.versionId).toBe(before.instrument.versionId);
  });
});
