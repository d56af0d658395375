/**
 * Per-submission score cache for the Kanwil comparison (table submission_score_cache).
 *
 * Reading ~500k answer rows per request was the comparison's cost at ministry scale. Instead, each submission's
 * per-level score summaries are stored with a fingerprint of what they were computed from, and a request:
 *  1. computes the current fingerprint of every submission of the Kanwil × period in ONE statement (an aggregate
 *     over the answers, grouped by submission, joined with the cached rows) — the answer rows themselves never
 *     leave the database;
 *  2. adds the survey results (already loaded by the caller) and the instrument version to it;
 *  3. recomputes only the stale submissions: ONE statement for their answers, ONE batched upsert.
 * Eligibility is not cached: it depends on the predicate history and is computed at read time from the summaries.
 *
 * The fingerprint of a submission's answers is count(*), sum(version), max(updated_at), max(id) and
 * sum(length(value_json)). Every write path bumps at least one of them: saveAnswers, the PortalRB import and the
 * workflow's level copy add rows (count, max id; ids are never reused) or increment `version` and set
 * `updated_at` on the rows they change; a deleted row lowers the count. Rows written by raw SQL (seed, bench,
 * tests) are inserts, hence seen; a raw in-place rewrite of `value_json` that kept `version` and `updated_at`
 * would only be seen when it changes the value's length — Answer's contract (modules/answer/entities.ts) is that
 * every change increments `version`.
 *
 * Portable SQL only (knex: GROUP BY, LEFT JOIN on a derived table, a multi-row INSERT … ON CONFLICT … DO UPDATE,
 * sum/count/max/length) so that it runs unchanged on PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import {
  summariseScore,
  type AreaScore,
  type HasilParts,
  type Instrument,
  type ScoreResult,
  type ScoreSummary,
  type SurveyKind,
  type SurveyOrigin,
  type SurveyRecord,
} from '@pantau/shared';

export type { ScoreSummary };
import { AnswerLevel } from '../../common/enums';
import { decodeValue } from '../answer/entities';
import { computeSubmission, type AnswerCell } from '../submission/compute';

/** A recorded survey result with its id (the fingerprint lists them). */
export type StoredSurvey = SurveyRecord & { id: number };

/** Bump when the payload format or the scoring code changes: every cached row then becomes stale. */
export const SCORE_CACHE_FORMAT = 2;

export const LEVELS = [AnswerLevel.SELF, AnswerLevel.KANWIL, AnswerLevel.TPI, AnswerLevel.TPN] as const;

export interface CachedScores {
  scores: Record<AnswerLevel, ScoreSummary>;
  /** Levels with at least one stored non-null value. */
  has: Record<AnswerLevel, boolean>;
  /** Latest level with any non-blank answer: TPI, else KANWIL, else SELF (computeSubmission's basis). */
  basis: AnswerLevel;
}

/** Stored form: numbers only, area names/weights come back from the instrument (part of the fingerprint). */
interface Payload {
  f: number;
  basis: AnswerLevel;
  has: boolean[];
  levels: {
    n: number[]; // total, pengungkit, pemenuhan, reform, hasil, completeness, answered, required
    a: number[][]; // per area: pemenuhan, reform, score, percent
    h: number[]; // ipak, kinerja, bersih, pelayanan
    s: [SurveyKind, number | null, SurveyOrigin | null][];
  }[];
}

function toPayload(c: CachedScores): string {
  const p: Payload = {
    f: SCORE_CACHE_FORMAT,
    basis: c.basis,
    has: LEVELS.map((l) => c.has[l]),
    levels: LEVELS.map((l) => {
      const s = c.scores[l];
      return {
        n: [s.total, s.pengungkit, s.pemenuhan, s.reform, s.hasil, s.completeness, s.answered, s.required],
        a: s.areas.map((a) => [a.pemenuhan, a.reform, a.score, a.percent]),
        h: [s.hasilParts.ipak, s.hasilParts.kinerja, s.hasilParts.bersih, s.hasilParts.pelayanan],
        s: (Object.entries(s.survey) as [SurveyKind, ScoreResult['survey'][SurveyKind]][]).map(([k, v]) => [k, v.index, v.source]),
      };
    }),
  };
  return JSON.stringify(p);
}

