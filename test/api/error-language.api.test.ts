/** Server messages follow the user's language: Indonesian by default, English for a user who chose English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loginAs, ok, startServer, type TestServer } from './helpers';
import { toEnglish } from '../../server/src/common/error-language';

describe('error messages in the user’s language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.cleanup());

  it('answers an English user in English (with the Indonesian text kept) and others in Indonesian', async () => {
    const admin = await loginAs(server, 'admin');
    const users = ok(await admin.gql(`{ users { id username } }`)).users as { id: number; username: string }[];
    const polonia = users.find((u) => u.username === 'koordinator.polonia')!;
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, { id: polonia.id }));
    const en = await loginAs(server, 'koordinator.polonia');
    const id = await loginAs(server, 'koordinator.banggai');
    const Q = `{ submission(id: 99999) { id } }`;
    const rEn = await en.gql(Q);
    expect(errorCode(rEn)).toBe('NOT_FOUND');
    expect(rEn.errors![0].message).toBe('Assessment 99999 not found');
    expect(rEn.errors![0].extensions!.messageId).toBe('Penilaian 99999 tidak ditemukan');
    const rId = await id.gql(Q);
    expect(rId.errors![0].message).toBe('Penilaian 99999 tidak ditemukan');

    const forbidden = await en.gql(`{ users { id } }`);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors![0].message).toMatch(/^[A-Z][a-z ]+/);
    expect(forbidden.errors![0].message).not.toMatch(/^Hanya|^Anda/);
  });

  it('translates known messages by pattern and the rest by code, keeping the detail', () => {
    expect(toEnglish('Batas waktu penilaian mandiri (2026-03-01) telah lewat', 'DEADLINE_PASSED')).toBe('The self-assessment deadline (2026-03-01) has passed');
    expect(toEnglish('Sesuatu yang baru', 'INVALID_STATE')).toBe('This is not possible in the assessment’s current status (Sesuatu yang baru)');
  });
});
