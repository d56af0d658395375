import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_INSTRUMENTS, bundledInstrument, loadInstrument, scoreAnswers } from '@pantau/shared';
import { ApiError } from '@/api/errors';
import type { LkeAnswer, LkeSubmission } from '@/api/lke';

vi.mock('@/api/lke', () => ({
  fetchSubmissionLke: vi.fn(),
  fetchEvidence: vi.fn(async () => []),
  saveAnswers: vi.fn(),
}));
vi.mock('@/api/instrument-source', () => ({ fetchInstrumentSource: vi.fn() }));
vi.mock('@/api/session', () => ({ fetchMe: vi.fn(), login: vi.fn(), logout: vi.fn() }));
import * as sessionApi from '@/api/session';
import * as api from '@/api/lke';
import * as sourceApi from '@/api/instrument-source';
import { useAuthStore } from './auth';
import { AUTOSAVE_DELAY_MS, mergeNotes, retryDelay, useLkeStore } from './lke';

const answer = (soalId: number, value: unknown, version = 1, level: LkeAnswer['level'] = 'SELF'): LkeAnswer => ({
  soalId,
  level,
  value,
  note: null,
  version,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: { id: 9, displayName: 'Someone' },
});

const BPS_IPAK = { id: 1, kind: 'IPAK', index: 3.7, source: 'BPS', recordedAt: '2026-10-01T00:00:00.000Z' } as const;

function submission(answers: LkeAnswer[], period: Partial<LkeSubmission['period']> = {}): LkeSubmission {
  const sub = {
    id: 7,
    target: 'WBK',
    status: 'DRAFT',
    round: 1,
    returnedBy: null,
    returnReason: null,
    returnedAt: null,
    version: 3,
    pencananganDate: null,
    updatedAt: '2026-11-01T00:00:00.000Z',
    satker: { id: 1, code: 'IMI-X', name: 'Kanim X', kind: 'KANIM', holdsWbk: false },
    period: {
      id: 1,
      year: 2026,
      name: 'ZI 2026',
      instrumentVersionId: 1,
      selfAssessmentDeadline: null,
      kanwilReviewDeadline: null,
      deskEvaluationDeadline: null,
      nominationDeadline: null,
    },
    nextDeadline: null,
    answers,
    surveyResults: [{ ...BPS_IPAK, respondents: 40 }],
    evidence: [],
    reviewNotes: [],
    route: { eselonStep: false, deskTeam: 'TPI', levels: ['SELF', 'KANWIL', 'TPI', 'TPN'] },
    permissions: { writableLevels: ['SELF'], nominationDocuments: false, replyNotes: true, assignEvaluators: false, recordSurvey: false },
  } as LkeSubmission;
  sub.period = { ...sub.period, ...period };
  return sub;
}

/** A 2027 list that differs from the bundled 2026 one: [126] capaian kinerja weighs 7.5 and [125] IPAK 15 (B.I stays 22.5). */
function reweighted2027(): unknown {
  const master = structuredClone(BUNDLED_INSTRUMENTS[2026]!.master) as { tahun: number; data: any[] };
  master.tahun = 2027;
  const walk = (n: any) => {
    for (const q of n.soals ?? []) {
      if (q.id === 126) q.bobot_maksimal = 7.5;
      if (q.id === 125) q.bobot_maksimal = 15;
    }
    (n.children ?? []).forEach(walk);
  };
  master.data.forEach(walk);
  return master;
}

