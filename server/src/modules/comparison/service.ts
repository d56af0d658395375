/**
 * Kanwil comparison: every unit of a Kanwil in a period, in ONE request with a constant number of SQL statements
 * (period, kanwil, satkers, submissions, survey results, predicate histories, deadline extensions, the score cache
 * with the answers' fingerprints — plus, when some submissions changed, their answers and one cache write; never
 * one per unit). The answers themselves are read only for stale cache rows and for the gap field.
 */
import {
  checkEligibility,
  hasilState,
  holdsWbk,
  planGap,
  submissionDeadline,
  surveyPlans,
  type Answers,
  type Instrument,
  type SurveyRecord,
  type Target,
} from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { memo } from '../../common/context';
import { AnswerLevel, type ReturnedBy, type SubmissionStatus, type TargetPredicate } from '../../common/enums';
import { requireKanwilView, requireUser, viewedKanwilIds } from '../../common/authz';
import { badInput, notFound } from '../../common/errors';
import { Answer, decodeValue } from '../answer/entities';
import { instrumentOf } from '../instrument/service';
import { Kanwil } from '../org/entities';
import { lineagePredicates } from '../org/lineage';
import { kanwilView, type SatkerGql } from '../org/types';
import { Period } from '../period/entities';
import { deadlineView, periodView } from '../period/types';
import type { AnswerCell } from '../submission/compute';
import { surveyRecord } from '../survey/records';
import type { StoredSurvey } from './score-cache';
import { SurveyResult } from '../survey/entities';
import { DeadlineExtension } from '../period/entities';
import { eligibilityView, failureView } from '../submission/score-types';
import type { ComparisonRowGql, GapSummaryGql, KanwilComparisonGql } from './types';
import { derivedOf, scoresOfScope } from './score-cache';

export function resolveKanwilId(ctx: Ctx, period: Period, kanwilId: number | null | undefined): number {
  const user = requireUser(ctx);
  if (kanwilId != null) return kanwilId;
  if (period.kanwil) return period.kanwil.id;
  const own = viewedKanwilIds(user);
  if (own.length === 1) return own[0];
  throw badInput('kanwilId wajib diisi');
}

/**
 * The period and Kanwil of a Kanwil-wide view (comparison, progress), after checking the user may see the whole
 * Kanwil: admin, its Kanwil head, or a viewer scoped to it. `what` names the view in the FORBIDDEN message.
 */
export async function openKanwilView(ctx: Ctx, periodId: number, kanwilIdArg: number | null | undefined, what: string) {
  requireUser(ctx);
  const period = await ctx.em.findOne(Period, periodId);
  if (!period) throw notFound('Periode', periodId);
  const kanwilId = resolveKanwilId(ctx, period, kanwilIdArg);
  requireKanwilView(ctx, kanwilId, `${what} hanya untuk admin, Kepala Kanwil dan pengamat Kanwil tersebut`);
  if (period.kanwil && period.kanwil.id !== kanwilId) throw badInput('Periode ini milik Kanwil lain');
  const kanwil = await ctx.em.findOne(Kanwil, kanwilId);
  if (!kanwil) throw notFound('Kanwil', kanwilId);
  return { period, kanwil, kanwilId };
}

