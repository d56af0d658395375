/**
 * One REST error shape: every REST route family answers bad input with `{ error, code, message }` (code of the
 * GraphQL set or an HTTP-only one, error = code), Indonesian by default, English (with messageId) for a user who
 * chose English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, loginAs, ok, startServer, type TestServer } from './helpers';

const CSRF = { 'x-pantau-csrf': '1' };

async function shape(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(body).toMatchObject({ error: code, code, message: expect.any(String) });
  expect(body.message.length).toBeGreaterThan(3);
  return body;
}

describe('REST errors', () => {
  let server: TestServer;
  let admin: Client, anon: Client;
  let subId: number;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    anon = new Client(server.url);
    subId = (await demoSubmissions(admin))['IMI-POLONIA'].id;
  });
  afterAll(async () => server?.cleanup());

  it('evidence: bad id, not signed in, no CSRF header', async () => {
    await shape(await admin.fetch('/api/evidence/abc'), 404, 'NOT_FOUND');
    await shape(await admin.fetch('/api/evidence/99999'), 404, 'NOT_FOUND');
    await shape(await anon.fetch('/api/evidence/1'), 401, 'UNAUTHENTICATED');
    const b = await shape(await admin.fetch('/api/evidence', { method: 'POST' }), 403, 'FORBIDDEN');
    expect(b.message).toBe('Permintaan ditolak: header x-pantau-csrf wajib disertakan');
    await shape(
      await admin.fetch('/api/evidence', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{}' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('exports: unknown format and a malformed table', async () => {
    await shape(
      await admin.fetch('/api/exports/table.doc', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{}' }),
      404,
      'NOT_FOUND',
    );
    await shape(
      await admin.fetch('/api/exports/table.csv', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{"columns":' }),
      422,
      'BAD_USER_INPUT',
    );
    await shape(
      await admin.fetch('/api/exports/table.csv', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{"columns": 3}' }),
      422,
      'BAD_USER_INPUT',
    );
  });

  it('reports and the LKE workbook: bad ids, unknown submission, not signed in', async () => {
    await shape(await admin.fetch('/api/submissions/x/lke-summary.pdf'), 404, 'NOT_FOUND');
    await shape(await admin.fetch('/api/submissions/99999/lhe.pdf'), 404, 'NOT_FOUND');
    await shape(await anon.fetch(`/api/submissions/${subId}/lke-summary.pdf`), 401, 'UNAUTHENTICATED');
    await shape(await admin.fetch('/api/submissions/x/lke.xlsx'), 404, 'NOT_FOUND');
    await shape(await anon.fetch(`/api/submissions/${subId}/lke.xlsx`), 401, 'UNAUTHENTICATED');
  });

  it('PortalRB: no token, wrong token, unknown address', async () => {
    await shape(await anon.fetch('/api/portalrb/pengusulan/unit-wbk'), 401, 'UNAUTHENTICATED');
    await shape(await anon.fetch('/api/portalrb/pengusulan/unit-wbk', { headers: { authorization: 'Bearer nope' } }), 401, 'UNAUTHENTICATED');
  });

  it('surveys: unknown public link, unknown QR format, bad round id, not signed in', async () => {
    await shape(await anon.fetch('/api/survey/public/no-such-token'), 404, 'NOT_FOUND');
    await shape(
      await anon.fetch('/api/survey/public/no-such-token/responses', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{}' }),
      404,
      'NOT_FOUND',
    );
    await shape(await anon.fetch('/api/survey/public/x/qr.gif'), 404, 'NOT_FOUND');
    await shape(await admin.fetch('/api/survey/rounds/abc/results.csv'), 404, 'NOT_FOUND');
    await shape(await anon.fetch('/api/survey/rounds/1/results.csv'), 401, 'UNAUTHENTICATED');
  });

  it('unknown /api addresses and malformed JSON bodies', async () => {
    await shape(await admin.fetch('/api/no-such-thing'), 404, 'NOT_FOUND');
    await shape(
      await admin.fetch('/api/survey/public/x/responses', { method: 'POST', headers: { ...CSRF, 'content-type': 'application/json' }, body: '{"a":' }),
      422,
      'BAD_USER_INPUT',
    );
  });

  it('answers an English user in English, keeping the Indonesian text', async () => {
    const users = ok(await admin.gql(`{ users { id username } }`)).users as { id: number; username: string }[];
    const u = users.find((x) => x.username === 'koordinator.banggai')!;
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, { id: u.id }));
    const en = await loginAs(server, 'koordinator.banggai');
    const b = await shape(await en.fetch(`/api/submissions/99999/lhe.pdf`), 404, 'NOT_FOUND');
    expect(b.message).toMatch(/not found/);
    expect(b.messageId).toMatch(/tidak ditemukan$/);
    const f = await shape(await en.fetch(`/api/submissions/${subId}/lke.xlsx`), 403, 'FORBIDDEN');
    expect(f.messageId).toBeDefined();
    expect(f.message).not.toBe(f.messageId);
  });
});