describe('LKE store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    vi.mocked(api.saveAnswers).mockReset();
    vi.mocked(api.fetchSubmissionLke).mockReset();
    vi.mocked(sourceApi.fetchInstrumentSource).mockReset();
    vi.mocked(sourceApi.fetchInstrumentSource).mockImplementation(async (versionId) => ({
      versionId,
      year: 2026,
      master: BUNDLED_INSTRUMENTS[2026]!.master,
      formulas: BUNDLED_INSTRUMENTS[2026]!.formulas,
    }));
  });
  afterEach(() => vi.useRealTimers());

  it('scores in the browser exactly like @pantau/shared (with the survey fallback) and tracks completeness', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya'), answer(2, 'B'), answer(88, 4), answer(89, 2), answer(125, null)]));
    const lke = useLkeStore();
    await lke.load(7);
    const expected = scoreAnswers(bundledInstrument(2026), { 1: 'Ya', 2: 'B', 88: 4, 89: 2, 125: null }, { surveys: [BPS_IPAK] });
    expect(lke.score!.total).toBe(expected.total);
    expect(lke.score!.completeness).toBe(expected.completeness);
    expect(lke.score!.survey.IPAK).toEqual({ index: 3.7, source: 'BPS' });
    lke.edit(3, { value: 'A' });
    expect(lke.score!.answered).toBe(expected.answered + 1);
  });

  it('scores with the period’s own instrument version (fetched once per version), not the bundled list of its year', async () => {
    const master = reweighted2027();
    const formulas = BUNDLED_INSTRUMENTS[2026]!.formulas;
    vi.mocked(sourceApi.fetchInstrumentSource).mockImplementation(async (versionId) => ({ versionId, year: 2027, master, formulas }));
    const answers = [answer(1, 'Ya'), answer(126, 'A'), answer(88, 4), answer(89, 2)];
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission(answers, { year: 2026, instrumentVersionId: 5 }));
    const lke = useLkeStore();
    await lke.load(7);
    const given = { 1: 'Ya', 126: 'A', 88: 4, 89: 2 };
    const own = scoreAnswers(loadInstrument(master, formulas), given, { surveys: [BPS_IPAK] });
    const bundled = scoreAnswers(bundledInstrument(2026), given, { surveys: [BPS_IPAK] });
    expect(lke.instrument!.year).toBe(2027);
    expect(lke.score!.total).toBe(own.total);
    expect(lke.score!.total).not.toBeCloseTo(bundled.total, 6);
    expect(lke.score!.hasil).toBeCloseTo(7.5 + (3.7 / 4) * 15, 12);
    // a second load of a submission of the same version does not fetch the instrument again
    await lke.load(8);
    expect(sourceApi.fetchInstrumentSource).toHaveBeenCalledTimes(1);
    expect(sourceApi.fetchInstrumentSource).toHaveBeenCalledWith(5);
  });

  it('debounces edits into one saveAnswers batch with expectedVersion per answer', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya', 4)]));
    vi.mocked(api.saveAnswers).mockImplementation(async (_id, _level, inputs) => ({
      submission: { id: 7, version: 4, status: 'DRAFT' },
      answers: inputs.map((i) => answer(i.soalId, i.value, (i.expectedVersion ?? 0) + 1)),
    }));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(1, { value: 'Tidak' });
    lke.edit(2, { value: 'A' });
    lke.edit(2, { note: 'lihat SK' });
    expect(lke.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 10);
    expect(api.saveAnswers).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(api.saveAnswers).toHaveBeenCalledTimes(1);
    const [id, level, inputs] = vi.mocked(api.saveAnswers).mock.calls[0]!;
    expect(id).toBe(7);
    expect(level).toBe('SELF');
    expect(inputs).toEqual([
      { soalId: 1, value: 'Tidak', note: null, expectedVersion: 4 },
      { soalId: 2, value: 'A', note: 'lihat SK', expectedVersion: null },
    ]);
    expect(lke.saveState).toBe('saved');
    expect(lke.server[1]!.version).toBe(5);
    expect(lke.pendingCount).toBe(0);
  });

  it('on CONFLICT shows the other value, lets the user keep theirs (re-sent with the new version) or take theirs', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya', 2), answer(2, 'A', 1)]));
    vi.mocked(api.saveAnswers).mockRejectedValueOnce(
      new ApiError('CONFLICT', 'Jawaban soal [1] telah diubah oleh pengguna lain.', {
        conflicts: [
          {
            soalId: 1,
            expectedVersion: 2,
            currentVersion: 3,
            currentValue: 'Tidak',
            currentNote: 'dari Budi',
            updatedBy: 'Budi',
            updatedAt: '2026-11-02T00:00:00.000Z',
          },
        ],
      }),
    );
    vi.mocked(api.saveAnswers).mockImplementation(async (_id, _level, inputs) => ({
      submission: { id: 7, version: 5, status: 'DRAFT' },
      answers: inputs.map((i) => answer(i.soalId, i.value, (i.expectedVersion ?? 0) + 1)),
    }));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(1, { value: 'Ya', note: 'saya' });
    lke.edit(2, { value: 'B' });
    await lke.flush();
    expect(lke.conflicts).toHaveLength(1);
    expect(lke.conflicts[0]).toMatchObject({
      soalId: 1,
      mine: { value: 'Ya', note: 'saya' },
      theirs: { value: 'Tidak', note: 'dari Budi' },
      updatedBy: 'Budi',
    });
    // the screen shows their value until the user chooses
    expect(lke.current(1).value).toBe('Tidak');
    // the non-conflicting part of the refused batch is re-sent on its own
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.mocked(api.saveAnswers).mock.calls[1]![2]).toEqual([{ soalId: 2, value: 'B', note: null, expectedVersion: 1 }]);

    lke.resolveKeepMine(1);
    await vi.advanceTimersByTimeAsync(1);
    // "Pakai nilai saya" keeps my value and both notes: the other person's note is not erased
    expect(vi.mocked(api.saveAnswers).mock.calls[2]![2]).toEqual([{ soalId: 1, value: 'Ya', note: 'dari Budi\n\nsaya', expectedVersion: 3 }]);
    expect(lke.conflicts).toHaveLength(0);
    expect(lke.current(1).value).toBe('Ya');
  });

  it('taking their value drops the local edit without saving', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya', 2)]));
    vi.mocked(api.saveAnswers).mockRejectedValueOnce(
      new ApiError('CONFLICT', 'x', {
        conflicts: [{ soalId: 1, expectedVersion: 2, currentVersion: 3, currentValue: 'Tidak', currentNote: null, updatedBy: 'Budi', updatedAt: null }],
      }),
    );
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(1, { value: 'Ya', note: 'n' });
    await lke.flush();
    lke.resolveTakeTheirs(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(api.saveAnswers).toHaveBeenCalledTimes(1);
    expect(lke.current(1)).toEqual({ value: 'Tidak', note: null });
    expect(lke.pendingCount).toBe(0);
  });

  it('keeps the edits and reports the error when the save fails (network)', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([]));
    vi.mocked(api.saveAnswers).mockRejectedValueOnce(new ApiError('NETWORK', 'offline'));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(5, { value: 'A' });
    await lke.flush();
    expect(lke.saveState).toBe('error');
    expect(lke.lastError?.code).toBe('NETWORK');
    expect(lke.drafts[5]).toEqual({ value: 'A', note: null });
  });

  it('an edit back to the stored value is not saved', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya', 2)]));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(1, { value: 'Tidak' });
    lke.edit(1, { value: 'Ya' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(api.saveAnswers).not.toHaveBeenCalled();
  });

  it('mergeNotes keeps a note only one person changed, and both when both changed', () => {
    expect(mergeNotes('dari Budi', 'saya', null)).toBe('dari Budi\n\nsaya');
    expect(mergeNotes('dari Budi', 'lama', 'lama')).toBe('dari Budi'); // I did not touch the note
    expect(mergeNotes('lama', 'lama + saya', 'lama')).toBe('lama + saya'); // they did not touch it
    expect(mergeNotes('dari Budi', 'dari Budi, saya setuju', null)).toBe('dari Budi, saya setuju');
    expect(mergeNotes(null, 'saya')).toBe('saya');
    expect(mergeNotes('dari Budi', null)).toBe('dari Budi');
  });

  it('without a session keeps the edits, sends nothing more, and saves them once after the re-login', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([answer(1, 'Ya', 2)]));
    const auth = useAuthStore();
    auth.user = { id: 3, username: 'koord', displayName: 'K', roles: [] } as never;
    auth.checked = true;
    vi.mocked(api.saveAnswers).mockImplementationOnce(async () => {
      auth.expireInPlace(); // what the UNAUTHENTICATED handler does for a signed-in user
      throw new ApiError('UNAUTHENTICATED', 'Sesi berakhir');
    });
    vi.mocked(api.saveAnswers).mockImplementation(async (_id, _level, inputs) => ({
      submission: { id: 7, version: 4, status: 'DRAFT' },
      answers: inputs.map((i) => answer(i.soalId, i.value, (i.expectedVersion ?? 0) + 1)),
    }));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(1, { value: 'Tidak' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(api.saveAnswers).toHaveBeenCalledTimes(1);
    expect(auth.sessionExpired).toBe(true);
    // more typing, leaving, "save now": no request while the session is gone
    lke.edit(2, { value: 'A' });
    await vi.advanceTimersByTimeAsync(60_000);
    await lke.flush();
    expect(api.saveAnswers).toHaveBeenCalledTimes(1);
    expect(lke.drafts[1]).toEqual({ value: 'Tidak', note: null });
    expect(lke.pendingCount).toBe(2);

    vi.mocked(sessionApi.login).mockResolvedValue({ id: 3, username: 'koord', displayName: 'K', roles: [] } as never);
    await auth.relogin('rahasia');
    expect(sessionApi.login).toHaveBeenCalledWith('koord', 'rahasia');
    await vi.advanceTimersByTimeAsync(1);
    expect(api.saveAnswers).toHaveBeenCalledTimes(2);
    expect(vi.mocked(api.saveAnswers).mock.calls[1]![2]).toEqual([
      { soalId: 1, value: 'Tidak', note: null, expectedVersion: 2 },
      { soalId: 2, value: 'A', note: null, expectedVersion: null },
    ]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.saveAnswers).toHaveBeenCalledTimes(2);
    expect(lke.saveState).toBe('saved');
    expect(lke.pendingCount).toBe(0);
  });

  it('retries a save that did not reach the server with a growing delay, and at once when back online', async () => {
    vi.mocked(api.fetchSubmissionLke).mockResolvedValue(submission([]));
    vi.mocked(api.saveAnswers).mockRejectedValue(new ApiError('NETWORK', 'offline'));
    const lke = useLkeStore();
    await lke.load(7);
    lke.edit(6, { value: 'A' });
    // (stores of earlier tests listen to 'online' too: count this store's saves only)
    const mine = () => vi.mocked(api.saveAnswers).mock.calls.filter((c) => c[2].some((x) => x.soalId === 6)).length;
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(mine()).toBe(1);
    await vi.advanceTimersByTimeAsync(retryDelay(0) + 10);
    expect(mine()).toBe(2);
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 100);
    expect(mine()).toBe(2); // 2 s apart now, not 1 s
    await vi.advanceTimersByTimeAsync(200);
    expect(mine()).toBe(3);
    // 30 s in: at most a handful of attempts, never a loop
    await vi.advanceTimersByTimeAsync(30_000);
    expect(mine()).toBeLessThanOrEqual(6);
    const before = mine();
    vi.mocked(api.saveAnswers).mockImplementation(async (_id, _level, inputs) => ({
      submission: { id: 7, version: 4, status: 'DRAFT' },
      answers: inputs.map((i) => answer(i.soalId, i.value, 1)),
    }));
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(1);
    expect(mine()).toBe(before + 1);
    expect(lke.saveState).toBe('saved');
    expect(lke.pendingCount).toBe(0);
    expect(retryDelay(20)).toBe(30_000);
  });
});