/** The cached scores, or null when the payload is unreadable or of another format/instrument shape. */
function fromPayload(text: string, instrument: Instrument): CachedScores | null {
  let p: Payload;
  try {
    p = JSON.parse(text) as Payload;
  } catch {
    return null;
  }
  if (!p || p.f !== SCORE_CACHE_FORMAT || !Array.isArray(p.levels) || p.levels.length !== LEVELS.length) return null;
  const scores = {} as Record<AnswerLevel, ScoreSummary>;
  const has = {} as Record<AnswerLevel, boolean>;
  for (let i = 0; i < LEVELS.length; i++) {
    const l = p.levels[i];
    if (!l || l.a.length !== instrument.areas.length) return null;
    const areas: AreaScore[] = instrument.areas.map((d, j) => ({
      code: d.code,
      name: d.name,
      weight: d.weight,
      pemenuhan: l.a[j][0],
      reform: l.a[j][1],
      score: l.a[j][2],
      percent: l.a[j][3],
    }));
    const hasilParts: HasilParts = { ipak: l.h[0], kinerja: l.h[1], bersih: l.h[2], pelayanan: l.h[3] };
    const survey = {} as ScoreResult['survey'];
    for (const [k, index, source] of l.s) survey[k] = { index, source };
    scores[LEVELS[i]] = {
      total: l.n[0],
      pengungkit: l.n[1],
      pemenuhan: l.n[2],
      reform: l.n[3],
      hasil: l.n[4],
      completeness: l.n[5],
      answered: l.n[6],
      required: l.n[7],
      areas,
      hasilParts,
      survey,
    };
    has[LEVELS[i]] = !!p.has[i];
  }
  return { scores, has, basis: p.basis };
}

/** Scores a submission from its stored answers exactly as the submission view does (computeSubmission). */
export function scoreSubmission(instrument: Instrument, cells: AnswerCell[], surveys: StoredSurvey[]): CachedScores {
  const has = { SELF: false, KANWIL: false, TPI: false, TPN: false } as Record<AnswerLevel, boolean>;
  for (const c of cells) if (c.value !== null && c.level in has) has[c.level as AnswerLevel] = true;
  const computed = computeSubmission(instrument, cells, surveys, { hasWbk: false });
  const scores = {} as Record<AnswerLevel, ScoreSummary>;
  for (const l of LEVELS) scores[l] = summariseScore(computed.scores[l]);
  return { scores, has, basis: computed.basis };
}

const time = (d: Date | number | string) => (d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d));
const sqlText = (v: unknown) => (v === null || v === undefined ? '-' : v instanceof Date ? v.toISOString() : String(v));

/** Everything a submission's cached scores depend on, as one short string. */
/** Aggregates over a submission's answers: count, sum(version), max(updated_at), max(id), sum(length(value_json)). */
interface AnswerAgg {
  n: unknown;
  v: unknown;
  u: unknown;
  m: unknown;
  l: unknown;
}

function fingerprintOf(instrumentVersionId: number, agg: AnswerAgg, surveys: StoredSurvey[]): string {
  const sv = [...surveys]
    .sort((a, b) => a.id - b.id)
    .map((s) => `${s.id}:${s.kind}:${s.index}:${s.source}:${time(s.recordedAt)}`)
    .join(',');
  const text = `f${SCORE_CACHE_FORMAT}|iv${instrumentVersionId}|a${sqlText(agg.n ?? 0)},${sqlText(agg.v)},${sqlText(agg.u)},${sqlText(agg.m)},${sqlText(agg.l)}|s${sv}`;
  return createHash('sha1').update(text).digest('hex');
}

/** Above this many stale submissions their answers are read by period × Kanwil instead of an id list. */
const MAX_ID_LIST = 500;
/** Rows per upsert statement (4 parameters each). */
const WRITE_CHUNK = 2000;

export interface ScoreCacheScope {
  periodId: number;
  kanwilId: number;
  instrumentVersionId: number;
  instrument: Instrument;
}

export interface ScoreCacheStats {
  submissions: number;
  recomputed: number;
}

/**
 * The per-level scores of every submission of a Kanwil × period, from the cache where it is current and
 * recomputed (and stored) where it is not. Statements: 1 when every row is current, 3 otherwise.
 */
