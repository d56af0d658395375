import { onScopeDispose, type Ref } from 'vue';
import { isBlank } from '@pantau/shared';
import { toApiError, type ApiError } from '@/api/errors';
import * as lkeApi from '@/api/lke';
import type { LkeAnswer, LkeSubmission, Level } from '@/api/lke';
import { applyConflicts, mergeNotes, type AnswerConflict, type ServerConflict } from './conflicts';
import { applyEdit, draftOfAnswer, sameDraft, without, type Draft } from './drafts';

/** Debounce of the autosave after the last keystroke or click. */
export const AUTOSAVE_DELAY_MS = 800;
/** A save that could not reach the server is tried again after 1 s, 2 s, 4 s … at most this (and at once when the browser is back online). */
export const RETRY_MAX_MS = 30_000;
export const retryDelay = (attempt: number) => Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt);

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** The store's state the autosave reads and writes. */
export interface AutosaveState {
  submission: Ref<LkeSubmission | null>;
  level: Ref<Level>;
  server: Ref<Record<number, LkeAnswer>>;
  drafts: Ref<Record<number, Draft>>;
  inFlight: Ref<Record<number, Draft>>;
  conflicts: Ref<AnswerConflict[]>;
  saveState: Ref<SaveState>;
  lastSavedAt: Ref<Date | null>;
  lastError: Ref<ApiError | null>;
}

/** What the autosave needs of the session: whether it ended, and a call when it is back. */
export interface AutosaveSession {
  readonly sessionExpired: boolean;
  onRestored(fn: () => void): void;
}

/**
 * Edits into drafts, drafts into one debounced saveAnswers batch with optimistic locking (expectedVersion per
 * answer): a conflict keeps both values for the user to choose, a network failure retries with backoff (and on the
 * online event), no session sends nothing until the user signed in again.
 */
export function useAutosave(s: AutosaveState, session: AutosaveSession) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> | null = null;
  /** Failed attempts in a row to reach the server (the backoff); 0 after any answer. */
  let attempts = 0;
  const hasDrafts = () => Object.keys(s.drafts.value).length > 0;

  // back from a session expiry (re-login in place) or from a network loss: save what waited, once
  session.onRestored(() => {
    if (hasDrafts()) void flush();
  });
  const onOnline = () => {
    if (hasDrafts() && !saving) void flush();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    onScopeDispose(() => window.removeEventListener('online', onOnline));
  }

  /** The value shown for an item: the user's draft, else the one being saved, else the stored answer. */
  function current(soalId: number): Draft {
    return s.drafts.value[soalId] ?? s.inFlight.value[soalId] ?? draftOfAnswer(s.server.value[soalId]);
  }

  /** Record a user edit and schedule the autosave (an edit back to the stored value is no draft). */
  function edit(soalId: number, patch: Partial<Draft>) {
    const next = applyEdit(current(soalId), patch);
    if (sameDraft(next, draftOfAnswer(s.server.value[soalId])) && !s.inFlight.value[soalId]) s.drafts.value = without(s.drafts.value, soalId);
    else s.drafts.value = { ...s.drafts.value, [soalId]: next };
    schedule();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function later(delay: number) {
    stop();
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  function schedule(delay = AUTOSAVE_DELAY_MS) {
    if (!hasDrafts()) {
      stop();
      if (s.saveState.value === 'pending') s.saveState.value = 'saved';
      return;
    }
    s.saveState.value = 'pending';
    later(delay);
  }

  /** Save every draft now (one batch); resolves when the server answered. */
  async function flush(): Promise<void> {
    stop();
    if (saving) {
      await saving;
      if (hasDrafts() && !session.sessionExpired && s.lastError.value?.code !== 'NETWORK') return flush();
      return;
    }
    // no session: keep the drafts and send nothing until the user signed in again (the dialog); no request loop
    if (session.sessionExpired) return;
    const sub = s.submission.value;
    const batch = s.drafts.value;
    const ids = Object.keys(batch).map(Number);
    if (!sub || !ids.length) return;
    s.inFlight.value = { ...batch };
    s.drafts.value = {};
    s.saveState.value = 'saving';
    const inputs = ids.map((soalId) => ({
      soalId,
      value: isBlank(batch[soalId]!.value) ? null : batch[soalId]!.value,
      note: batch[soalId]!.note ?? null,
      expectedVersion: s.server.value[soalId]?.version ?? null,
    }));
    saving = (async () => {
      try {
        const res = await lkeApi.saveAnswers(sub.id, s.level.value, inputs);
        saved(res.answers, res.submission);
      } catch (err) {
        failed(toApiError(err), ids);
      } finally {
        saving = null;
      }
    })();
    await saving;
  }

  function saved(answers: LkeAnswer[], submission: Pick<LkeSubmission, 'version' | 'status'>) {
    const next = { ...s.server.value };
    for (const a of answers) if (a.level === s.level.value) next[a.soalId] = a;
    s.server.value = next;
    // answers the server skipped (blank, never stored) simply stay blank
    if (s.submission.value) s.submission.value = { ...s.submission.value, version: submission.version, status: submission.status };
    s.inFlight.value = {};
    attempts = 0;
    s.lastSavedAt.value = new Date();
    s.lastError.value = null;
    s.saveState.value = hasDrafts() ? 'pending' : 'saved';
  }

  function failed(e: ApiError, ids: number[]) {
    const sent = s.inFlight.value;
    s.inFlight.value = {};
    // put the batch back unless the user already typed something newer
    const back: Record<number, Draft> = {};
    for (const id of ids) if (!s.drafts.value[id]) back[id] = sent[id]!;
    s.lastError.value = e;
    s.saveState.value = 'error';
    if (e.code === 'CONFLICT' && Array.isArray(e.extensions.conflicts)) {
      const refused = e.extensions.conflicts as ServerConflict[];
      const next = applyConflicts({ server: s.server.value, drafts: s.drafts.value, conflicts: s.conflicts.value }, s.level.value, sent, refused);
      for (const c of refused) delete back[c.soalId];
      s.server.value = next.server;
      s.conflicts.value = next.conflicts;
      s.drafts.value = { ...back, ...next.drafts };
      // the rest of the batch was refused with it: send it again with the same versions
      if (Object.keys(back).length) schedule(0);
      return;
    }
    s.drafts.value = { ...back, ...s.drafts.value };
    // the server was not reached: try again later, further apart each time (and on the online event)
    if (e.code === 'NETWORK') later(retryDelay(attempts++));
    else attempts = 0;
  }

  /** Keep the user's own value (and both notes): re-send it against the version the other person wrote. */
  function resolveKeepMine(soalId: number) {
    const c = s.conflicts.value.find((x) => x.soalId === soalId);
    if (!c) return;
    s.conflicts.value = s.conflicts.value.filter((x) => x.soalId !== soalId);
    s.drafts.value = { ...s.drafts.value, [soalId]: { value: c.mine.value, note: mergeNotes(c.theirs.note, c.mine.note, c.baseNote) } };
    schedule(0);
  }

  /** Take the other person's value (already the server's): drop our edit. */
  function resolveTakeTheirs(soalId: number) {
    s.conflicts.value = s.conflicts.value.filter((x) => x.soalId !== soalId);
    s.drafts.value = without(s.drafts.value, soalId);
    if (!s.conflicts.value.length && s.saveState.value === 'error' && !hasDrafts()) s.saveState.value = 'saved';
  }

  return { current, edit, flush, stop, resolveKeepMine, resolveTakeTheirs };
}
