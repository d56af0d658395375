import type { AnswerValue } from '@pantau/shared';
import type { LkeAnswer, Level } from '@/api/lke';
import type { Draft } from './drafts';

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

/** One refused answer as the server reports it (extensions.conflicts of a CONFLICT error). */
export interface ServerConflict {
  soalId: number;
  currentVersion: number | null;
  currentValue: AnswerValue;
  currentNote: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface ConflictState {
  server: Record<number, LkeAnswer>;
  drafts: Record<number, Draft>;
  conflicts: AnswerConflict[];
}

/**
 * A CONFLICT answer to a batch that was sent (`sent`): each refused answer takes the other person's version as the
 * stored one, leaves the drafts (the user chooses in the dialog) and joins the conflicts (one per item, the newest).
 * Returns the new state and the ids refused with it (the rest of the batch, to send again).
 */
export function applyConflicts(state: ConflictState, level: Level, sent: Record<number, Draft>, refused: ServerConflict[]): ConflictState {
  const server = { ...state.server };
  const drafts = { ...state.drafts };
  let conflicts = state.conflicts;
  for (const c of refused) {
    const mine = state.drafts[c.soalId] ?? sent[c.soalId]!;
    const baseNote = state.server[c.soalId]?.note ?? null;
    delete drafts[c.soalId];
    if (c.currentVersion === null) delete server[c.soalId];
    else
      server[c.soalId] = {
        soalId: c.soalId,
        level,
        value: c.currentValue,
        note: c.currentNote,
        version: c.currentVersion,
        updatedAt: c.updatedAt ?? '',
        updatedBy: c.updatedBy ? { id: 0, displayName: c.updatedBy } : null,
      };
    conflicts = [
      ...conflicts.filter((x) => x.soalId !== c.soalId),
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
  return { server, drafts, conflicts };
}
