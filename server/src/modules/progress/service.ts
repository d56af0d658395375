/**
 * Progress over time: the SELF completeness and SELF total of every unit of a Kanwil, week by week, replayed from
 * the audit trail. A constant number of SQL statements whatever the number of units or events: period, Kanwil,
 * satkers, submissions, survey results, the current SELF answers (one statement), the answer events of those
 * submissions (one statement); the instrument comes from the per-version cache.
 *
 * Replay: the audited events (`answers.save`, `answers.import`, level SELF) carry before/after per soal. The state
 * before the first event is the current answers with every event undone (newest first, restoring `before`), so
 * answers that never went through an audited write (seeded data) count from the start; then the events are applied
 * in chronological order (`after`) and the state is scored at the end of every ISO week (now for the current one)
 * with the period's instrument version and the survey results recorded by then.
 */
import { scoreAnswers, type Answers, type AnswerValue, type SurveyRecord } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { Answer, decodeValue } from '../answer/entities';
import { AuditEvent } from '../audit/entities';
import { openKanwilView } from '../comparison/service';
import { instrumentOf } from '../instrument/service';
import { Satker } from '../org/entities';
import { kanwilView, satkerView } from '../org/types';
import { periodView } from '../period/types';
import { surveyRecord } from '../survey/records';
import { Submission } from '../submission/entities';
import { SurveyResult } from '../survey/entities';
import type { ProgressOverTimeGql, ProgressUnitSeriesGql, ProgressWeekGql } from './types';

export const ANSWER_ACTIONS = ['answers.save', 'answers.import'] as const;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 UTC of the ISO week holding `d`. */
export function isoWeekStart(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
}

