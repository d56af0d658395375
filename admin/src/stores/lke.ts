import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import {
  assessLevel,
  emptyAnswersByLevel,
  isBlank,
  surveyInForce,
  type AnswersByLevel,
  type AnswerValue,
  type Answers,
  type Eligibility,
  type Instrument,
  type Locale,
  type ScoreResult,
  type SurveyInForce,
  type SurveyKind,
  type SurveyRecord,
} from '@pantau/shared';
import { ApiError, toApiError } from '@/api/errors';
import * as lkeApi from '@/api/lke';
import type { LkeAnswer, LkeSubmission, Level } from '@/api/lke';
import { useAuthStore } from './auth';
import { useInstrumentStore } from './instruments';

/** Debounce of the autosave after the last keystroke or click. */
export const AUTOSAVE_DELAY_MS = 800;
/** A save that could not reach the server is tried again after 1 s, 2 s, 4 s … at most this (and at once when the browser is back online). */
export const RETRY_MAX_MS = 30_000;
export const retryDelay = (attempt: number) => Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt);

/**
 * "Pakai nilai saya" keeps my value and both people's notes: a note only one of us changed (from the note both
 * started from, `base`) is that one; two changed notes are kept both, theirs first. Their note is never erased.
 */
export function mergeNotes(theirs: string | null, mine: string | null, base: string | null = null): string | null {
  const norm = (x: string | null) => (x?.trim() ? x : null);
  const a = norm(theirs);
  const b = norm(mine);
  const o = norm(base);
  if (b === o || b === a || !b) return a ?? b;
  if (a === o || !a) return b;
  if (b.startsWith(a)) return b;
  return `${a}\n\n${b}`;
}

export interface Draft {
  value: AnswerValue;
  note: string | null;
}

