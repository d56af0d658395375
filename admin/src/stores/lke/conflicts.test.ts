import { describe, expect, it } from 'vitest';
import type { LkeAnswer } from '@/api/lke';
import { applyConflicts, mergeNotes, type ServerConflict } from './conflicts';

const stored = (soalId: number, value: unknown, note: string | null, version: number): LkeAnswer => ({
  soalId,
  level: 'SELF',
  value,
  note,
  version,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: { id: 9, displayName: 'Me' },
});
const refused = (soalId: number, currentValue: unknown, currentVersion: number | null, currentNote: string | null = null): ServerConflict => ({
  soalId,
  currentValue: currentValue as never,
  currentVersion,
  currentNote,
  updatedBy: 'Ani',
  updatedAt: '2026-11-02T00:00:00.000Z',
});

describe('LKE conflicts', () => {
  it('a refused answer takes their version as stored, leaves the drafts and joins the conflicts with both values and the note both started from', () => {
    const before = { server: { 1: stored(1, 'A', 'mine before', 2), 2: stored(2, 'B', null, 1) }, drafts: {}, conflicts: [] };
    const sent = { 1: { value: 'C', note: 'mine' }, 2: { value: 'D', note: null } };
    const after = applyConflicts(before, 'SELF', sent, [refused(1, 'B', 3, 'theirs')]);
    expect(after.server[1]).toMatchObject({ value: 'B', note: 'theirs', version: 3, updatedBy: { displayName: 'Ani' } });
    expect(after.server[2]).toBe(before.server[2]);
    expect(after.conflicts).toEqual([
      {
        soalId: 1,
        mine: { value: 'C', note: 'mine' },
        theirs: { value: 'B', note: 'theirs' },
        baseNote: 'mine before',
        theirVersion: 3,
        updatedBy: 'Ani',
        updatedAt: '2026-11-02T00:00:00.000Z',
      },
    ]);
    // the state given is not changed (the store replaces its maps)
    expect(before.server[1]!.version).toBe(2);
  });

  it("prefers what the user typed meanwhile as 'mine', drops that draft, and forgets an answer the other person cleared", () => {
    const before = {
      server: { 1: stored(1, 'A', null, 2) },
      drafts: { 1: { value: 'E', note: null }, 5: { value: 3, note: null } },
      conflicts: [
        { soalId: 1, mine: { value: 'X', note: null }, theirs: { value: 'Y', note: null }, baseNote: null, theirVersion: 1, updatedBy: null, updatedAt: null },
      ],
    };
    const after = applyConflicts(before, 'SELF', { 1: { value: 'C', note: null } }, [refused(1, null, null)]);
    expect(after.server[1]).toBeUndefined();
    expect(after.drafts).toEqual({ 5: { value: 3, note: null } });
    expect(after.conflicts).toHaveLength(1);
    expect(after.conflicts[0]).toMatchObject({ mine: { value: 'E' }, theirs: { value: null, note: null }, theirVersion: null });
  });

  it('mergeNotes: their note is never erased', () => {
    expect(mergeNotes('theirs', 'base', 'base')).toBe('theirs');
    expect(mergeNotes('base', 'mine', 'base')).toBe('mine');
    expect(mergeNotes('theirs', 'mine', 'base')).toBe('theirs\n\nmine');
    expect(mergeNotes('theirs', 'theirs and more', 'base')).toBe('theirs and more');
  });
});
