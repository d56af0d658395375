/** importAnswers: the PortalRB jawaban-unit JSON into SELF or TPI, validated whole, all or nothing, with a report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demoSubmissions, errorCode, loginAs, ok, startServer, type TestServer } from '../helpers';
import { goodAnswers, inst, opt } from './support';

const IMPORT = `mutation ($id: Int!, $level: AnswerLevel!, $json: JSONObject!) {
  importAnswers(submissionId: $id, level: $level, json: $json) {
    submissionId level rows unchangedCount valuesChanged notesChanged changed { soalId code before after noteBefore noteAfter valueChanged noteChanged }
  }
}`;

describe('importAnswers', () => {
  let server: TestServer;
  let coord: Client, evaluator: Client, admin: Client;
  let polonia: number;
  let tpinang: number;

  /** Everything the database holds for a submission's answers + the audit trail length. */
  const snapshot = async (id: number) => {
    const conn = server.handle.orm.em.fork().getConnection();
    const answers = await conn.execute(
      'select soal_id, level, value_json, note, version, updated_at from answer where submission_id = ? order by level, soal_id',
      [id],
    );
    const audit = await conn.execute('select count(*) as n from audit_event');
    return { answers, audit };
  };
  const file = (answers: Record<number, unknown>, extra: Record<string, unknown> = {}, notes: Record<number, string> = {}) => ({
    unit_id: 'IMI-POLONIA',
    nama_unit: 'Kantor Imigrasi Kelas I TPI Polonia',
    tahun: 2026,
    answers: Object.entries(answers).map(([k, v]) => ({
      soal_id: Number(k),
      jawaban_unit: v,
      ...(notes[Number(k)] ? { catatan_unit: notes[Number(k)] } : {}),
      bukti_dukung_unit: ['https://contoh/abaikan'],
    })),
    ...extra,
  });

  beforeAll(async () => {
    server = await startServer();
    [coord, evaluator, admin] = await Promise.all(['koordinator.polonia', 'evaluator.itjen', 'admin'].map((u) => loginAs(server, u)));
    const subs = await demoSubmissions(admin);
    polonia = subs['IMI-POLONIA'].id;
    tpinang = subs['IMI-TPINANG'].id;
  });
  afterAll(async () => server?.cleanup());

  it('refuses malformed and partially invalid files whole, changing nothing', async () => {
    const before = await snapshot(polonia);
    const good = goodAnswers();
    const bad: [string, unknown][] = [
      ['no answers list', { unit_id: 'IMI-POLONIA', tahun: 2026 }],
      ['answers not a list', { answers: { 1: 'Ya' } }],
      ['row not an object', { answers: [1, 2] }],
      ['soal_id missing', { answers: [{ jawaban_unit: 'Ya' }] }],
      [
        'duplicate soal_id',
        file(
          { 1: opt(1, 0) },
          {
            answers: [
              { soal_id: 1, jawaban_unit: opt(1, 0) },
              { soal_id: 1, jawaban_unit: opt(1, 1) },
            ],
          },
        ),
      ],
      ['unknown soal_id', file({ ...good, 999: 'Ya' })],
      ['bad option key', file({ ...good, 2: 'Z' })],
      ['negative count', file({ ...good, 88: -3 })],
      ['fractional count', file({ ...good, 88: 2.5 })],
      ['index out of range', file({ ...good, 125: 4.5 })],
      ['index with three decimals', file({ ...good, 127: 3.555 })],
      ['wrong unit', file(good, { unit_id: 'IMI-MEDAN' })],
      ['wrong year', file(good, { tahun: 2025 })],
      ['note not text', { ...file(good), answers: [{ soal_id: 1, jawaban_unit: opt(1, 0), catatan_unit: 5 }] }],
    ];
    for (const [what, json] of bad) {
      const r = await coord.gql(IMPORT, { id: polonia, level: 'SELF', json });
      expect(errorCode(r), what).toBe('BAD_USER_INPUT');
    }
    const r = await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: file({ ...good, 2: 'Z', 88: -1 }) });
    expect(r.errors![0].extensions!.issues.map((i: any) => i.soalId)).toEqual([2, 88]);
    // a JSON array is not a JSONObject
    expect(errorCode(await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: [1] }))).toBe('BAD_USER_INPUT');
    expect(await snapshot(polonia)).toEqual(before);
  });

  it('imports a whole self-assessment in one go and reports what changed', async () => {
    const before = ok(await coord.gql(`query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId value note } } }`, { id: polonia })).submission
      .answers as any[];
    const prev = new Map(before.map((a) => [a.soalId, a]));
    const good = goodAnswers();
    const rep = ok(await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: file(good, {}, { 1: 'Catatan impor' }) })).importAnswers;
    const expectChanged = Object.entries(good)
      .filter(([k, v]) => prev.get(Number(k))?.value !== v)
      .map(([k]) => Number(k));
    expect(rep.rows).toBe(Object.keys(good).length);
    expect(rep.valuesChanged).toBe(expectChanged.length);
    expect(rep.changed.length + rep.unchangedCount).toBe(rep.rows);
    const c1 = rep.changed.find((c: any) => c.soalId === 1);
    expect(c1).toMatchObject({ noteAfter: 'Catatan impor', noteChanged: true, code: inst.itemById[1].code });
    const after = ok(
      await coord.gql(`query ($id: Int!) { submission(id: $id) { answers(level: SELF) { soalId value } scores { self { completeness } } } }`, { id: polonia }),
    ).submission;
    expect(after.scores.self.completeness).toBe(1);
    for (const [k, v] of Object.entries(good)) expect(after.answers.find((a: any) => a.soalId === Number(k)).value).toEqual(v);
    const ev = ok(await admin.gql(`query { auditEvents(filter: { action: "answers.import" }) { items { actor { username } after } } }`)).auditEvents.items;
    expect(ev).toHaveLength(1);
    expect(ev[0].actor.username).toBe('koordinator.polonia');

    // the same file again changes nothing
    const again = ok(await coord.gql(IMPORT, { id: polonia, level: 'SELF', json: file(good, {}, { 1: 'Catatan impor' }) })).importAnswers;
    expect(again).toMatchObject({ changed: [], unchangedCount: rep.rows, valuesChanged: 0, notesChanged: 0 });
  });

  it('respects who may write the level: TPI by the assigned evaluator in desk review only', async () => {
    const tpiFile = (v: unknown) => ({
      unit_id: 'IMI-TPINANG',
      tahun: 2026,
      answers: [
        { soal_id: 2, jawaban_tpi: v, catatan_tpi: 'Tidak sesuai' },
        { soal_id: 3, jawaban_unit: 'diabaikan di TPI?' },
      ],
    });
    // the SELF column of a TPI import is still validated (the file is checked as a whole)
    expect(errorCode(await evaluator.gql(IMPORT, { id: tpinang, level: 'TPI', json: tpiFile(opt(2, 1)) }))).toBe('BAD_USER_INPUT');
    const okFile = { unit_id: 'IMI-TPINANG', tahun: 2026, answers: [{ soal_id: 2, jawaban_tpi: opt(2, 1), catatan_tpi: 'Tidak sesuai' }] };
    const rep = ok(await evaluator.gql(IMPORT, { id: tpinang, level: 'TPI', json: okFile })).importAnswers;
    expect(rep.changed).toEqual([expect.objectContaining({ soalId: 2, after: opt(2, 1), noteAfter: 'Tidak sesuai' })]);
    expect(errorCode(await coord.gql(IMPORT, { id: tpinang, level: 'TPI', json: okFile }))).toBe('FORBIDDEN');
    expect(errorCode(await coord.gql(IMPORT, { id: polonia, level: 'TPI', json: file({}) }))).toBe('FORBIDDEN');
    expect(errorCode(await admin.gql(IMPORT, { id: polonia, level: 'SELF', json: file({}) }))).toBe('FORBIDDEN');
    // who may write the level is checked first: a coordinator cannot write KANWIL at all
    expect(errorCode(await coord.gql(IMPORT, { id: polonia, level: 'KANWIL', json: file({}) }))).toBe('FORBIDDEN');
  });
});
