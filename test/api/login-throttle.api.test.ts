/**
 * Login and password-change throttling from outside: attempts are reserved before hashing (parallel guesses are
 * cut off), counted per account + address, per account and per address, with the client address taken from
 * X-Forwarded-For only when PANTAU_TRUST_PROXY says so, and kept in the database (a restart does not reset them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, MAX_FAILURES, MAX_PASSWORD_CHANGES } from '../../server/src/modules/auth/throttle';

const WRONG = 'Nama pengguna atau kata sandi salah';
const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username } }';

/** A client behind the proxy, at `address` (TEST-NET-3 addresses: only header values, no traffic goes there). */
function via(server: TestServer, address: string) {
  const c = new Client(server.url);
  const fetch0 = c.fetch.bind(c);
  c.fetch = (p, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', address);
    return fetch0(p, { ...init, headers });
  };
  return c;
}

const messages = (rs: { errors?: { message: string }[] }[]) => rs.map((r) => r.errors?.[0]?.message ?? 'OK');

describe('login throttle (direct clients)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it('30 parallel wrong passwords: only the first MAX_FAILURES are checked, the rest refused before hashing', async () => {
    const c = new Client(server.url);
    const rs = await Promise.all(Array.from({ length: 30 }, (_, i) => c.gql(LOGIN, { u: 'pengamat', p: `salah-${i}` })));
    const m = messages(rs);
    expect(m.filter((x) => x === WRONG)).toHaveLength(MAX_FAILURES);
    expect(m.filter((x) => /^Terlalu banyak percobaan masuk/.test(x))).toHaveLength(30 - MAX_FAILURES);
    for (const r of rs) expect(errorCode(r)).toBe('BAD_USER_INPUT');
    // the right password is refused too until the window passes
    expect(errorCode(await c.login('pengamat'))).toBe('BAD_USER_INPUT');
  });

  it('the throttle is kept in the database: a restart does not reset it', async () => {
    server = await server.restart();
    const r = await new Client(server.url).login('pengamat');
    expect(r.errors![0].message).toMatch(/^Terlalu banyak percobaan masuk/);
    expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(60);
  });

  it('many usernames from one address are slowed down too', async () => {
    const c = new Client(server.url);
    const rs = await Promise.all(Array.from({ length: MAX_ADDRESS_FAILURES + 5 }, (_, i) => c.gql(LOGIN, { u: `tebakan${i}`, p: 'salah' })));
    // the earlier tests spent some of this address's window already
    expect(messages(rs).filter((x) => /^Terlalu banyak/.test(x)).length).toBeGreaterThanOrEqual(5);
    expect(errorCode(await c.login('koordinator.banggai'))).toBe('BAD_USER_INPUT');
  });
});

describe('login throttle behind a proxy (PANTAU_TRUST_PROXY)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ config: { trustProxy: 'loopback' } });
  });
  afterAll(async () => server?.cleanup());

  it("one person's typos do not lock out the same account for other clients of the proxy", async () => {
    const typist = via(server, '203.0.113.10');
    for (let i = 0; i < MAX_FAILURES; i++) expect(messages([await typist.login('kepala.polonia', `salah-${i}`)])).toEqual([WRONG]);
    expect((await typist.login('kepala.polonia')).errors![0].message).toMatch(/^Terlalu banyak/);
    const colleague = via(server, '203.0.113.11');
    expect(ok(await colleague.login('kepala.polonia')).login.username).toBe('kepala.polonia');
  });

  it('one account guessed from many addresses is locked for everyone after MAX_ACCOUNT_FAILURES', async () => {
    const rs = [];
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) rs.push(await via(server, `203.0.113.${100 + i}`).login('koordinator.polonia', 'salah'));
    expect(messages(rs).every((m) => m === WRONG)).toBe(true);
    const r = await via(server, '203.0.113.250').login('koordinator.polonia');
    expect(r.errors![0].message).toMatch(/^Terlalu banyak/);
  });

  it('without PANTAU_TRUST_PROXY the forwarded address is ignored', async () => {
    const direct = await startServer();
    try {
      for (let i = 0; i < MAX_FAILURES; i++) await via(direct, `203.0.113.${i}`).login('pengamat', 'salah');
      expect((await via(direct, '203.0.113.99').login('pengamat')).errors![0].message).toMatch(/^Terlalu banyak/);
    } finally {
      await direct.cleanup();
    }
  });
});

describe('sessions and password changes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it("a successful login ends the browser's previous session", async () => {
    const browser = await loginAs(server, 'pengamat');
    const first = browser.cookie;
    ok(await browser.login('koordinator.banggai'));
    expect(browser.cookie).not.toBe(first);
    const old = new Client(server.url);
    old.cookie = first;
    expect(ok(await old.gql('{ me { id } }')).me).toBeNull();
    expect(ok(await browser.gql('{ me { username } }')).me.username).toBe('koordinator.banggai');
  });

  it('changePassword is throttled: after MAX_PASSWORD_CHANGES wrong old passwords even the right one is refused', async () => {
    const c = await loginAs(server, 'koordinator.polonia');
    const change = (old: string) =>
      c.gql('mutation ($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }', { o: old, n: 'sandi-baru-123' });
    const rs = await Promise.all(Array.from({ length: MAX_PASSWORD_CHANGES + 3 }, (_, i) => change(`keliru-${i}`)));
    expect(messages(rs).filter((m) => m === 'Kata sandi lama salah')).toHaveLength(MAX_PASSWORD_CHANGES);
    const r = await change(DEMO_PASSWORD);
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/^Terlalu banyak percobaan mengganti kata sandi/);
    // nothing changed: the old password still signs in
    await loginAs(server, 'koordinator.polonia');
  });
});
