/**
 * The one-time backfill of a submission's progress history from the audit trail (table score_snapshot).
 *
 * From then on its history grows from the score cache: whenever its answers change (submission.answers_rev), the
 * next read of the Kanwil's scores (comparison, progress, the scheduler's tick) stores that day's snapshot
 * (comparison/score-cache.ts). Before that, once per submission (flag submission.history_replayed), whatever reads
 * it first, its history is replayed here.
 *
 * Replay: the audited answer events (`answers.save`, `answers.import`, any level) carry before/after per soal. The
 * state before the first event is the current answers with every event undone (newest first, restoring `before`),
 * so answers that never went through an audited write (seed data, the workflow's level copies) count from the
 * start; then the events are applied in chronological order and the state is scored (all levels, as the score
 * cache does) at the end of the day of creation and after the last event of every ISO week with events (the chart's
 * resolution; later snapshots are daily), with the survey results recorded by then: SELF from the day of creation, the other levels once they hold answers. The seed writes its demo history
 * itself and sets the flag.
 */
import type { AnswerValue } from '@pantau/shared';
import type { EntityManager } from '@mikro-orm/knex';
import { AuditEvent } from '../audit/entities';
import { answersOf, LEVELS, scoreSubmission, utcDay, writeSnapshots, type StoredSurvey } from '../comparison/score-cache';
import type { AnswerCell } from '../submission/compute';
import type { Instrument } from '@pantau/shared';

const ANSWER_ACTIONS = ['answers.save', 'answers.import'] as const;

type Changes = Record<string, { value?: AnswerValue } | null | undefined>;
interface ReplayEvent {
  at: number;
  level: string;
  before: Changes;
  after: Changes;
}

const DAY = 24 * 3600 * 1000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The answer changes of one audit event (its level and before/after per soal), or null when it carries none. */
function changesOf(ev: { before?: unknown; after?: unknown }): { level: string; before: Changes; after: Changes } | null {
  const { after, before } = ev;
  if (!isObj(after) || typeof after.level !== 'string') return null;
  return {
    level: after.level,
    before: isObj(before) && isObj(before.answers) ? (before.answers as Changes) : {},
    after: isObj(after.answers) ? (after.answers as Changes) : {},
  };
}

type State = Map<string, Map<number, AnswerValue>>; // level → soal → value

function apply(state: State, level: string, changes: Changes): void {
  let m = state.get(level);
  if (!m) state.set(level, (m = new Map()));
  for (const [k, c] of Object.entries(changes)) {
    const soalId = Number(k);
    if (!Number.isInteger(soalId)) continue;
    if (c === null || c === undefined) m.delete(soalId);
    else m.set(soalId, (c.value ?? null) as AnswerValue);
  }
}

const cellsOf = (state: State): AnswerCell[] => [...state].flatMap(([level, m]) => [...m].map(([soalId, value]) => ({ level, soalId, value })));

interface HistorySubject {
  id: number;
  createdAt: Date;
}

type SnapshotRow = [number, string, string, number, number];

/**
 * Replays and stores the history of `subs`, and flags them (4 statements: their answer events, their answers, the
 * snapshot upsert, the flag). Returns the rows written ([submission, level, day, completeness, total]).
 */
export async function backfillHistory(
  em: EntityManager,
  instrument: Instrument,
  subs: readonly HistorySubject[],
  surveysBySub: Map<number, StoredSurvey[]>,
): Promise<SnapshotRow[]> {
  if (!subs.length) return [];
  const ids = subs.map((s) => s.id);
  const [events, answers] = await Promise.all([
    em.find(
      AuditEvent,
      { objectType: 'Submission', action: { $in: [...ANSWER_ACTIONS] }, objectId: { $in: ids.map(String) } },
      { orderBy: { at: 'asc', id: 'asc' }, fields: ['id', 'at', 'objectId', 'before', 'after'] as never },
    ),
    answersOf(em, ids),
  ]);
  const eventsBySub = new Map<number, ReplayEvent[]>();
  for (const e of events) {
    const ch = changesOf(e);
    if (!ch || !(LEVELS as readonly string[]).includes(ch.level)) continue;
    const sid = Number(e.objectId);
    let l = eventsBySub.get(sid);
    if (!l) eventsBySub.set(sid, (l = []));
    l.push({ at: new Date(e.at).getTime(), ...ch });
  }
  const rows: SnapshotRow[] = [];
  for (const sub of subs) {
    const evs = eventsBySub.get(sub.id) ?? [];
    const state: State = new Map();
    for (const c of answers.get(sub.id) ?? []) {
      let m = state.get(c.level);
      if (!m) state.set(c.level, (m = new Map()));
      m.set(c.soalId, c.value);
    }
    for (let i = evs.length - 1; i >= 0; i--) apply(state, evs[i].level, evs[i].before);
    const surveys = surveysBySub.get(sub.id) ?? [];
    const created = Math.min(new Date(sub.createdAt).getTime(), evs[0]?.at ?? Infinity);
    const snapshot = (dayEnd: number, day: string) => {
      const known = surveys.filter((s) => new Date(s.recordedAt).getTime() < dayEnd);
      const sc = scoreSubmission(instrument, cellsOf(state), known);
      for (const l of LEVELS) if (l === 'SELF' || sc.has[l]) rows.push([sub.id, l, day, sc.scores[l].completeness, sc.scores[l].total]);
    };
    const dayEndOf = (t: number) => Date.parse(`${utcDay(new Date(t))}T00:00:00.000Z`) + DAY;
    const weekEndOf = (t: number) => dayEndOf(t) + ((7 - ((new Date(t).getUTCDay() + 6) % 7) - 1) % 7) * DAY; // next Monday 00:00 UTC
    let next = 0;
    // the day of creation: the events of that day included
    const dayEnd = dayEndOf(created);
    while (next < evs.length && evs[next].at < dayEnd) apply(state, evs[next].level, evs[next++].after);
    snapshot(dayEnd, utcDay(new Date(created)));
    // then one point per ISO week with events (the chart's resolution): the state after the week's last event, on its day
    while (next < evs.length) {
      const weekEnd = weekEndOf(evs[next].at);
      let lastAt = evs[next].at;
      while (next < evs.length && evs[next].at < weekEnd) {
        lastAt = evs[next].at;
        apply(state, evs[next].level, evs[next++].after);
      }
      snapshot(dayEndOf(lastAt), utcDay(new Date(lastAt)));
    }
  }
  await writeSnapshots(em, rows);
  await em.getKnex()('submission').whereIn('id', ids).update({ history_replayed: true });
  return rows;
}
