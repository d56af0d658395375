/**
 * The temporary-password gate covers REST too: a user whose password an admin set may not upload or download
 * evidence, export tables, read or import LKE workbooks, print reports or survey results until they change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, loginAs, ok, startServer, type TestServer } from './helpers';

function upload(c: Client, submissionId = subId): Promise<Response> {
  const fd = new FormData();
  fd.append('submissionId', String(submissionId));
  fd.append('soalId', '1');
  fd.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 bukti'))], { type: 'application/pdf' }), 'bukti.pdf');
  return c.fetch('/api/evidence', { method: 'POST', body: fd, headers: { 'x-pantau-csrf': '1' } });
}
let subId: number;

describe('temporary password on REST', () => {
  let server: TestServer;
  let admin: Client;
  let evidenceId: number;
  let roundId: number;
  beforeAll(async () => {
    server = await startServer();
    admin = await loginAs(server, 'admin');
    subId = (await demoSubmissions(admin))['IMI-POLONIA'].id;
    const up = await upload(await loginAs(server, 'koordinator.polonia'));
    expect(up.status).toBe(201);
    evidenceId = ((await up.json()) as { evidence: { id: number } }).evidence.id;
    roundId = ok(await admin.gql(`{ surveyRounds { id satkerName } }`)).surveyRounds[0].id;
  });
  afterAll(() => server.cleanup());

  const requests = (): [string, (c: Client) => Promise<Response>][] => [
    ['evidence download', (c) => c.fetch(`/api/evidence/${evidenceId}`)],
    ['evidence delete', (c) => c.fetch(`/api/evidence/${evidenceId}`, { method: 'DELETE', headers: { 'x-pantau-csrf': '1' } })],
    ['evidence upload', (c) => upload(c)],
    [
      'table export',
      (c) =>
        c.fetch('/api/exports/table.csv', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pantau-csrf': '1' },
          body: JSON.stringify({ title: 'T', fileName: 't', columns: [{ key: 'a', title: 'A' }], rows: [{ a: 1 }] }),
        }),
    ],
    ['LKE workbook', (c) => c.fetch(`/api/submissions/${subId}/lke.xlsx`)],
    [
      'LKE workbook import',
      (c) => c.fetch(`/api/submissions/${subId}/lke-workbook`, { method: 'POST', headers: { 'x-pantau-csrf': '1' }, body: new Uint8Array([1, 2, 3]) }),
    ],
    ['LKE summary PDF', (c) => c.fetch(`/api/submissions/${subId}/lke-summary.pdf`)],
    ['LHE PDF', (c) => c.fetch(`/api/submissions/${subId}/lhe.pdf`)],
    ['nominations PDF', (c) => c.fetch(`/api/periods/1/nominations.pdf?kanwilId=1`)],
    ['survey results CSV', (c) => c.fetch(`/api/survey/rounds/${roundId}/results.csv`)],
  ];

  it('refuses every session route with 403 MUST_CHANGE_PASSWORD (English for an English user) until the password is changed', async () => {
    const created = ok(
      await admin.gql(
        `mutation { createUser(input: { username: "sandi.sementara", displayName: "Sandi Sementara", password: "rahasia-123", roles: [{ role: ADMIN }] }) { id } }`,
      ),
    ).createUser;
    const before = await loginAs(server, 'sandi.sementara', 'rahasia-123');
    // before the reset the same user may read (the refusals below come from the temporary password)
    expect((await before.fetch(`/api/submissions/${subId}/lke-summary.pdf`)).status).toBe(200);
    const temp = ok(await admin.gql(`mutation ($id: Int!) { resetUserPassword(id: $id) { temporaryPassword } }`, { id: created.id })).resetUserPassword
      .temporaryPassword as string;
    const user = await loginAs(server, 'sandi.sementara', temp);

    for (const [name, send] of requests()) {
      const res = await send(user);
      const body = await res.json();
      expect({ name, status: res.status, code: body.code, reason: body.reason }).toEqual({
        name,
        status: 403,
        code: 'FORBIDDEN',
        reason: 'MUST_CHANGE_PASSWORD',
      });
      expect(body.message).toBe('Ganti kata sandi sementara Anda terlebih dahulu');
    }
    // nothing was deleted
    expect(ok(await admin.gql(`query ($s: Int!) { evidence(submissionId: $s) { id } }`, { s: subId })).evidence.map((e: { id: number }) => e.id)).toContain(
      evidenceId,
    );

    // in English for a user whose locale is English
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, { id: created.id }));
    const en = await (await user.fetch(`/api/submissions/${subId}/lke.xlsx`)).json();
    expect(en).toMatchObject({ code: 'FORBIDDEN', reason: 'MUST_CHANGE_PASSWORD', message: 'Change your temporary password first' });

    ok(await user.gql(`mutation ($o: String!) { changePassword(oldPassword: $o, newPassword: "punya-saya-sendiri") }`, { o: temp }));
    for (const p of [
      `/api/evidence/${evidenceId}`,
      `/api/submissions/${subId}/lke.xlsx`,
      `/api/submissions/${subId}/lke-summary.pdf`,
      `/api/survey/rounds/${roundId}/results.csv`,
    ]) {
      expect({ p, status: (await user.fetch(p)).status }).toEqual({ p, status: 200 });
    }
  });
});
