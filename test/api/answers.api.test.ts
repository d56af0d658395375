import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_PG } from '../support/pg';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from './helpers';

const SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) {
  saveAnswers(submissionId: $id, level: SELF, answers: $answers) {
    answers { soalId value note version updatedBy { username } }
    score { level total completeness unanswered }
    submission { id scores { self { total } } }
  }
}`;

const ANSWERS = `query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId value note version } } }`;

describe('self-assessment API', () => {
  let server: TestServer;
  let coord: Client;
  let subId: number;
  const current = async () => {
    const d = ok(await coord.gql(ANSWERS, { id: subId }));
    return new Map<number, { value: unknown; note: string | null; version: number }>(d.submission.answers.map((a: any) => [a.soalId, a]));
  };

  beforeAll(async () => {
    server = await startServer();
    coord = await loginAs(server, 'koordinator.polonia');
    subId = (await demoSubmissions(coord))['IMI-POLONIA'].id;
  });
  afterAll(async () => server?.cleanup());

  it('serves the instrument tree with items, options and weights', async () => {
    const d = ok(
      await coord.gql(`{ instrument(year: 2026) { year requiredCount items { soalId type survey } areas { code weight }
        roots { code weight children { code children { code items { soalId label options { key multiplier } } } } } } }`),
    );
    const inst = d.instrument;
    expect(inst.year).toBe(2026);
    expect(inst.items).toHaveLength(127);
    expect(inst.requiredCount).toBe(125);
    expect(inst.roots.map((r: any) => [r.code, r.weight])).toEqual([
      ['A', 60],
      ['B', 40],
    ]);
    expect(inst.areas.map((a: any) => a.weight)).toEqual([8, 7, 10, 10, 15, 10]);
    expect(inst.items.find((i: any) => i.soalId === 125)).toMatchObject({ type: 'INDEX', survey: 'IPAK' });
  });

  it('returns submission details: answers, per-level scores, eligibility, unanswered', async () => {
    const d = ok(
      await coord.gql(
        `query ($id: Int!) { submission(id: $id) { status target pencananganDate round version
        satker { code kind division holdsWbk predicates { predicate } } period { year selfAssessmentDeadline }
        scores { self { total pengungkit pemenuhan reform hasil completeness answered required areas { code name weight pemenuhan reform score percent } hasilParts { ipak kinerja bersih pelayanan } survey { kind index source } }
                 kanwil { total } tpi { total } tpn { total } }
        eligibility { target eligible basisLevel failures { requirement actual required message awaitingSurvey } }
        eligibilityAll { target eligible }
        unanswered nextDeadline { stage at } } }`,
        { id: subId },
      ),
    );
    const s = d.submission;
    expect(s).toMatchObject({ status: 'DRAFT', target: 'WBK', satker: { code: 'IMI-POLONIA', kind: 'KANIM', division: 'Imigrasi', holdsWbk: false } });
    expect(s.scores.self.areas).toHaveLength(6);
    expect(s.scores.self.total).toBeGreaterThan(0);
    expect(s.scores.self.completeness).toBeLessThan(1);
    expect(s.unanswered.length).toBe(s.scores.self.required - s.scores.self.answered);
    expect(s.eligibility).toMatchObject({ target: 'WBK', eligible: false, basisLevel: 'SELF' });
    expect(s.eligibility.failures.length).toBeGreaterThan(0);
    expect(s.eligibilityAll.map((e: any) => e.target)).toEqual(['WBK', 'WBBM']);
    expect(s.nextDeadline.stage).toBe('SELF_ASSESSMENT');
  });

  it('saves a batch, bumps versions, returns new scores, and records one audit event', async () => {
    const cur = await current();
    const before = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { scores { self { total } } } }`, { id: subId })).submission.scores.self.total;
    const batch = [
      { soalId: 2, value: 'C', note: 'Belum ada SK', expectedVersion: cur.get(2)?.version ?? null },
      { soalId: 3, value: 'Tidak', expectedVersion: cur.get(3)?.version ?? null },
      { soalId: 88, value: 10, expectedVersion: cur.get(88)?.version ?? null },
    ];
    const d = ok(await coord.gql(SAVE, { id: subId, answers: batch }));
    const saved = d.saveAnswers.answers;
    expect(saved.map((a: any) => [a.soalId, a.value])).toEqual([
      [2, 'C'],
      [3, 'Tidak'],
      [88, 10],
    ]);
    for (const a of saved) {
      expect(a.version).toBe((cur.get(a.soalId)?.version ?? 0) + 1);
      expect(a.updatedBy.username).toBe('koordinator.polonia');
    }
    expect(saved[0].note).toBe('Belum ada SK');
    expect(d.saveAnswers.score.level).toBe('SELF');
    expect(d.saveAnswers.score.total).toBeLessThan(before);
    expect(d.saveAnswers.submission.scores.self.total).toBeCloseTo(d.saveAnswers.score.total, 12);

    const admin = await loginAs(server, 'admin');
    const ev = ok(
      await admin.gql(
        `query ($id: String) { auditEvents(filter: { objectType: "Submission", objectId: $id, action: "answers.save" }) { total items { actor { username } satkerId kanwilId before after } } }`,
        {
          id: String(subId),
        },
      ),
    ).auditEvents;
    expect(ev.total).toBe(1);
    expect(ev.items[0].actor.username).toBe('koordinator.polonia');
    expect(ev.items[0].after.answers['2']).toMatchObject({ value: 'C', note: 'Belum ada SK' });
    expect(ev.items[0].before.level).toBe('SELF');
  });

  it('a single-answer autosave sends at most 5 SQL statements (6 on PostgreSQL) and computes the score only when asked for', async () => {
    // the SPA's autosave request (admin/src/graphql/submission.graphql SaveAnswers): no score asked for
    const SPA_SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $answers) {
      submission { id version status } answers { soalId level value note version updatedAt updatedBy { id username displayName } } } }`;
    const counted = async (query: string, answers: unknown[]) => {
      const before = server.handle.sql.count;
      const d = ok(await coord.gql(query, { id: subId, answers }));
      return { d, statements: server.handle.sql.count - before };
    };
    let v = (await current()).get(2)!.version;
    const warm = await counted(SPA_SAVE, [{ soalId: 2, value: 'A', expectedVersion: v }]);
    v = warm.d.saveAnswers.answers[0].version;
    const update = await counted(SPA_SAVE, [{ soalId: 2, value: 'B', expectedVersion: v }]);
    expect(update.d.saveAnswers.answers[0]).toMatchObject({ soalId: 2, value: 'B', version: v + 1, updatedBy: { username: 'koordinator.polonia' } });
    // + the session lookup on PostgreSQL (cached only on SQLite: modules/auth/session-cache.ts)
    expect(update.statements).toBeLessThanOrEqual(ON_PG ? 6 : 5);

    const cur = await current();
    const free = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30].find((id) => !cur.has(id))!;
    const inst = ok(await coord.gql(`{ instrument { items { soalId options { key } } } }`)).instrument;
    const key = inst.items.find((i: any) => i.soalId === free).options[0].key;
    const insert = await counted(SPA_SAVE, [{ soalId: free, value: key, expectedVersion: null }]);
    expect(insert.d.saveAnswers.answers[0]).toMatchObject({ soalId: free, value: key, version: 1 });
    expect(insert.statements).toBeLessThanOrEqual(ON_PG ? 6 : 5);

    // asking for the score loads the whole submission and scores it (more statements), with the value just saved
    const scored = await counted(SAVE, [{ soalId: 2, value: 'C', expectedVersion: v + 1 }]);
    expect(scored.statements).toBeGreaterThan(update.statements);
    expect(scored.d.saveAnswers.score.total).toBeCloseTo(scored.d.saveAnswers.submission.scores.self.total, 12);
    const fresh = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { scores { self { total } } } }`, { id: subId })).submission.scores.self.total;
    expect(scored.d.saveAnswers.score.total).toBeCloseTo(fresh, 12);
  });

  it('an option key is accepted case-insensitively and stored as the instrument spells it', async () => {
    const cur = await current();
    const d = ok(await coord.gql(SAVE, { id: subId, answers: [{ soalId: 3, value: 'ya', expectedVersion: cur.get(3)!.version }] }));
    expect(d.saveAnswers.answers[0].value).toBe('Ya');
  });

  it('bad inputs: BAD_USER_INPUT listing every bad answer, nothing saved', async () => {
    const cur = await current();
    const batch = [
      { soalId: 2, value: 'A', expectedVersion: cur.get(2)!.version }, // fine, must not be saved
      { soalId: 3, value: 'Mungkin', expectedVersion: cur.get(3)!.version }, // not an option
      { soalId: 88, value: -3, expectedVersion: cur.get(88)!.version }, // negative count
      { soalId: 89, value: 2.5, expectedVersion: cur.get(89)?.version ?? null }, // not an integer
      { soalId: 125, value: 4.5, expectedVersion: cur.get(125)?.version ?? null }, // index out of range
      { soalId: 999, value: 'A', expectedVersion: null }, // unknown item
      { soalId: 126, value: true, expectedVersion: cur.get(126)?.version ?? null }, // wrong type
    ];
    const r = await coord.gql(SAVE, { id: subId, answers: batch });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    const issues = r.errors![0].extensions!.issues as { soalId: unknown; message: string }[];
    expect(issues.map((i) => String(i.soalId)).sort()).toEqual(['125', '126', '3', '88', '89', '999']);
    for (const i of issues) expect(i.message.length).toBeGreaterThan(5);
    expect(r.errors![0].message).toMatch(/tidak valid/);
    const after = await current();
    for (const id of [2, 3, 88, 89, 125, 126]) expect(after.get(id), String(id)).toEqual(cur.get(id));
  });

  it('an over-long note is refused by input validation (BAD_USER_INPUT, Indonesian message)', async () => {
    const cur = await current();
    const r = await coord.gql(SAVE, { id: subId, answers: [{ soalId: 2, value: 'A', note: 'x'.repeat(4001), expectedVersion: cur.get(2)!.version }] });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toBe('Masukan tidak valid');
    expect((await current()).get(2)).toEqual(cur.get(2));
  });

  it('duplicate items in one batch are refused', async () => {
    const cur = await current();
    const v = cur.get(2)!.version;
    const r = await coord.gql(SAVE, {
      id: subId,
      answers: [
        { soalId: 2, value: 'A', expectedVersion: v },
        { soalId: 2, value: 'B', expectedVersion: v },
      ],
    });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
  });

  it('edit conflict: two saves from the same version — the second gets CONFLICT with current values, the first is kept', async () => {
    const cur = await current();
    const v2 = cur.get(2)!.version;
    const v3 = cur.get(3)!.version;
    const other = await loginAs(server, 'koordinator.polonia'); // a second browser of the same team
    ok(await coord.gql(SAVE, { id: subId, answers: [{ soalId: 2, value: 'B', note: 'versi pertama', expectedVersion: v2 }] }));
    const r = await other.gql(SAVE, {
      id: subId,
      answers: [
        { soalId: 3, value: 'Tidak', expectedVersion: v3 }, // not in conflict, but the batch is all or nothing
        { soalId: 2, value: 'C', note: 'versi kedua', expectedVersion: v2 },
      ],
    });
    expect(errorCode(r)).toBe('CONFLICT');
    expect(r.errors![0].message).toMatch(/\[2\]/);
    const conflicts = r.errors![0].extensions!.conflicts;
    expect(conflicts).toEqual([
      expect.objectContaining({ soalId: 2, expectedVersion: v2, currentVersion: v2 + 1, currentValue: 'B', currentNote: 'versi pertama' }),
    ]);
    const after = await current();
    expect(after.get(2)).toMatchObject({ value: 'B', note: 'versi pertama', version: v2 + 1 });
    expect(after.get(3)).toEqual(cur.get(3));
  });

  it('concurrent autosaves: each is answered on its own (one in conflict fails alone) and on SQLite they share commits', async () => {
    const SPA_SAVE = `mutation ($id: Int!, $answers: [AnswerInput!]!) { saveAnswers(submissionId: $id, level: SELF, answers: $answers) {
      answers { soalId value version } } }`;
    const cur = await current();
    const inst = ok(await coord.gql(`{ instrument { items { soalId options { key } } } }`)).instrument;
    const items = inst.items.filter((i: any) => i.options.length >= 2 && cur.has(i.soalId)).slice(0, 12);
    const want = new Map<number, string>(items.map((i: any) => [i.soalId, i.options.find((o: any) => o.key !== cur.get(i.soalId)!.value).key]));
    const stale = items[5].soalId;
    const begins: string[] = [];
    const knex = server.handle.orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => /^\s*begin/i.test(q.sql) && begins.push(q.sql);
    knex.on('query', onQuery);
    const results = await Promise.all(
      items.map((i: any) =>
        coord.gql(SPA_SAVE, {
          id: subId,
          answers: [{ soalId: i.soalId, value: want.get(i.soalId), expectedVersion: cur.get(i.soalId)!.version - (i.soalId === stale ? 1 : 0) }],
        }),
      ),
    );
    knex.off('query', onQuery);
    expect(results.map((r, k) => (items[k].soalId === stale ? errorCode(r) : r.errors))).toEqual(
      items.map((i: any) => (i.soalId === stale ? 'CONFLICT' : undefined)),
    );
    const after = await current();
    for (const i of items) {
      if (i.soalId === stale) expect(after.get(stale)).toEqual(cur.get(stale));
      else expect(after.get(i.soalId)).toMatchObject({ value: want.get(i.soalId), version: cur.get(i.soalId)!.version + 1 });
    }
    if (!ON_PG) expect(begins.length).toBeLessThan(items.length);
  });

  it('creating an answer that someone else created meanwhile is a CONFLICT too', async () => {
    const cur = await current();
    const free = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].find((id) => !cur.has(id))!;
    expect(free).toBeDefined();
    const inst = ok(await coord.gql(`{ instrument { items { soalId options { key } } } }`)).instrument;
    const key = inst.items.find((i: any) => i.soalId === free).options[0].key;
    ok(await coord.gql(SAVE, { id: subId, answers: [{ soalId: free, value: key, expectedVersion: null }] }));
    const r = await coord.gql(SAVE, { id: subId, answers: [{ soalId: free, value: key, expectedVersion: null }] });
    expect(errorCode(r)).toBe('CONFLICT');
  });

  it('clearing an answer keeps its row (value null) with a new version', async () => {
    const cur = await current();
    const d = ok(await coord.gql(SAVE, { id: subId, answers: [{ soalId: 2, value: null, expectedVersion: cur.get(2)!.version }] }));
    expect(d.saveAnswers.answers[0]).toMatchObject({ soalId: 2, value: null, version: cur.get(2)!.version + 1 });
    expect(d.saveAnswers.score.unanswered).toContain(2);
  });

  it('setPencanangan: validates the date, audits, and is coordinator-only', async () => {
    expect(errorCode(await coord.gql(`mutation { setPencanangan(submissionId: ${subId}, date: "2025-02-30") { id } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await coord.gql(`mutation { setPencanangan(submissionId: ${subId}, date: "kemarin") { id } }`))).toBe('BAD_USER_INPUT');
    const d = ok(await coord.gql(`mutation { setPencanangan(submissionId: ${subId}, date: "2025-01-15") { pencananganDate version } }`));
    expect(d.setPencanangan.pencananganDate).toBe('2025-01-15');
    const stale = await coord.gql(
      `mutation { setPencanangan(submissionId: ${subId}, date: "2025-01-16", expectedVersion: ${d.setPencanangan.version - 1}) { id } }`,
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    const kak = await loginAs(server, 'kakanwil');
    expect(errorCode(await kak.gql(`mutation { setPencanangan(submissionId: ${subId}, date: "2025-01-15") { id } }`))).toBe('FORBIDDEN');
    const ev = ok(await kak.gql(`{ auditEvents(filter: { action: "submission.setPencanangan" }) { total items { after } } }`)).auditEvents;
    expect(ev.total).toBe(1);
    expect(ev.items[0].after).toEqual({ pencananganDate: '2025-01-15' });
  });

  it('unknown submission: NOT_FOUND', async () => {
    expect(errorCode(await coord.gql(`{ submission(id: 99999) { id } }`))).toBe('NOT_FOUND');
  });
});