export async function scoresOfScope(
  em: EntityManager,
  scope: ScoreCacheScope,
  surveysBySub: Map<number, StoredSurvey[]>,
  onWriteError?: (err: unknown) => void,
): Promise<{ bySubmission: Map<number, CachedScores>; stats: ScoreCacheStats }> {
  const knex = em.getKnex();
  const { periodId, kanwilId } = scope;
  const inScope = (qb: any, s: string, k: string) =>
    qb.join(`satker as ${k}`, `${k}.id`, `${s}.satker_id`).where(`${s}.period_id`, periodId).andWhere(`${k}.kanwil_id`, kanwilId);

  // grouped by the submission (driving the join) so that no temporary sort is needed
  const agg = inScope(
    knex('submission as s2')
      .join('answer as a', 'a.submission_id', 's2.id')
      .select('s2.id as sid')
      .count({ n: '*' })
      .sum({ v: 'a.version' })
      .max({ u: 'a.updated_at' })
      .max({ m: 'a.id' })
      // not needed by the write paths (they all bump version), but cheap: catches most in-place value rewrites
      .select(knex.raw('sum(length(??)) as ??', ['a.value_json', 'l']))
      .groupBy('s2.id'),
    's2',
    'k2',
  );
  const rows: ({ id: number; fingerprint: string | null; payload: string | null } & AnswerAgg)[] = await inScope(
    knex('submission as s')
      .leftJoin('submission_score_cache as c', 'c.submission_id', 's.id')
      .leftJoin(agg.as('f'), 'f.sid', 's.id')
      .select('s.id', 'c.fingerprint', 'c.payload', 'f.n', 'f.v', 'f.u', 'f.m', 'f.l'),
    's',
    'k',
  );

  const bySubmission = new Map<number, CachedScores>();
  const stale: { id: number; fingerprint: string }[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const fp = fingerprintOf(scope.instrumentVersionId, r, surveysBySub.get(id) ?? []);
    const hit = r.fingerprint === fp && r.payload ? fromPayload(r.payload, scope.instrument) : null;
    if (hit) bySubmission.set(id, hit);
    else stale.push({ id, fingerprint: fp });
  }

  if (stale.length) {
    // The fingerprints above were taken BEFORE these answers are read: a write landing in between makes the
    // stored fingerprint older than the scores, so the row is only recomputed once more, never trusted wrongly.
    const q = knex('answer as a').select('a.submission_id as sid', 'a.soal_id', 'a.level', 'a.value_json');
    if (stale.length <= MAX_ID_LIST)
      q.whereIn(
        'a.submission_id',
        stale.map((s) => s.id),
      );
    else inScope(q.join('submission as s', 's.id', 'a.submission_id'), 's', 'k');
    const answerRows: { sid: number; soal_id: number; level: string; value_json: string | null }[] = await q;
    const cellsBySub = new Map<number, AnswerCell[]>();
    for (const a of answerRows) {
      const sid = Number(a.sid);
      let l = cellsBySub.get(sid);
      if (!l) cellsBySub.set(sid, (l = []));
      l.push({ level: a.level, soalId: Number(a.soal_id), value: decodeValue(a.value_json) });
    }
    const now = new Date();
    const writes: { submission: number; fingerprint: string; payload: string }[] = [];
    for (const s of stale) {
      const scores = scoreSubmission(scope.instrument, cellsBySub.get(s.id) ?? [], surveysBySub.get(s.id) ?? []);
      bySubmission.set(s.id, scores);
      writes.push({ submission: s.id, fingerprint: s.fingerprint, payload: toPayload(scores) });
    }
    try {
      // One multi-row upsert (standard VALUES lists + ON CONFLICT … DO UPDATE: the same text on SQLite ≥ 3.24 and
      // PostgreSQL; knex's own multi-row insert on SQLite is a compound SELECT limited to 500 terms). Chunks keep
      // the bound parameters under every database's limit: one statement for any Kanwil up to WRITE_CHUNK units.
      const computedAt = em.getPlatform().processDateProperty(now);
      for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
        const chunk = writes.slice(i, i + WRITE_CHUNK);
        await knex.raw(
          `insert into ?? (??, ??, ??, ??) values ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ` +
            'on conflict (??) do update set ?? = excluded.??, ?? = excluded.??, ?? = excluded.??',
          [
            'submission_score_cache',
            'submission_id',
            'fingerprint',
            'payload',
            'computed_at',
            ...chunk.flatMap((w) => [w.submission, w.fingerprint, w.payload, computedAt]),
            'submission_id',
            'fingerprint',
            'fingerprint',
            'payload',
            'payload',
            'computed_at',
            'computed_at',
          ],
        );
      }
    } catch (e) {
      // derived data only: the scores are returned anyway and recomputed on the next request
      onWriteError?.(e);
    }
  }
  return { bySubmission, stats: { submissions: rows.length, recomputed: stale.length } };
}