/** The server refused an edit because someone else changed the answer first: both values, for the user to choose. */
export interface AnswerConflict {
  soalId: number;
  mine: Draft;
  theirs: Draft;
  /** The note both started from (the one this user's edit was based on). */
  baseNote: string | null;
  theirVersion: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface ServerConflict {
  soalId: number;
  currentVersion: number | null;
  currentValue: AnswerValue;
  currentNote: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

const sameDraft = (a: Draft | undefined, b: Draft | undefined) => !!a && !!b && a.value === b.value && (a.note ?? null) === (b.note ?? null);

/**
 * One submission's LKE at one level: the server's answers, the user's unsaved drafts, a debounced autosave with
 * optimistic locking (expectedVersion per answer), conflicts, and the live score computed by @pantau/shared.
 */
export const useLkeStore = defineStore('lke', () => {
  const submission = ref<LkeSubmission | null>(null);
  const level = ref<Level>('SELF');
  const server = ref<Record<number, LkeAnswer>>({});
  const drafts = ref<Record<number, Draft>>({});
  const inFlight = ref<Record<number, Draft>>({});
  const conflicts = ref<AnswerConflict[]>([]);
  const saveState = ref<SaveState>('idle');
  const lastSavedAt = ref<Date | null>(null);
  const lastError = ref<ApiError | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  const instrument = shallowRef<Instrument | null>(null);
  /** Language of the eligibility messages (the view keeps it in step with the UI language). */
  const locale = ref<Locale>('id');
  const instruments = useInstrumentStore();
  const auth = useAuthStore();

  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> | null = null;
  /** Failed attempts in a row to reach the server (the backoff); 0 after any answer. */
  let attempts = 0;
  // back from a session expiry (re-login in place) or from a network loss: save what waited, once
  auth.onRestored(() => {
    if (Object.keys(drafts.value).length) void flush();
  });
  const onOnline = () => {
    if (Object.keys(drafts.value).length && !saving) void flush();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    onScopeDispose(() => window.removeEventListener('online', onOnline));
  }

  function current(soalId: number): Draft {
    const d = drafts.value[soalId] ?? inFlight.value[soalId];
    if (d) return d;
    const s = server.value[soalId];
    return { value: s ? (s.value as AnswerValue) : null, note: s?.note ?? null };
  }

  /** Every level's stored answer per item (reviewers compare with the level below theirs). */
  const otherLevels = computed(() => {
    const out: Record<number, LkeAnswer[]> = {};
    for (const a of submission.value?.answers ?? []) if (a.level !== level.value) (out[a.soalId] ??= []).push(a);
    return out;
  });

  const answers = computed<Answers>(() => {
    const out: Answers = {};
    for (const [k, a] of Object.entries(server.value)) out[Number(k)] = a.value as AnswerValue;
    for (const [k, d] of Object.entries(inFlight.value)) out[Number(k)] = d.value;
    for (const [k, d] of Object.entries(drafts.value)) out[Number(k)] = d.value;
    return out;
  });

  /** Every level's answers as stored, with this level's drafts on top: what the shared level scorer reads. */
  const byLevel = computed<AnswersByLevel>(() => {
    const out = emptyAnswersByLevel();
    for (const a of submission.value?.answers ?? []) if (a.level !== level.value) out[a.level][a.soalId] = a.value as AnswerValue;
    out[level.value] = answers.value;
    return out;
  });

  const surveys = computed<SurveyRecord[]>(() => submission.value?.surveyResults ?? []);

  /** This level's score and eligibility exactly as the server computes them (shared assessLevel). */
  const assessment = computed<{ score: ScoreResult; eligibility: Eligibility } | null>(() => {
    const sub = submission.value;
    if (!instrument.value || !sub) return null;
    return assessLevel(instrument.value, byLevel.value, level.value, surveys.value, sub.target, { hasWbk: sub.satker.holdsWbk, locale: locale.value });
  });
  const score = computed<ScoreResult | null>(() => assessment.value?.score ?? null);
  const eligibility = computed<Eligibility | null>(() => assessment.value?.eligibility ?? null);

  /** The survey value in force for an item's kind at this level if the level had no entry of its own. */
  function surveyWithoutEntry(kind: SurveyKind): SurveyInForce {
    return surveyInForce(level.value, kind, null, surveys.value);
  }

  const pendingCount = computed(() => Object.keys(drafts.value).length + Object.keys(inFlight.value).length);

  function reset() {
    if (timer) clearTimeout(timer);
    timer = null;
    submission.value = null;
    server.value = {};
    drafts.value = {};
    inFlight.value = {};
    conflicts.value = [];
    saveState.value = 'idle';
    lastError.value = null;
    lastSavedAt.value = null;
  }

  function setServerAnswers(list: LkeAnswer[]) {
    const next = { ...server.value };
    for (const a of list) if (a.level === level.value) next[a.soalId] = a;
    server.value = next;
  }

  async function load(id: number, lvl: Level = 'SELF') {
    if (submission.value?.id !== id || level.value !== lvl) reset();
    level.value = lvl;
    loading.value = true;
    loadError.value = null;
    try {
      const sub = await lkeApi.fetchSubmissionLke(id);
      // the period's own instrument version (fetched once per version), as the server scores it
      const inst = await instruments.get(sub.period.instrumentVersionId);
      submission.value = sub;
      instrument.value = inst;
      server.value = {};
      setServerAnswers(sub.answers);
    } catch (err) {
      loadError.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** Record a user edit and schedule the autosave. */
  function edit(soalId: number, patch: Partial<Draft>) {
    const base = current(soalId);
    const next: Draft = { value: patch.value !== undefined ? patch.value : base.value, note: patch.note !== undefined ? patch.note : base.note };
    if (typeof next.value === 'string' && next.value.trim() === '') next.value = null;
    const s = server.value[soalId];
    const serverDraft: Draft = { value: s ? (s.value as AnswerValue) : null, note: s?.note ?? null };
    if (sameDraft(next, serverDraft) && !inFlight.value[soalId]) {
      const { [soalId]: _drop, ...rest } = drafts.value;
      drafts.value = rest;
    } else {
      drafts.value = { ...drafts.value, [soalId]: next };
    }
    schedule();
  }

  function schedule(delay = AUTOSAVE_DELAY_MS) {
    if (timer) clearTimeout(timer);
    if (!Object.keys(drafts.value).length) {
      if (saveState.value === 'pending') saveState.value = 'saved';
      return;
    }
    saveState.value = 'pending';
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  function scheduleRetry(delay: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  /** Save every draft now (one batch); resolves when the server answered. */
  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (saving) {
      await saving;
      if (Object.keys(drafts.value).length && !auth.sessionExpired && lastError.value?.code !== 'NETWORK') return flush();
      return;
    }
    // no session: keep the drafts and send nothing until the user signed in again (the dialog); no request loop
    if (auth.sessionExpired) return;
    const sub = submission.value;
    const batch = drafts.value;
    const ids = Object.keys(batch).map(Number);
    if (!sub || !ids.length) return;
    inFlight.value = { ...batch };
    drafts.value = {};
    saveState.value = 'saving';
    const inputs = ids.map((soalId) => ({
      soalId,
      value: isBlank(batch[soalId]!.value) ? null : batch[soalId]!.value,
      note: batch[soalId]!.note ?? null,
      expectedVersion: server.value[soalId]?.version ?? null,
    }));
    saving = (async () => {
      try {
        const res = await lkeApi.saveAnswers(sub.id, level.value, inputs);
        setServerAnswers(res.answers);
        // answers the server skipped (blank, never stored) simply stay blank
        if (submission.value) submission.value = { ...submission.value, version: res.submission.version, status: res.submission.status };
        inFlight.value = {};
        attempts = 0;
        lastSavedAt.value = new Date();
        lastError.value = null;
        saveState.value = Object.keys(drafts.value).length ? 'pending' : 'saved';
      } catch (err) {
        const e = toApiError(err);
        const sent = inFlight.value;
        inFlight.value = {};
        // put the batch back unless the user already typed something newer
        const back: Record<number, Draft> = {};
        for (const id of ids) if (!drafts.value[id]) back[id] = sent[id]!;
        if (e.code === 'CONFLICT' && Array.isArray(e.extensions.conflicts)) {
          const list = e.extensions.conflicts as ServerConflict[];
          const nextServer = { ...server.value };
          for (const c of list) {
            const mine = drafts.value[c.soalId] ?? sent[c.soalId]!;
            const baseNote = server.value[c.soalId]?.note ?? null;
            delete back[c.soalId];
            const { [c.soalId]: _d, ...restDrafts } = drafts.value;
            drafts.value = restDrafts;
            if (c.currentVersion === null) delete nextServer[c.soalId];
            else
              nextServer[c.soalId] = {
                soalId: c.soalId,
                level: level.value,
                value: c.currentValue,
                note: c.currentNote,
                version: c.currentVersion,
                updatedAt: c.updatedAt ?? '',
                updatedBy: c.updatedBy ? { id: 0, displayName: c.updatedBy } : null,
              };
            conflicts.value = [
              ...conflicts.value.filter((x) => x.soalId !== c.soalId),
              {
                soalId: c.soalId,
                mine,
                theirs: { value: c.currentValue ?? null, note: c.currentNote ?? null },
                baseNote,
                theirVersion: c.currentVersion,
                updatedBy: c.updatedBy,
                updatedAt: c.updatedAt,
              },
            ];
          }
          server.value = nextServer;
          drafts.value = { ...back, ...drafts.value };
          lastError.value = e;
          saveState.value = 'error';
          // the rest of the batch was refused with it: send it again with the same versions
          if (Object.keys(back).length) schedule(0);
        } else {
          drafts.value = { ...back, ...drafts.value };
          lastError.value = e;
          saveState.value = 'error';
          // the server was not reached: try again later, further apart each time (and on the online event)
          if (e.code === 'NETWORK') scheduleRetry(retryDelay(attempts++));
          else attempts = 0;
        }
      } finally {
        saving = null;
      }
    })();
    await saving;
  }

  /** Keep the user's own value (and both notes): re-send it against the version the other person wrote. */
  function resolveKeepMine(soalId: number) {
    const c = conflicts.value.find((x) => x.soalId === soalId);
    if (!c) return;
    conflicts.value = conflicts.value.filter((x) => x.soalId !== soalId);
    drafts.value = { ...drafts.value, [soalId]: { value: c.mine.value, note: mergeNotes(c.theirs.note, c.mine.note, c.baseNote) } };
    schedule(0);
  }

  /** Take the other person's value (already the server's): drop our edit. */
  function resolveTakeTheirs(soalId: number) {
    conflicts.value = conflicts.value.filter((x) => x.soalId !== soalId);
    const { [soalId]: _d, ...rest } = drafts.value;
    drafts.value = rest;
    if (!conflicts.value.length && saveState.value === 'error' && !Object.keys(drafts.value).length) saveState.value = 'saved';
  }

  return {
    submission,
    level,
    server,
    drafts,
    inFlight,
    conflicts,
    saveState,
    lastSavedAt,
    lastError,
    loading,
    loadError,
    instrument,
    locale,
    answers,
    score,
    eligibility,
    byLevel,
    surveyWithoutEntry,
    otherLevels,
    pendingCount,
    current,
    load,
    edit,
    flush,
    reset,
    resolveKeepMine,
    resolveTakeTheirs,
  };
});
