/**
 * Progress over time: completeness and total of every unit of a Kanwil at every level of its route (SELF, KANWIL, TPI, TPN by default), ISO
 * week by ISO week, from the progress snapshots (table score_snapshot; see progress/history.ts and
 * comparison/score-cache.ts) — never from the audit log, so the cost does not grow with it. Statements, constant
 * whatever the number of units or events: period, Kanwil, its review route, units with their submissions, survey results, the score
 * cache check (plus, for changed submissions, their answers, the cache and today's snapshots), the snapshots; once
 * per submission without history, its replay from the audit trail (3 more).
 *
 * A week's value is the state at its end (the latest snapshot of a day before the next Monday; now for the current
 * week); a unit has no value before its first snapshot, a level none before it holds answers.
 */
import { routeLevels, type Level, type SurveyRecord } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { openKanwilView, unitsOfScope } from '../comparison/service';
import { scoresOfScope, utcDay, type StoredSurvey } from '../comparison/score-cache';
import { instrumentOf } from '../instrument/service';
import { kanwilView } from '../org/types';
import { periodView } from '../period/types';
import { routeFor } from '../route/lookup';
import { surveyRecord } from '../survey/records';
import { SurveyResult } from '../survey/entities';
import { backfillHistory } from './history';
import type { ProgressLevelSeriesGql, ProgressOverTimeGql, ProgressUnitSeriesGql, ProgressWeekGql } from './types';

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

interface Point {
  day: string;
  c: number;
  t: number;
}

/** One value per week: the latest point of a day before the week's end (all points for the current week). */
function weekly(points: readonly Point[], weekEnds: readonly string[]): { c: (number | null)[]; t: (number | null)[] } {
  const c: (number | null)[] = [];
  const t: (number | null)[] = [];
  let i = -1;
  for (let w = 0; w < weekEnds.length; w++) {
    const last = w === weekEnds.length - 1;
    while (i + 1 < points.length && (last || points[i + 1].day < weekEnds[w])) i++;
    c.push(i >= 0 ? points[i].c : null);
    t.push(i >= 0 ? points[i].t : null);
  }
  return { c, t };
}

