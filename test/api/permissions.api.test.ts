/**
 * Submission.permissions: what each demo role may do on a submission besides workflow steps, as the writes check it
 * (the SPA shows its buttons from this): writable levels with deadlines, note replies, evaluator assignment,
 * survey recording, nomination documents. Each claim is checked against the write itself where it matters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Period } from '../../server/src/modules/period/entities';
import { demoSubmissions, errorCode, loginAs, ok, startServer, type Client, type TestServer } from './helpers';

const Q = `query ($id: Int!) { submission(id: $id) { status permissions { writableLevels nominationDocuments replyNotes assignEvaluators recordSurvey } } }`;
const NONE = { writableLevels: [], nominationDocuments: false, replyNotes: false, assignEvaluators: false, recordSurvey: false };
const HEAD = { nominationDocuments: false, replyNotes: true, assignEvaluators: true, recordSurvey: true };

describe('Submission.permissions per role', () => {
  let server: TestServer;
  let subs: Record<string, { id: number; status: string }>;
  const clients: Record<string, Client> = {};
  const perms = async (who: string, code: string) => ok(await clients[who].gql(Q, { id: subs[code].id })).submission.permissions;

  beforeAll(async () => {
    server = await startServer();
    for (const u of ['admin', 'kakanwil', 'koordinator.polonia', 'koordinator.banggai', 'evaluator.itjen', 'pengamat', 'kepala.polonia'])
      clients[u] = await loginAs(server, u);
    subs = await demoSubmissions(clients.admin);
  });
  afterAll(() => server.cleanup());

  it('coordinator: SELF while the unit edits (draft, revision), replies to notes, nothing of the Kanwil', async () => {
    expect(subs['IMI-POLONIA'].status).toBe('DRAFT');
    // SELF evidence includes the SPTJM (SELF-level evidence) while the unit edits
    expect(await perms('koordinator.polonia', 'IMI-POLONIA')).toEqual({ ...NONE, writableLevels: ['SELF'], nominationDocuments: true, replyNotes: true });
    expect(subs['IMI-BANGGAI'].status).toBe('REVISION_REQUESTED');
    expect(await perms('koordinator.banggai', 'IMI-BANGGAI')).toEqual({ ...NONE, writableLevels: ['SELF'], nominationDocuments: true, replyNotes: true });
  });

  it('viewers (Kanwil-wide and a unit head) may do nothing: no reply, no write, no evidence', async () => {
    expect(await perms('pengamat', 'IMI-BANGGAI')).toEqual(NONE);
    expect(await perms('pengamat', 'IMI-POLONIA')).toEqual(NONE);
    expect(await perms('kepala.polonia', 'IMI-POLONIA')).toEqual(NONE);
    // and the server refuses the reply the SPA no longer offers them
    const notes = ok(await clients.admin.gql(`query ($s: Int!) { reviewNotes(submissionId: $s) { id } }`, { s: subs['IMI-BANGGAI'].id })).reviewNotes;
    expect(notes.length).toBeGreaterThan(0);
    expect(errorCode(await clients.pengamat.gql(`mutation ($n: Int!) { replyNote(noteId: $n, body: "x") { id } }`, { n: notes[0].id }))).toBe('FORBIDDEN');
  });

  it('Kanwil head: KANWIL on a submitted LKE, TPN once nominated, nomination documents when desk-evaluated; assigns and records surveys', async () => {
    expect(subs['IMI-BELAWAN'].status).toBe('SUBMITTED');
    expect(await perms('kakanwil', 'IMI-BELAWAN')).toEqual({ ...HEAD, writableLevels: ['KANWIL'] });
    expect(await perms('kakanwil', 'IMI-POLONIA')).toEqual({ ...HEAD, writableLevels: [] });
    expect(subs['IMI-MEDAN'].status).toBe('NOMINATED');
    expect(await perms('kakanwil', 'IMI-MEDAN')).toEqual({ ...HEAD, writableLevels: ['TPN'] });
    expect(subs['IMI-BATAM'].status).toBe('DESK_EVALUATED');
    expect(await perms('kakanwil', 'IMI-BATAM')).toEqual({ ...HEAD, writableLevels: [], nominationDocuments: true });
  });

  it('evaluator: TPI on an assigned submission in desk review, replies there, assigns nothing', async () => {
    expect(subs['IMI-TPINANG'].status).toBe('IN_DESK_REVIEW');
    expect(await perms('evaluator.itjen', 'IMI-TPINANG')).toEqual({ ...NONE, writableLevels: ['TPI'], replyNotes: true });
    expect(await perms('evaluator.itjen', 'IMI-BATAM')).toEqual({ ...NONE, replyNotes: true });
  });

  it('follows the stage deadline: past the self-assessment deadline the coordinator may no longer write SELF (nor may the server save)', async () => {
    const em = server.handle.orm.em.fork();
    const period = await em.findOneOrFail(Period, 1);
    period.selfAssessmentDeadline = new Date(Date.now() - 3 * 86_400_000);
    await em.flush();
    expect((await perms('koordinator.polonia', 'IMI-POLONIA')).writableLevels).toEqual([]);
    const save = await clients['koordinator.polonia'].gql(
      `mutation ($s: Int!) { saveAnswers(submissionId: $s, level: SELF, answers: [{ soalId: 1, value: "A" }]) { submission { id } } }`,
      { s: subs['IMI-POLONIA'].id },
    );
    expect(errorCode(save)).toBe('DEADLINE_PASSED');
  });

  it('Satker.canManageSurveys: the unit’s coordinator and the Kanwil head (admin) open survey rounds, viewers and evaluators do not', async () => {
    const manage = async (who: string) =>
      Object.fromEntries(
        ok(await clients[who].gql(`{ satkers { code canManageSurveys } }`)).satkers.map((s: { code: string; canManageSurveys: boolean }) => [
          s.code,
          s.canManageSurveys,
        ]),
      );
    expect(await manage('koordinator.polonia')).toMatchObject({ 'IMI-POLONIA': true });
    expect(Object.entries(await manage('koordinator.polonia')).filter(([c, v]) => v && c !== 'IMI-POLONIA')).toEqual([]);
    expect(Object.values(await manage('kakanwil')).every(Boolean)).toBe(true);
    expect(Object.values(await manage('pengamat')).some(Boolean)).toBe(false);
    expect(Object.values(await manage('evaluator.itjen')).some(Boolean)).toBe(false);
  });
});
