/**
 * The LocalDate scalar: every date argument is a real calendar date YYYY-MM-DD, refused at the boundary (BAD_USER_INPUT,
 * Indonesian message; English for a user who chose English) before anything runs, so nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const BAD = /^Tanggal harus berupa tanggal kalender yang sah berformat YYYY-MM-DD, bukan "2026-02-31"$/;

describe('LocalDate', () => {
  let server: TestServer;
  let admin: Client, coord: Client;
  let subs: Awaited<ReturnType<typeof demoSubmissions>>;
  beforeAll(async () => {
    server = await startServer();
    [admin, coord] = await Promise.all(['admin', 'koordinator.polonia'].map((u) => loginAs(server, u)));
    subs = await demoSubmissions(admin);
  });
  afterAll(async () => server?.cleanup());

  it('refuses 2026-02-31 for recordTpnOutcome (literal and variable), whatever the state', async () => {
    const id = subs['IMI-POLONIA'].id;
    const lit = await admin.gql(
      `mutation { transition(submissionId: ${id}, action: recordTpnOutcome, input: { awarded: true, decreeDate: "2026-02-31" }) { to } }`,
    );
    expect(errorCode(lit)).toBe('BAD_USER_INPUT');
    expect(lit.errors![0].message).toMatch(BAD);
    const v = await admin.gql(`mutation ($i: TransitionInput) { transition(submissionId: ${id}, action: recordTpnOutcome, input: $i) { to } }`, {
      i: { awarded: true, decreeDate: '2026-02-31' },
    });
    expect(errorCode(v)).toBe('BAD_USER_INPUT');
    expect(v.errors![0].message).toMatch(/tanggal kalender yang sah/);
  });

  it('refuses impossible dates on every date argument, and nothing changes', async () => {
    const id = subs['IMI-POLONIA'].id;
    const before = ok(await coord.gql(`{ submission(id: ${id}) { pencananganDate version } }`)).submission;
    const cases: [Client, string][] = [
      [coord, `mutation { setPencanangan(submissionId: ${id}, date: "2026-02-31") { id } }`],
      [coord, `mutation { setPencanangan(submissionId: ${id}, date: "2026-2-3") { id } }`],
      [admin, `mutation { revokePredicate(predicateId: 1, reason: "x", decreeDate: "2026-02-31") { id } }`],
      [admin, `mutation { addPredicate(satkerId: ${subs['IMI-POLONIA'].satkerId}, input: { predicate: WBK, year: 2024, decreeDate: "2026-02-31" }) { id } }`],
      [
        admin,
        `mutation { openSurveyRound(input: { satkerId: ${subs['IMI-POLONIA'].satkerId}, periodId: 1, startDate: "2026-02-31", endDate: "2026-03-10", serviceTypes: ["a"], respondentGroups: ["b"] }) { id } }`,
      ],
      [
        admin,
        `mutation { createSubmission(input: { periodId: 1, satkerId: ${subs['IMI-POLONIA'].satkerId}, target: WBK, pencananganDate: "2026-13-01" }) { id } }`,
      ],
    ];
    for (const [c, q] of cases) {
      const r = await c.gql(q);
      expect(errorCode(r), q).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message, q).toMatch(/^Tanggal harus berupa tanggal kalender yang sah berformat YYYY-MM-DD, bukan /);
    }
    expect(ok(await coord.gql(`{ submission(id: ${id}) { pencananganDate version } }`)).submission).toEqual(before);
    // a real date passes the scalar (2024-02-29: a leap day)
    expect(ok(await coord.gql(`mutation { setPencanangan(submissionId: ${id}, date: "2024-02-29") { pencananganDate } }`)).setPencanangan.pencananganDate).toBe(
      '2024-02-29',
    );
  });

  it('answers an English user in English', async () => {
    const users = ok(await admin.gql(`{ users { id username } }`)).users as { id: number; username: string }[];
    const u = users.find((x) => x.username === 'koordinator.banggai')!;
    ok(await admin.gql(`mutation ($id: Int!) { updateUser(id: $id, input: { locale: "en" }) { id } }`, { id: u.id }));
    const en = await loginAs(server, 'koordinator.banggai');
    const r = await en.gql(`mutation { setPencanangan(submissionId: ${subs['IMI-POLONIA'].id}, date: "2026-02-31") { id } }`);
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toBe('A date must be a real calendar date written YYYY-MM-DD, not "2026-02-31"');
  });
});