/** ISO 8601 week label, e.g. "2026-W47" (the year of the week's Thursday). */
export function isoWeekLabel(d: Date): string {
  const thursday = new Date(isoWeekStart(d).getTime() + 3 * 24 * 3600 * 1000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

interface SoalChange {
  value: AnswerValue;
}
type Changes = Record<string, SoalChange | null | undefined>;

interface ReplayEvent {
  at: number;
  before: Changes;
  after: Changes;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The SELF answer changes of one audit event, or null when it is about another level. */
function selfChanges(ev: { before?: unknown; after?: unknown }): { before: Changes; after: Changes } | null {
  const after = ev.after;
  const before = ev.before;
  if (!isObj(after) || after.level !== AnswerLevel.SELF) return null;
  return {
    before: isObj(before) && isObj(before.answers) ? (before.answers as Changes) : {},
    after: isObj(after.answers) ? (after.answers as Changes) : {},
  };
}

function apply(state: Answers, changes: Changes): void {
  for (const [k, c] of Object.entries(changes)) {
    const soalId = Number(k);
    if (!Number.isInteger(soalId)) continue;
    if (c === null || c === undefined) delete state[soalId];
    else state[soalId] = (c.value ?? null) as AnswerValue;
  }
}

export async function progressOverTime(ctx: Ctx, periodId: number, kanwilIdArg?: number | null, now = new Date()): Promise<ProgressOverTimeGql> {
  const em = ctx.em;
  const { period, kanwil, kanwilId } = await openKanwilView(ctx, periodId, kanwilIdArg, 'Perkembangan penilaian');

  const [instrument, satkers, submissions, surveys, answerRows] = await Promise.all([
    instrumentOf(em, period.instrumentVersion.id),
    em.find(Satker, { kanwil: kanwilId }, { orderBy: { code: 'asc' } }),
    em.find(Submission, { period: periodId, satker: { kanwil: kanwilId } }),
    em.find(SurveyResult, { submission: { period: periodId, satker: { kanwil: kanwilId } } }),
    em
      .createQueryBuilder(Answer, 'a')
      .select(['s.id as sid', 'a.soalId', 'a.valueJson'])
      .join('a.submission', 's')
      .join('s.satker', 'k')
      .where({ 's.period': periodId, 'k.kanwil': kanwilId, 'a.level': AnswerLevel.SELF })
      .execute<{ sid: number; soal_id: number; value_json: string | null }[]>('all', false),
  ]);
  const events = submissions.length
    ? await em.find(
        AuditEvent,
        { objectType: 'Submission', action: { $in: [...ANSWER_ACTIONS] }, objectId: { $in: submissions.map((s) => String(s.id)) } },
        { orderBy: { at: 'asc', id: 'asc' }, fields: ['id', 'at', 'objectId', 'before', 'after'] as never },
      )
    : [];

  // per submission: current answers, its SELF events (chronological), its surveys
  const current = new Map<number, Answers>();
  for (const r of answerRows) {
    let m = current.get(r.sid);
    if (!m) current.set(r.sid, (m = {}));
    m[r.soal_id] = decodeValue(r.value_json);
  }
  const eventsBySub = new Map<number, ReplayEvent[]>();
  let firstEventAt: number | null = null;
  for (const e of events) {
    const ch = selfChanges(e);
    if (!ch) continue;
    const sid = Number(e.objectId);
    const at = new Date(e.at).getTime();
    if (firstEventAt === null || at < firstEventAt) firstEventAt = at;
    let l = eventsBySub.get(sid);
    if (!l) eventsBySub.set(sid, (l = []));
    l.push({ at, before: ch.before, after: ch.after });
  }
  const surveysBySub = new Map<number, SurveyRecord[]>();
  for (const s of surveys) {
    let l = surveysBySub.get(s.submission.id);
    if (!l) surveysBySub.set(s.submission.id, (l = []));
    l.push(surveyRecord(s));
  }

  // the weeks: from the ISO week of the first answer event to the current week
  const nowMs = now.getTime();
  const weekStarts: number[] = [];
  for (let w = isoWeekStart(new Date(Math.min(firstEventAt ?? nowMs, nowMs))).getTime(); w <= nowMs; w += WEEK_MS) weekStarts.push(w);
  const asOf = weekStarts.map((w) => Math.min(w + WEEK_MS, nowMs));

  const satkerById = new Map(satkers.map((s) => [s.id, s]));
  const sorted = [...submissions].sort((a, b) => (satkerById.get(a.satker.id)?.code ?? '').localeCompare(satkerById.get(b.satker.id)?.code ?? ''));
  const units: ProgressUnitSeriesGql[] = [];
  for (const sub of sorted) {
    const evs = (eventsBySub.get(sub.id) ?? []).sort((a, b) => a.at - b.at);
    // the state before the first event: today's answers with every event undone, newest first
    const state: Answers = { ...(current.get(sub.id) ?? {}) };
    for (let i = evs.length - 1; i >= 0; i--) apply(state, evs[i].before);
    const exists = Math.min(new Date(sub.createdAt).getTime(), evs[0]?.at ?? Infinity);
    const subSurveys = surveysBySub.get(sub.id) ?? [];
    const completeness: (number | null)[] = [];
    const selfTotal: (number | null)[] = [];
    let next = 0;
    let last: { c: number; t: number; key: string } | null = null;
    for (let w = 0; w < weekStarts.length; w++) {
      const until = asOf[w];
      let changed = false;
      // events inside the week (the current week: up to now, and any clock skew after it)
      while (next < evs.length && (evs[next].at < until || w === weekStarts.length - 1)) {
        apply(state, evs[next++].after);
        changed = true;
      }
      if (exists >= until && w < weekStarts.length - 1) {
        completeness.push(null);
        selfTotal.push(null);
        continue;
      }
      const known = subSurveys.filter((s) => new Date(s.recordedAt).getTime() < until || w === weekStarts.length - 1);
      const key = String(known.length);
      if (!last || changed || last.key !== key) {
        const sc = scoreAnswers(instrument, state, { level: 'SELF', surveys: known });
        last = { c: sc.completeness, t: sc.total, key };
      }
      completeness.push(last.c);
      selfTotal.push(last.t);
    }
    units.push({ satker: satkerView(satkerById.get(sub.satker.id) ?? sub.satker), submissionId: sub.id, completeness, selfTotal });
  }

  const weeks: ProgressWeekGql[] = weekStarts.map((w, i) => {
    const cs = units.map((u) => u.completeness[i]).filter((x): x is number => x !== null);
    const ts = units.map((u) => u.selfTotal[i]).filter((x): x is number => x !== null);
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    return {
      week: isoWeekLabel(new Date(w)),
      start: new Date(w),
      asOf: new Date(asOf[i]),
      submissions: cs.length,
      averageCompleteness: avg(cs),
      averageSelfTotal: avg(ts),
    };
  });
  return { kanwil: kanwilView(kanwil), period: periodView(period), level: AnswerLevel.SELF, weeks, units };
}
