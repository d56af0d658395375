/**
 * Reminders with several server processes on one PostgreSQL database: two real processes (main.ts) with their
 * schedulers running every second send each deadline reminder once — one in-app row and one e-mail per user and
 * reminder — to a real SMTP server started here (smtp-server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase, ON_PG } from '../support/pg';
import { spawnServer, type ServerProcess } from '../support/server-process';
import { Client, DEMO_PASSWORD, ok } from './helpers';
import { startSmtp } from '../support/smtp';

const DAY = 24 * 3600 * 1000;
const REMINDERS = `{ notifications { id kind title } }`;

describe.runIf(ON_PG)('reminders with two server processes on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let procs: ServerProcess[] = [];
  const people = ['kakanwil', 'koordinator.polonia', 'koordinator.banggai'];

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await freshPgDatabase('pantau_mpr');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-mpr-'));
    const env = {
      PANTAU_DATABASE_URL: db.url,
      PANTAU_DATA_DIR: dataDir,
      PANTAU_SEED: 'demo',
      PANTAU_QUIET: '1',
      PANTAU_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PANTAU_PUBLIC_URL: 'https://pantau.example',
    };
    // first without schedulers: demo data, e-mail addresses and deadlines 1.5 / 2 days ahead (the 3-day reminders)
    const setup = await spawnServer({ ...env, PANTAU_SCHEDULER_INTERVAL_SECONDS: '0' });
    const admin = new Client(setup.url);
    ok(await admin.login('admin', DEMO_PASSWORD));
    const ids = new Map<string, number>(
      ok(await admin.gql(`{ users { id username } }`)).users.map((u: { id: number; username: string }) => [u.username, u.id]),
    );
    for (const u of people)
      ok(await admin.gql(`mutation ($id: Int!, $e: String!) { updateUser(id: $id, input: { email: $e }) { id } }`, { id: ids.get(u), e: `${u}@example.test` }));
    ok(
      await admin.gql(
        `mutation ($s: DateTimeISO!, $k: DateTimeISO!) { updatePeriod(id: 1, input: { selfAssessmentDeadline: $s, kanwilReviewDeadline: $k }) { id } }`,
        {
          s: new Date(Date.now() + 1.5 * DAY).toISOString(),
          k: new Date(Date.now() + 2 * DAY).toISOString(),
        },
      ),
    );
    await setup.stop();
    // then two processes together, each ticking every second
    procs = await Promise.all([0, 1].map(() => spawnServer({ ...env, PANTAU_SCHEDULER_INTERVAL_SECONDS: '1' })));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await new Promise<void>((r) => smtp?.server.close(() => r()));
  });

  it('each reminder (and warning) is stored once and e-mailed once, whichever process took it', async () => {
    const sessions = await Promise.all(
      people.map(async (u, i) => {
        const c = new Client(procs[i % 2].url);
        ok(await c.login(u, DEMO_PASSWORD));
        return [u, c] as const;
      }),
    );
    const reminders = async (c: Client) => ok(await c.gql(REMINDERS)).notifications.filter((n: { kind: string }) => n.kind === 'DEADLINE_REMINDER');
    // both schedulers run for a while after the first reminders arrived (every tick of both sees them due)
    await expect.poll(() => smtp.mails.length, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 6000));

    for (const [u, c] of sessions) {
      // every notification the schedulers made (deadline reminders, below-minimum warnings): once in-app, once by e-mail
      const all = ok(await c.gql(REMINDERS)).notifications as { kind: string; title: string }[];
      const mails = smtp.mails.filter((m) => m.to.includes(`${u}@example.test`));
      expect({ u, reminders: all.some((n) => n.kind === 'DEADLINE_REMINDER') }).toEqual({ u, reminders: true });
      expect(new Set(all.map((n) => `${n.kind} ${n.title}`)).size).toBe(all.length);
      expect({ u, mails: mails.map((m) => m.subject).sort() }).toEqual({ u, mails: all.map((n) => `[Pantau ZI] ${n.title}`).sort() });
    }
    // the same from the other process
    const other = new Client(procs[1].url);
    ok(await other.login('kakanwil', DEMO_PASSWORD));
    expect((await reminders(other)).length).toBe((await reminders(sessions[0][1])).length);
    // both processes are still up (neither failed on the other's claim)
    for (const p of procs) expect(p.proc.exitCode).toBeNull();
  });
});
