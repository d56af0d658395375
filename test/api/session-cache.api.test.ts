/**
 * On SQLite the session lookup is cached (modules/auth/session-cache.ts); every write to sessions, users or roles
 * in the process empties the cache, so logout, deactivation and role changes apply to the very next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_PG } from '../support/pg';
import { Client, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const ME = `{ me { id username locale roles { role } } }`;

describe('session cache', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
  });
  afterAll(async () => server?.cleanup());

  const userId = async (username: string) => ok(await admin.gql(`{ users { id username } }`)).users.find((u: any) => u.username === username).id as number;

  // SQLite only: on PostgreSQL several processes may share the sessions, so there is no cache
  it.skipIf(ON_PG)('a repeated request does not look its session up again', async () => {
    const c = await loginAs(server, 'koordinator.polonia');
    ok(await c.gql(ME));
    // a request that needs nothing from the database but the signed-in user
    const before = server.handle.sql.count;
    ok(await c.gql(`{ __typename }`));
    expect(server.handle.sql.count - before).toBe(0);
    const fresh = new Client(server.url);
    fresh.cookie = c.cookie;
    // same cookie, same user
    expect(ok(await fresh.gql(ME)).me.username).toBe('koordinator.polonia');
  });

  it('a logged-out session is refused at once', async () => {
    const c = await loginAs(server, 'koordinator.polonia');
    ok(await c.gql(ME));
    const stolen = new Client(server.url);
    stolen.cookie = c.cookie;
    expect(ok(await stolen.gql(ME)).me.username).toBe('koordinator.polonia');
    ok(await c.gql(`mutation { logout }`));
    expect(ok(await stolen.gql(ME)).me).toBeNull();
  });

  it('deactivating a user ends their session at once; role changes apply to the next request', async () => {
    const c = await loginAs(server, 'kakanwil');
    const roles = ok(await c.gql(ME)).me.roles.map((r: any) => r.role);
    expect(roles).toContain('KANWIL_HEAD');
    const id = await userId('kakanwil');
    const grants = ok(await admin.gql(`query { users { id roles { role kanwilId satkerId } } }`)).users.find((u: any) => u.id === id).roles;
    ok(
      await admin.gql(`mutation ($id: Int!, $r: [RoleGrantInput!]) { updateUser(id: $id, input: { roles: $r }) { id } }`, {
        id,
        r: [...grants, { role: 'VIEWER', kanwilId: grants[0].kanwilId }],
      }),
    );
    expect(ok(await c.gql(ME)).me.roles.map((r: any) => r.role)).toContain('VIEWER');
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { active: false }) { id } }`, { id }));
    const r = await c.gql(ME);
    expect(r.data?.me ?? null).toBeNull();
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { active: true }) { id } }`, { id }));
  });

  it('a session row deleted by hand (raw SQL) is refused at once', async () => {
    const c = await loginAs(server, 'koordinator.polonia');
    ok(await c.gql(ME));
    await server.handle.orm.em.getConnection().getKnex()('session').del();
    expect(ok(await c.gql(ME)).me).toBeNull();
    expect(errorCode(await c.gql(`mutation { logout }`)) ?? 'none').toBeDefined();
  });
});
