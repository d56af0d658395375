/**
 * Notifications over HTTP with a real SMTP server (smtp-server) started here: events in-app and by e-mail, the bell's
 * count and mark-read, per-user preference, reminders 7/3/1 days before a deadline, below-minimum warnings, and
 * once-only sending across restarts and two scheduler processes on one database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargetOf } from '../../server/src/config';
import { openOrm } from '../../server/src/db/orm';
import { NotificationScheduler } from '../../server/src/modules/notification/scheduler';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { addNote, step } from './review/support';
import { startSmtp } from '../support/smtp';

const LIST = `query { notifications { id kind title body path submissionId readAt } unreadNotificationCount }`;
const DAY = 24 * 3600 * 1000;

describe('notifications', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let admin: Client, kakanwil: Client, banggai: Client, polonia: Client;
  let subs: Awaited<ReturnType<typeof demoSubmissions>>;
  const users: Record<string, number> = {};

  const mailsTo = (addr: string) => smtp.mails.filter((m) => m.to.includes(addr));
  const list = async (c: Client) => ok(await c.gql(LIST));

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, publicUrl: 'https://pantau.example' } });
    [admin, kakanwil, banggai, polonia] = await Promise.all(['admin', 'kakanwil', 'koordinator.banggai', 'koordinator.polonia'].map((u) => loginAs(server, u)));
    subs = await demoSubmissions(admin);
    for (const u of ok(await admin.gql(`{ users { id username } }`)).users) users[u.username] = u.id;
    for (const u of ['kakanwil', 'koordinator.banggai', 'koordinator.polonia', 'evaluator.itjen']) {
      ok(
        await admin.gql(`mutation ($id: Int!, $e: String!) { updateUser(id: $id, input: { email: $e }) { id email } }`, {
          id: users[u],
          e: `${u}@example.test`,
        }),
      );
    }
  });
  afterAll(async () => {
    await server?.cleanup();
    await new Promise<void>((r) => smtp?.server.close(() => r()));
  });

  it('needs a session', async () => {
    expect(errorCode(await new Client(server.url).gql(LIST))).toBe('UNAUTHENTICATED');
  });

  it('a resubmission reaches the Kanwil head in-app, and by e-mail once when the scheduler runs', async () => {
    const id = subs['IMI-BANGGAI'].id;
    const before = (await list(kakanwil)).unreadNotificationCount;
    await step(banggai, id, 'resubmit');
    const l = await list(kakanwil);
    expect(l.unreadNotificationCount).toBe(before + 1);
    expect(l.notifications[0]).toMatchObject({ kind: 'HANDOFF', path: `/submissions/${id}/lke`, submissionId: id, readAt: null });
    expect(l.notifications[0].title).toContain('Kantor Imigrasi Kelas II Non TPI Banggai');
    expect(l.notifications[0].body).toContain('Diajukan');
    // the actor is not told of their own step
    expect((await list(banggai)).notifications.filter((n: any) => n.kind === 'HANDOFF')).toEqual([]);

    expect(mailsTo('kakanwil@example.test')).toHaveLength(0); // the outbox waits for the scheduler
    const r = await server.handle.scheduler.sendEmails(server.handle.orm.em.fork(), new Date());
    expect(r.emailsSent).toBeGreaterThanOrEqual(1);
    const mails = mailsTo('kakanwil@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toMatch(/^Subject: /m);
    expect(mails[0].raw).toContain(`https://pantau.example/submissions/${id}/lke`);
    await server.handle.scheduler.sendEmails(server.handle.orm.em.fork(), new Date());
    expect(mailsTo('kakanwil@example.test')).toHaveLength(1);
  });

  it('notes, replies and the return reach the other side; English for a user who chose English', async () => {
    const id = subs['IMI-BANGGAI'].id;
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, { id: users['koordinator.banggai'] }));
    ok(await addNote(kakanwil, id, 5, 'KANWIL', 'Unggah notulen rapat'));
    let b = await list(banggai);
    expect(b.notifications[0]).toMatchObject({ kind: 'NOTE', path: `/submissions/${id}/lke?item=5` });
    expect(b.notifications[0].title).toMatch(/new note on item/);
    expect(b.notifications[0].body).toContain('Unggah notulen rapat');

    const note = ok(await kakanwil.gql(`query ($id: Int!) { reviewNotes(submissionId: $id, soalId: 5) { id } }`, { id })).reviewNotes[0];
    ok(await banggai.gql(`mutation ($n: Int!) { replyNote(noteId: $n, body: "Sudah kami unggah") { id } }`, { n: note.id }));
    const k = await list(kakanwil);
    expect(k.notifications[0]).toMatchObject({ kind: 'REPLY' });
    expect(k.notifications[0].title).toMatch(/balasan pada butir/);

    await step(kakanwil, id, 'return', { reason: 'Notulen belum lengkap' });
    b = await list(banggai);
    expect(b.notifications[0]).toMatchObject({ kind: 'RETURNED', body: 'Reason: Notulen belum lengkap' });
  });

  it('an assignment reaches the evaluator', async () => {
    const ev = await loginAs(server, 'evaluator.itjen');
    ok(
      await admin.gql(`mutation ($s: Int!, $u: Int!) { assignEvaluator(submissionId: $s, userId: $u) { id } }`, {
        s: subs['IMI-BELAWAN'].id,
        u: users['evaluator.itjen'],
      }),
    );
    expect((await list(ev)).notifications[0]).toMatchObject({ kind: 'ASSIGNED', path: `/submissions/${subs['IMI-BELAWAN'].id}/lke` });
  });

  it('marks own notifications read (one, then all); another user’s ids are left alone', async () => {
    const k = await list(kakanwil);
    expect(k.unreadNotificationCount).toBeGreaterThan(1);
    const b = await list(banggai);
    expect(ok(await kakanwil.gql(`mutation ($ids: [Int!]) { markNotificationsRead(ids: $ids) }`, { ids: [b.notifications[0].id] })).markNotificationsRead).toBe(
      0,
    );
    expect((await list(banggai)).unreadNotificationCount).toBe(b.unreadNotificationCount);
    expect(ok(await kakanwil.gql(`mutation ($ids: [Int!]) { markNotificationsRead(ids: $ids) }`, { ids: [k.notifications[0].id] })).markNotificationsRead).toBe(
      1,
    );
    expect((await list(kakanwil)).unreadNotificationCount).toBe(k.unreadNotificationCount - 1);
    ok(await kakanwil.gql(`mutation { markNotificationsRead }`));
    const after = await list(kakanwil);
    expect(after.unreadNotificationCount).toBe(0);
    expect(after.notifications.every((n: any) => n.readAt)).toBe(true);
  });

  it('respects the preference: no e-mail when turned off, still in-app', async () => {
    const p = ok(
      await banggai.gql(`mutation { setNotificationPreference(input: { email: false }) { email reminders hasEmailAddress emailEnabled } }`),
    ).setNotificationPreference;
    expect(p).toEqual({ email: false, reminders: true, hasEmailAddress: true, emailEnabled: true });
    await server.handle.scheduler.sendEmails(server.handle.orm.em.fork(), new Date());
    const sent = mailsTo('koordinator.banggai@example.test').length;
    await step(banggai, subs['IMI-BANGGAI'].id, 'resubmit');
    ok(await addNote(kakanwil, subs['IMI-BANGGAI'].id, 6, 'KANWIL', 'Catatan kedua'));
    await server.handle.scheduler.sendEmails(server.handle.orm.em.fork(), new Date());
    expect(mailsTo('koordinator.banggai@example.test')).toHaveLength(sent);
    expect((await list(banggai)).notifications.some((n: any) => n.body.includes('Catatan kedua'))).toBe(true);
  });

  it('reminds 7, 3 and 1 days before the deadline, once each, none past it', async () => {
    const now = Date.now();
    const deadline = new Date(now + 6.5 * DAY);
    ok(await admin.gql(`mutation ($d: DateTimeISO!) { updatePeriod(id: 1, input: { selfAssessmentDeadline: $d }) { id } }`, { d: deadline.toISOString() }));
    const reminders = async () => (await list(polonia)).notifications.filter((n: any) => n.kind === 'DEADLINE_REMINDER');
    await server.handle.scheduler.tick(new Date(now));
    await server.handle.scheduler.tick(new Date(now + 60_000));
    let r = await reminders();
    expect(r).toHaveLength(1);
    expect(r[0].title).toMatch(/batas penilaian mandiri 7 hari lagi/);
    await server.handle.scheduler.tick(new Date(now + 4 * DAY)); // 2.5 days left
    await server.handle.scheduler.tick(new Date(now + 5.8 * DAY)); // 0.7 days left
    await server.handle.scheduler.tick(new Date(now + 5.9 * DAY));
    r = await reminders();
    expect(r.map((n: any) => n.title.match(/(\d) hari/)![1])).toEqual(['1', '3', '7']);
    await server.handle.scheduler.tick(new Date(now + 7 * DAY)); // past the deadline: nothing more
    expect(await reminders()).toHaveLength(3);
    // a reminder was e-mailed once
    expect(mailsTo('koordinator.polonia@example.test').filter((m) => m.raw.includes('hari lagi'))).toHaveLength(3);
  });

  it('warns the Kanwil head and the unit when a submitted unit is below a minimum, once', async () => {
    const { warnings } = await server.handle.scheduler.tick(new Date());
    expect(warnings).toBeGreaterThan(0);
    const k = (await list(kakanwil)).notifications.filter((n: any) => n.kind === 'BELOW_MINIMUM');
    expect(k.length).toBeGreaterThan(0);
    expect(k[0].title).toMatch(/di bawah nilai minimal/);
    expect(k[0].body).toMatch(/ < /);
    await server.handle.scheduler.tick(new Date());
    expect((await list(kakanwil)).notifications.filter((n: any) => n.kind === 'BELOW_MINIMUM')).toHaveLength(k.length);
  });

  it('sends once with two scheduler processes on one database, and what waited survives a restart', async () => {
    const self = new Date(Date.now() + 1.5 * DAY);
    const kanwil = new Date(Date.now() + 2 * DAY);
    ok(
      await admin.gql(
        `mutation ($s: DateTimeISO!, $k: DateTimeISO!) { updatePeriod(id: 1, input: { selfAssessmentDeadline: $s, kanwilReviewDeadline: $k }) { id } }`,
        {
          s: self.toISOString(),
          k: kanwil.toISOString(),
        },
      ),
    );
    const sentBefore = smtp.mails.length;
    await server.stop();
    // two processes' worth of ORM + scheduler on the same file, running at the same moment
    const [a, b] = await Promise.all([openOrm(dbTargetOf(server.handle.config)), openOrm(dbTargetOf(server.handle.config))]);
    const sa = new NotificationScheduler(a.orm, server.handle.config);
    const sb = new NotificationScheduler(b.orm, server.handle.config);
    const at = new Date();
    await Promise.all([sa.tick(at), sb.tick(at), sa.tick(at), sb.tick(at)]);
    await Promise.all([sa.stop(), sb.stop()]);
    const rows = await a.orm.em
      .fork()
      .getConnection()
      .execute(`select user_id, dedup_key, count(*) as c from notification where dedup_key like 'reminder:%' group by user_id, dedup_key having count(*) > 1`);
    expect(rows).toEqual([]);
    const pending = await a.orm.em.fork().getConnection().execute(`select count(*) as c from notification where email_state in ('PENDING', 'SENDING')`);
    expect(Number(pending[0].c)).toBe(0);
    const sent = await a.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*) as c from notification where email_state = 'SENT' and email_sent_at >= ?`, [at]);
    expect(smtp.mails.length - sentBefore).toBe(Number(sent[0].c));
    const kanwilReminders = smtp.mails.slice(sentBefore).filter((m) => m.to.includes('kakanwil@example.test') && m.raw.includes('penilaian pendahuluan'));
    expect(kanwilReminders.length).toBeGreaterThan(0);
    // one mail per reminder row of the Kanwil head
    const headRows = await a.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*) as c from notification where user_id = ? and email_state = 'SENT' and email_sent_at >= ?`, [users.kakanwil, at]);
    expect(smtp.mails.slice(sentBefore).filter((m) => m.to.includes('kakanwil@example.test'))).toHaveLength(Number(headRows[0].c));
    await Promise.all([a.orm.close(true), b.orm.close(true)]);
    server = await server.restart();
    kakanwil = await loginAs(server, 'kakanwil');
    expect((await list(kakanwil)).notifications.length).toBeGreaterThan(0);
  });
});