const avg = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export async function progressOverTime(ctx: Ctx, periodId: number, kanwilIdArg?: number | null, now = new Date()): Promise<ProgressOverTimeGql> {
  const em = ctx.em;
  const { period, kanwil, kanwilId } = await openKanwilView(ctx, periodId, kanwilIdArg, 'Perkembangan penilaian');
  const [instrument, units, surveys, route] = await Promise.all([
    instrumentOf(em, period.instrumentVersion.id),
    unitsOfScope(em, periodId, kanwilId),
    em.find(SurveyResult, { submission: { period: periodId, satker: { kanwil: kanwilId } } }),
    routeFor(em, periodId, kanwil.instansi.id),
  ]);
  // the levels of the route the Kanwil's instansi follows in this period (the Eselon I and TPM steps only where configured)
  const routeLevelList: Level[] = routeLevels(route);
  const surveysBySub = new Map<number, StoredSurvey[]>();
  for (const s of surveys) {
    let l = surveysBySub.get(s.submission.id);
    if (!l) surveysBySub.set(s.submission.id, (l = []));
    l.push({ ...(surveyRecord(s) as SurveyRecord), id: s.id });
  }
  const withSub = units.filter((u) => u.sub);
  if (withSub.length) {
    // today's snapshot of every submission whose answers or surveys changed since its scores were last computed
    await scoresOfScope(
      em,
      { periodId, kanwilId, instrumentVersionId: period.instrumentVersion.id, instrument },
      surveysBySub,
      (e) => console.error('[pantau] progress snapshot write failed:', e instanceof Error ? e.message : e),
      now,
    );
  }
  const ids = withSub.map((u) => u.sub!.id);
  const readSnapshots = async (subIds: number[]) =>
    subIds.length
      ? ((await em
          .getKnex()('score_snapshot')
          .whereIn('submission_id', subIds)
          .orderBy([{ column: 'submission_id' }, { column: 'level' }, { column: 'day' }])
          .select('submission_id', 'level', 'day', 'completeness', 'total')) as {
          submission_id: number;
          level: string;
          day: string;
          completeness: number;
          total: number;
        }[])
      : [];
  let snaps = await readSnapshots(ids);
  // submissions whose history was never replayed from the audit trail: replayed once (their rows replace the ones read)
  const missing = withSub.filter((u) => !u.sub!.historyReplayed);
  if (missing.length) {
    const rows = await backfillHistory(
      em,
      instrument,
      missing.map((u) => ({ id: u.sub!.id, createdAt: u.sub!.createdAt })),
      surveysBySub,
    );
    const key = (sid: unknown, level: string, day: string) => `${Number(sid)}:${level}:${day}`;
    const fresh = new Set(rows.map(([sid, level, day]) => key(sid, level, day)));
    snaps = [
      ...snaps.filter((r) => !fresh.has(key(r.submission_id, r.level, r.day))),
      ...rows.map(([submission_id, level, day, completeness, total]) => ({ submission_id, level, day, completeness, total })),
    ].sort((a, b) => Number(a.submission_id) - Number(b.submission_id) || a.level.localeCompare(b.level) || a.day.localeCompare(b.day));
  }

  const points = new Map<string, Point[]>(); // `${sub}:${level}` → points by day
  let firstDay: string | null = null;
  for (const r of snaps) {
    const key = `${Number(r.submission_id)}:${r.level}`;
    let l = points.get(key);
    if (!l) points.set(key, (l = []));
    l.push({ day: r.day, c: Number(r.completeness), t: Number(r.total) });
    if (firstDay === null || r.day < firstDay) firstDay = r.day;
  }

  // the weeks: from the ISO week of the first snapshot to the current week
  const nowMs = now.getTime();
  const first = firstDay ? Math.min(Date.parse(`${firstDay}T00:00:00.000Z`), nowMs) : nowMs;
  const weekStarts: number[] = [];
  for (let w = isoWeekStart(new Date(first)).getTime(); w <= nowMs; w += WEEK_MS) weekStarts.push(w);
  const weekEnds = weekStarts.map((w) => utcDay(new Date(w + WEEK_MS)));

  const series = new Map<string, { c: (number | null)[]; t: (number | null)[] }>();
  for (const u of withSub) for (const l of routeLevelList) series.set(`${u.sub!.id}:${l}`, weekly(points.get(`${u.sub!.id}:${l}`) ?? [], weekEnds));

  const unitsOut: ProgressUnitSeriesGql[] = withSub.map((u) => {
    const self = series.get(`${u.sub!.id}:SELF`)!;
    return {
      satker: u.satker,
      submissionId: u.sub!.id,
      completeness: self.c,
      selfTotal: self.t,
      levels: routeLevelList.map((l) => ({ level: l, completeness: series.get(`${u.sub!.id}:${l}`)!.c, total: series.get(`${u.sub!.id}:${l}`)!.t })),
    };
  });
  const levels: ProgressLevelSeriesGql[] = routeLevelList.map((l) => {
    const all = withSub.map((u) => series.get(`${u.sub!.id}:${l}`)!);
    return {
      level: l,
      submissions: weekStarts.map((_, i) => all.filter((s) => s.c[i] !== null).length),
      averageCompleteness: weekStarts.map((_, i) => avg(all.map((s) => s.c[i]))),
      averageTotal: weekStarts.map((_, i) => avg(all.map((s) => s.t[i]))),
    };
  });
  const selfLevel = levels[0];
  const weeks: ProgressWeekGql[] = weekStarts.map((w, i) => ({
    week: isoWeekLabel(new Date(w)),
    start: new Date(w),
    asOf: new Date(Math.min(w + WEEK_MS, nowMs)),
    submissions: selfLevel.submissions[i],
    averageCompleteness: selfLevel.averageCompleteness[i],
    averageSelfTotal: selfLevel.averageTotal[i],
  }));
  return { kanwil: kanwilView(kanwil), period: periodView(period), level: AnswerLevel.SELF, weeks, units: unitsOut, levels };
}