export async function kanwilComparison(ctx: Ctx, periodId: number, kanwilIdArg?: number | null): Promise<KanwilComparisonGql> {
  const em = ctx.em;
  const { period, kanwil, kanwilId } = await openKanwilView(ctx, periodId, kanwilIdArg, 'Perbandingan unit');

  const [instrument, units, surveys, extensionRows] = await Promise.all([
    instrumentOf(em, period.instrumentVersion.id),
    unitsOfScope(em, periodId, kanwilId),
    em.find(SurveyResult, { submission: { period: periodId, satker: { kanwil: kanwilId } } }),
    em.find(DeadlineExtension, { period: periodId }),
  ]);
  const extensions = extensionRows.map((e) => ({ stage: e.stage as string, satkerId: e.satker?.id ?? null, deadline: e.deadline }));

  const surveysBySub = new Map<number, StoredSurvey[]>();
  for (const s of surveys) {
    const id = s.submission.id;
    let l = surveysBySub.get(id);
    if (!l) surveysBySub.set(id, (l = []));
    l.push({ ...surveyRecord(s), id: s.id });
  }
  // per-level scores: cached per submission, recomputed only where answers or surveys changed (score-cache.ts)
  const { bySubmission: scoresBySub } = await scoresOfScope(
    em,
    { periodId, kanwilId, instrumentVersionId: period.instrumentVersion.id, instrument },
    surveysBySub,
    (e) => {
      if (ctx.config.logErrors) console.error('[pantau] score cache write failed:', e instanceof Error ? e.message : e);
    },
  );
  // predicates of each unit and of its predecessors (lineage)
  const satkers = units.map((u) => u.satker);
  const predBySatker = await lineagePredicates(
    em,
    satkers.map((s) => s.id),
    satkers.map((s) => ({ id: s.id, predecessorId: s.predecessorId })),
  );
  const subBySatker = new Map(units.flatMap((u) => (u.sub ? [[u.satker.id, u.sub] as const] : [])));
  // the gap field needs the answers themselves: loaded once per request, only when a gap is asked for
  const basisAnswers = () => memo(ctx, `comparison:answers:${periodId}:${kanwilId}`, () => answersOfScope(ctx, periodId, kanwilId));

  const locale = ctx.user?.locale === 'en' ? 'en' : 'id';
  const rows: ComparisonRowGql[] = satkers.map((satker) => {
    const wbk = holdsWbk(predBySatker.get(satker.id) ?? []);
    const sub = subBySatker.get(satker.id);
    const cached = sub ? scoresBySub.get(sub.id) : undefined;
    if (!sub || !cached) {
      return {
        satker,
        submissionId: null,
        status: null,
        target: null,
        pencananganDate: null,
        holdsWbk: wbk,
        completeness: null,
        selfTotal: null,
        kanwilTotal: null,
        tpiTotal: null,
        areas: instrument.areas.map((a) => ({ code: a.code, name: a.name, weight: a.weight, selfPercent: null, kanwilPercent: null, tpiPercent: null })),
        eligibility: null,
        nextDeadline: null,
        hasil: null,
        gapInput: async () => null,
      };
    }
    const { scores: sc, has, basis } = cached;
    const target = sub.target as Target;
    const subId = sub.id;
    // everything that depends on the scores, the target, the WBK predicate and the locale only: memoised with the
    // cached scores in this process (a warm request re-derives nothing)
    const derived = derivedOf(cached, `${target}|${wbk}|${locale}`, () => ({
      completeness: sc.SELF.completeness,
      selfTotal: has.SELF ? sc.SELF.total : null,
      kanwilTotal: has.KANWIL ? sc.KANWIL.total : null,
      tpiTotal: has.TPI ? sc.TPI.total : null,
      areas: instrument.areas.map((a, i) => ({
        code: a.code,
        name: a.name,
        weight: a.weight,
        selfPercent: has.SELF ? sc.SELF.areas[i].percent : null,
        kanwilPercent: has.KANWIL ? sc.KANWIL.areas[i].percent : null,
        tpiPercent: has.TPI ? sc.TPI.areas[i].percent : null,
      })),
      // eligibility is never stored: it depends on the predicate history (holdsWbk, part of the key)
      eligibility: eligibilityView(checkEligibility(sc[basis], target, { hasWbk: wbk, locale }), basis),
      hasil: { state: hasilState(sc[basis].survey), basisLevel: basis, surveys: surveyPlans(sc[basis], target, { locale }) },
    }));
    return {
      satker,
      submissionId: sub.id,
      status: sub.status,
      target: sub.target,
      pencananganDate: sub.pencananganDate ?? null,
      holdsWbk: wbk,
      ...derived,
      nextDeadline: deadlineView(submissionDeadline(period, sub.status, sub.returnedBy ?? null, satker.id, extensions)),
      gapInput: async () => {
        const answers: Answers = {};
        for (const c of (await basisAnswers()).get(subId) ?? []) if (c.level === basis) answers[c.soalId] = c.value;
        return gapSummary(instrument, answers, target, basis, wbk, surveysBySub.get(subId) ?? [], locale);
      },
    };
  });

  return { kanwil: kanwilView(kanwil), period: periodView(period), rows };
}

