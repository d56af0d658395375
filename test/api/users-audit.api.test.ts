import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { Kanwil, Satker, SatkerKind } from '../../server/src/modules/org/entities';
import { audit } from '../../server/src/common/audit';

describe('user administration and audit trail', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
  });
  afterAll(async () => server?.cleanup());

  it('createUser validates roles and usernames', async () => {
    const bad = await admin.gql(
      `mutation { createUser(input: { username: "x.y", displayName: "X", password: "rahasia-123", roles: [{ role: KANWIL_HEAD }, { role: COORDINATOR, satkerId: 99999 }] }) { id } }`,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.issues).toHaveLength(2);
    expect(errorCode(await admin.gql(`mutation { createUser(input: { username: "a b", displayName: "X", password: "rahasia-123", roles: [] }) { id } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await admin.gql(`mutation { createUser(input: { username: "pendek", displayName: "X", password: "123", roles: [] }) { id } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await admin.gql(`mutation { createUser(input: { username: "admin", displayName: "X", password: "rahasia-123", roles: [] }) { id } }`)),
    ).toBe('CONFLICT');
  });

  it('create, update roles, deactivate — each audited without password hashes', async () => {
    const created = ok(
      await admin.gql(
        `mutation { createUser(input: { username: "viewer.baru", displayName: "Viewer Baru", password: "rahasia-123", roles: [{ role: VIEWER, kanwilId: 1 }] }) { id username active roles { role kanwilId satkerId } } }`,
      ),
    ).createUser;
    expect(created).toMatchObject({ username: 'viewer.baru', active: true, roles: [{ role: 'VIEWER', kanwilId: 1, satkerId: null }] });
    const viewer = await loginAs(server, 'viewer.baru', 'rahasia-123');
    expect(ok(await viewer.gql('{ submissions(periodId: 1) { id } }')).submissions.length).toBe(19);

    const updated = ok(
      await admin.gql(
        `mutation ($id: Int!) { updateUser(id: $id, input: { displayName: "Evaluator Baru", roles: [{ role: EVALUATOR }] }) { displayName roles { role } } }`,
        { id: created.id },
      ),
    ).updateUser;
    expect(updated).toEqual({ displayName: 'Evaluator Baru', roles: [{ role: 'EVALUATOR' }] });
    // the existing session now has evaluator scope only (no assignments)
    expect(ok(await viewer.gql('{ submissions(periodId: 1) { id } }')).submissions).toHaveLength(0);

    const deact = ok(await admin.gql(`mutation ($id: Int!) { deactivateUser(id: $id) { active } }`, { id: created.id })).deactivateUser;
    expect(deact.active).toBe(false);
    expect(ok(await viewer.gql('{ me { id } }')).me).toBeNull();
    expect(errorCode(await new Client(server.url).login('viewer.baru', 'rahasia-123'))).toBe('BAD_USER_INPUT');

    const ev = ok(
      await admin.gql(
        `query ($id: String) { auditEvents(filter: { objectType: "User", objectId: $id }) { total items { action actor { username } before after } } }`,
        { id: String(created.id) },
      ),
    ).auditEvents;
    expect(ev.items.map((e: any) => e.action)).toEqual(['user.update', 'user.update', 'user.create']);
    expect(ev.items[0].before.active).toBe(true);
    expect(ev.items[0].after.active).toBe(false);
    expect(ev.items[2].actor.username).toBe('admin');
    expect(JSON.stringify(ev)).not.toMatch(/scrypt|passwordHash/);
  });

  it('password reset: a one-time temporary password, every other call refused until the user changes it', async () => {
    const created = ok(
      await admin.gql(
        `mutation { createUser(input: { username: "lupa.sandi", displayName: "Lupa Sandi", password: "rahasia-123", roles: [{ role: VIEWER, kanwilId: 1 }] }) { id mustChangePassword } }`,
      ),
    ).createUser;
    expect(created.mustChangePassword).toBe(false);
    const old = await loginAs(server, 'lupa.sandi', 'rahasia-123');
    // only an admin may reset
    const coord = await loginAs(server, 'koordinator.polonia');
    expect(errorCode(await coord.gql(`mutation ($id: Int!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: created.id }))).toBe('FORBIDDEN');
    expect(errorCode(await admin.gql(`mutation { resetUserPassword(id: 999999) { temporaryPassword } }`))).toBe('NOT_FOUND');

    const reset = ok(
      await admin.gql(`mutation ($id: Int!) { resetUserPassword(id: $id) { temporaryPassword user { id mustChangePassword } } }`, { id: created.id }),
    ).resetUserPassword;
    expect(reset.user).toEqual({ id: created.id, mustChangePassword: true });
    expect(reset.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    // the old session ended, the old password no longer works
    expect(ok(await old.gql('{ me { id } }')).me).toBeNull();
    expect(errorCode(await new Client(server.url).login('lupa.sandi', 'rahasia-123'))).toBe('BAD_USER_INPUT');

    const temp = await loginAs(server, 'lupa.sandi', reset.temporaryPassword);
    expect(ok(await temp.gql('{ me { mustChangePassword } }')).me.mustChangePassword).toBe(true);
    const refused = await temp.gql('{ submissions(periodId: 1) { id } }');
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.reason).toBe('MUST_CHANGE_PASSWORD');
    // a mixed document is refused whole
    expect(errorCode(await temp.gql('{ me { id } periods { id } }'))).toBe('FORBIDDEN');

    ok(await temp.gql(`mutation ($o: String!) { changePassword(oldPassword: $o, newPassword: "punya-saya-sendiri") }`, { o: reset.temporaryPassword }));
    expect(ok(await temp.gql('{ me { mustChangePassword } }')).me.mustChangePassword).toBe(false);
    expect(ok(await temp.gql('{ submissions(periodId: 1) { id } }')).submissions.length).toBeGreaterThan(0);

    // an admin-set password (updateUser) is temporary too
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { password: "sementara-456" }) { id } }`, { id: created.id }));
    const again = await loginAs(server, 'lupa.sandi', 'sementara-456');
    expect(errorCode(await again.gql('{ periods { id } }'))).toBe('FORBIDDEN');

    const ev = ok(
      await admin.gql(`query ($id: String) { auditEvents(filter: { objectType: "User", objectId: $id }) { items { action after } } }`, {
        id: String(created.id),
      }),
    ).auditEvents;
    expect(ev.items.map((e: any) => e.action)).toContain('user.resetPassword');
    expect(JSON.stringify(ev)).not.toContain(reset.temporaryPassword);
  });

  it('an admin cannot lock themselves out', async () => {
    const me = ok(await admin.gql('{ me { id } }')).me;
    expect(errorCode(await admin.gql(`mutation ($id: Int!) { deactivateUser(id: $id) { id } }`, { id: me.id }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { roles: [{ role: EVALUATOR }] }) { id } }`, { id: me.id }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('auditEvents: admin sees everything, a Kanwil head only events of their Kanwil; paging and filters work', async () => {
    // an event of another Kanwil
    const em = server.handle.orm.em.fork();
    const other = em.create(Kanwil, { code: 'KW-LAIN', name: 'Kanwil Lain', createdAt: new Date() });
    await em.flush();
    const s = em.create(Satker, { code: 'LAIN-1', name: 'Unit Lain', kind: SatkerKind.OTHER, kanwil: other, createdAt: new Date() });
    await em.flush();
    audit(em, null, { action: 'test.other', objectType: 'Satker', objectId: s.id, kanwilId: other.id, satkerId: s.id });
    await em.flush();

    const coord = await loginAs(server, 'koordinator.polonia');
    const subs = await demoSubmissions(coord);
    const pol = subs['IMI-POLONIA'];
    const cur = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId version } } }`, { id: pol.id })).submission.answers;
    const v = cur.find((a: any) => a.soalId === 2)?.version ?? null;
    ok(
      await coord.gql(
        `mutation ($id: Int!, $v: Int) { saveAnswers(submissionId: $id, level: SELF, answers: [{ soalId: 2, value: "C", expectedVersion: $v }]) { answers { version } } }`,
        { id: pol.id, v },
      ),
    );

    const all = ok(await admin.gql('{ auditEvents(pageSize: 500) { total items { action kanwilId } } }')).auditEvents;
    expect(all.items.some((e: any) => e.action === 'test.other')).toBe(true);

    const kak = await loginAs(server, 'kakanwil');
    const scoped = ok(await kak.gql('{ auditEvents(pageSize: 500) { total items { action kanwilId satkerId } } }')).auditEvents;
    expect(scoped.total).toBeGreaterThan(0);
    expect(scoped.total).toBeLessThan(all.total);
    expect(scoped.items.every((e: any) => e.kanwilId === 1)).toBe(true);
    expect(errorCode(await kak.gql(`{ auditEvents(filter: { kanwilId: ${other.id} }) { total } }`))).toBeUndefined();
    expect(ok(await kak.gql(`{ auditEvents(filter: { kanwilId: ${other.id} }) { total } }`)).auditEvents.total).toBe(0);

    const bySatker = ok(
      await kak.gql(`{ auditEvents(filter: { satkerId: ${pol.satkerId}, action: "answers.save" }) { total items { satkerId actor { username } } } }`),
    ).auditEvents;
    expect(bySatker.total).toBe(1);
    expect(bySatker.items[0]).toMatchObject({ satkerId: pol.satkerId, actor: { username: 'koordinator.polonia' } });

    const page1 = ok(await admin.gql('{ auditEvents(page: 1, pageSize: 2) { total page pageSize items { id } } }')).auditEvents;
    const page2 = ok(await admin.gql('{ auditEvents(page: 2, pageSize: 2) { items { id } } }')).auditEvents;
    expect(page1.items).toHaveLength(2);
    expect(page1.items[1].id).toBeGreaterThan(page2.items[0].id);
    const future = ok(await admin.gql(`{ auditEvents(filter: { from: "${new Date(Date.now() + 3600_000).toISOString()}" }) { total } }`)).auditEvents;
    expect(future.total).toBe(0);
  });
});
