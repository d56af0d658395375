import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Instrument, Locale } from '@pantau/shared';
import type { ApiError } from '@/api/errors';
import * as lkeApi from '@/api/lke';
import type { LkeAnswer, LkeSubmission, Level } from '@/api/lke';
import { useAuthStore } from './auth';
import { useInstrumentStore } from './instruments';
import { useAutosave, type SaveState } from './lke/autosave';
import type { AnswerConflict } from './lke/conflicts';
import type { Draft } from './lke/drafts';
import { useLiveScore } from './lke/live-score';

export { AUTOSAVE_DELAY_MS, retryDelay, type SaveState } from './lke/autosave';
export { mergeNotes, type AnswerConflict } from './lke/conflicts';
export type { Draft } from './lke/drafts';

/**
 * One submission's LKE at one level. The store holds the state and loads it; its parts:
 * - lke/live-score.ts: the live score and eligibility by the shared rules (answers over the other levels);
 * - lke/autosave.ts: edits, the debounced autosave with optimistic locking, retries, conflicts;
 * - lke/conflicts.ts, lke/drafts.ts: the pure parts (merging notes, laying a CONFLICT answer over the state).
 */
export const useLkeStore = defineStore('lke', () => {
  const submission = ref<LkeSubmission | null>(null);
  const level = ref<Level>('SELF');
  /** This level's stored answers by item. */
  const server = ref<Record<number, LkeAnswer>>({});
  /** Edits not sent yet. */
  const drafts = ref<Record<number, Draft>>({});
  /** Edits sent, not answered yet. */
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

  const live = useLiveScore({ submission, level, server, drafts, inFlight, instrument, locale });
  const autosave = useAutosave({ submission, level, server, drafts, inFlight, conflicts, saveState, lastSavedAt, lastError }, useAuthStore());

  const pendingCount = computed(() => Object.keys(drafts.value).length + Object.keys(inFlight.value).length);

  function reset() {
    autosave.stop();
    submission.value = null;
    server.value = {};
    drafts.value = {};
    inFlight.value = {};
    conflicts.value = [];
    saveState.value = 'idle';
    lastError.value = null;
    lastSavedAt.value = null;
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
      server.value = Object.fromEntries(sub.answers.filter((a) => a.level === lvl).map((a) => [a.soalId, a]));
    } catch (err) {
      loadError.value = err;
    } finally {
      loading.value = false;
    }
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
    answers: live.answers,
    score: live.score,
    eligibility: live.eligibility,
    byLevel: live.byLevel,
    surveyWithoutEntry: live.surveyWithoutEntry,
    otherLevels: live.otherLevels,
    pendingCount,
    current: autosave.current,
    load,
    edit: autosave.edit,
    flush: autosave.flush,
    reset,
    resolveKeepMine: autosave.resolveKeepMine,
    resolveTakeTheirs: autosave.resolveTakeTheirs,
  };
});