function gapSummary(
  instrument: Instrument,
  answers: Parameters<typeof planGap>[1],
  target: Target,
  basis: AnswerLevel,
  hasWbk: boolean,
  surveys: readonly SurveyRecord[],
  locale: 'id' | 'en',
): GapSummaryGql {
  const g = planGap(instrument, answers, target, { hasWbk, level: basis, surveys, locale });
  return {
    target: target as GapSummaryGql['target'],
    basisLevel: basis,
    assumption: g.assumption,
    requiredPengungkit: g.requiredPengungkit,
    reachable: g.plan.reachable,
    itemCount: g.plan.itemCount,
    stepCount: g.plan.stepCount,
    totalAfter: g.plan.after.total,
    changes: g.plan.changes,
    topChanges: g.topChanges,
    unreachable: g.plan.unreachable,
    blockers: g.blockers.map(failureView),
    surveys: g.surveys,
  };
}

export interface UnitRow {
  satker: SatkerGql;
  sub: {
    id: number;
    status: SubmissionStatus;
    target: TargetPredicate;
    pencananganDate: string | null;
    returnedBy: ReturnedBy | null;
    createdAt: Date;
    historyReplayed: boolean;
  } | null;
}

/** A DateTimeType column as read by the driver: a Date (PostgreSQL), epoch milliseconds or a date text (SQLite). */
const dbDate = (v: unknown): Date =>
  v instanceof Date ? v : typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? new Date(Number(v)) : new Date(String(v));

/** Every unit of the Kanwil (by code) with its submission of the period, as plain rows (ONE statement, no entities). */
export async function unitsOfScope(em: Ctx['em'], periodId: number, kanwilId: number): Promise<UnitRow[]> {
  const knex = em.getKnex();
  const rows: Record<string, any>[] = await knex('satker as k')
    .leftJoin('submission as s', (j) => j.on('s.satker_id', 'k.id').andOn('s.period_id', knex.raw('?', [periodId])))
    .where('k.kanwil_id', kanwilId)
    .orderBy('k.code', 'asc')
    .select(
      'k.id',
      'k.code',
      'k.name',
      'k.kind',
      'k.division',
      'k.predecessor_id',
      'k.valid_from',
      'k.valid_until',
      's.id as sid',
      's.status',
      's.target',
      's.pencanangan_date',
      's.returned_by',
      's.created_at',
      's.history_replayed',
    );
  return rows.map((r) => ({
    satker: {
      id: Number(r.id),
      code: r.code,
      name: r.name,
      kind: r.kind,
      division: r.division ?? null,
      kanwilId,
      predecessorId: r.predecessor_id == null ? null : Number(r.predecessor_id),
      validFrom: r.valid_from ?? null,
      validUntil: r.valid_until ?? null,
    },
    sub:
      r.sid == null
        ? null
        : {
            id: Number(r.sid),
            status: r.status,
            target: r.target,
            pencananganDate: r.pencanangan_date ?? null,
            returnedBy: r.returned_by ?? null,
            createdAt: dbDate(r.created_at),
            historyReplayed: !!r.history_replayed,
          },
  }));
}

/** Every stored answer of the Kanwil × period by submission (one statement; only for the gap field). */
async function answersOfScope(ctx: Ctx, periodId: number, kanwilId: number): Promise<Map<number, AnswerCell[]>> {
  const rows = await ctx.em
    .createQueryBuilder(Answer, 'a')
    .select(['s.id as sid', 'a.soalId', 'a.level', 'a.valueJson'])
    .join('a.submission', 's')
    .join('s.satker', 'k')
    .where({ 's.period': periodId, 'k.kanwil': kanwilId })
    .execute<{ sid: number; soal_id: number; level: string; value_json: string | null }[]>('all', false);
  const out = new Map<number, AnswerCell[]>();
  for (const r of rows) {
    let l = out.get(r.sid);
    if (!l) out.set(r.sid, (l = []));
    l.push({ level: r.level, soalId: r.soal_id, value: decodeValue(r.value_json) });
  }
  return out;
}

/** Memoised gap of one row (computed only when the field is asked for). */
export function rowGap(ctx: Ctx, row: ComparisonRowGql): Promise<GapSummaryGql | null> {
  return memo(ctx, `gap:${row.satker.id}:${row.submissionId}`, async () => (row.gapInput ? row.gapInput() : null));
}
