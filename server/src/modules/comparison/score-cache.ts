/**
 * Per-submission score cache for the Kanwil comparison (table submission_score_cache).
 *
 * Each submission's per-level score summaries are stored with a fingerprint of what they were computed from, and a
 * request:
 *  1. reads, in ONE statement, every submission of the Kanwil × period with its `answers_rev` and its cached row —
 *     no answer is read to validate the cache;
 *  2. adds the survey results (already loaded by the caller) and the instrument version to the fingerprint;
 *  3. recomputes only the stale submissions: ONE statement for their answers (folded by the database into one JSON
 *     text per submission), ONE batched cache upsert, ONE batched upsert of today's progress snapshots.
 * Eligibility is not cached: it depends on the predicate history and is computed at read time from the summaries.
 *
 * `submission.answers_rev` is bumped by database triggers on every insert, update and delete of an `answer` row
 * (migration …_score_history), in the writing statement's transaction, whoever writes: saveAnswers, the PortalRB
 * import, the workflow's level copy, the seed, raw SQL. The save path pays one indexed update inside the engine.
 *
 * Portable SQL only (knex: LEFT JOIN, GROUP BY, a multi-row INSERT … ON CONFLICT … DO UPDATE; group_concat on SQLite
 * and string_agg on PostgreSQL, the only dialect difference) so that it runs on both.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import {
  LEVELS as SHARED_LEVELS,
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
export const SCORE_CACHE_FORMAT = 3;

/** Every level of every route (format 3: with ESELON_I and TPM). */
export const LEVELS = SHARED_LEVELS as readonly AnswerLevel[];

export interface CachedScores {
  scores: Record<AnswerLevel, ScoreSummary>;
  /** Levels with at least one stored non-null value. */
  has: Record<AnswerLevel, boolean>;
  /** Latest level with any non-blank answer: the desk team's, else ESELON_I, KANWIL, SELF (computeSubmission's basis). */
  basis: AnswerLevel;
  /** Values derived from these scores alone (plus the key), kept with them in this process (derivedOf). */
  derived?: Map<string, unknown>;
}

/**
 * Parsed cache rows of this process by fingerprint: a warm request neither parses the stored payloads again nor
 * re-derives what depends on the scores only. A fingerprint names its content (answers' change counter, surveys,
 * instrument version), so an entry never goes stale; the map is only bounded (oldest entries dropped).
 */
const parsed = new Map<string, CachedScores>();
const PARSED_MAX = 20_000;
function remember(fp: string, c: CachedScores): void {
  parsed.set(fp, c);
  if (parsed.size > PARSED_MAX) for (const k of [...parsed.keys()].slice(0, parsed.size - PARSED_MAX)) parsed.delete(k);
}

/** A value computed from `c` and `key` only (e.g. eligibility for a target and locale), memoised with `c`. */
export function derivedOf<T>(c: CachedScores, key: string, compute: () => T): T {
  c.derived ??= new Map();
  if (c.derived.has(key)) return c.derived.get(key) as T;
  const v = compute();
  c.derived.set(key, v);
  return v;
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
  const has = Object.fromEntries(LEVELS.map((l) => [l, false])) as Record<AnswerLevel, boolean>;
  for (const c of cells) if (c.value !== null && c.level in has) has[c.level as AnswerLevel] = true;
  const computed = computeSubmission(instrument, cells, surveys, { hasWbk: false });
  const scores = {} as Record<AnswerLevel, ScoreSummary>;
  for (const l of LEVELS) scores[l] = summariseScore(computed.scores[l]);
  return { scores, has, basis: computed.basis };
}

const time = (d: Date | number | string) => (d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d));

/**
 * Everything a submission's cached scores depend on, as one short string: the submission (the in-process map below is
 * shared by all submissions), the answers' change counter, the surveys and the instrument version.
 */
function fingerprintOf(submissionId: number, instrumentVersionId: number, answersRev: unknown, surveys: StoredSurvey[]): string {
  const sv = [...surveys]
    .sort((a, b) => a.id - b.id)
    .map((s) => `${s.id}:${s.kind}:${s.index}:${s.source}:${time(s.recordedAt)}`)
    .join(',');
  const text = `f${SCORE_CACHE_FORMAT}|id${submissionId}|iv${instrumentVersionId}|r${Number(answersRev ?? 0)}|s${sv}`;
  return createHash('sha1').update(text).digest('hex');
}

/** UTC day of an instant, `YYYY-MM-DD` (the key of the progress snapshots). */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

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

/** Rows per snapshot upsert statement (5 parameters each). */
const SNAPSHOT_CHUNK = 1500;

/**
 * The per-level scores of every submission of a Kanwil × period, from the cache where it is current and
 * recomputed (and stored) where it is not. Statements: 1 when every row is current, 4 otherwise (the stale
 * submissions' answers, the cache upsert, the progress snapshot upsert of today's UTC day).
 */
export async function scoresOfScope(
  em: EntityManager,
  scope: ScoreCacheScope,
  surveysBySub: Map<number, StoredSurvey[]>,
  onWriteError?: (err: unknown) => void,
  now = new Date(),
): Promise<{ bySubmission: Map<number, CachedScores>; stats: ScoreCacheStats }> {
  const knex = em.getKnex();
  const { periodId, kanwilId } = scope;
  const inScope = (qb: any, s: string, k: string) =>
    qb.join(`satker as ${k}`, `${k}.id`, `${s}.satker_id`).where(`${s}.period_id`, periodId).andWhere(`${k}.kanwil_id`, kanwilId);

  // the answers' change counter (bumped by triggers on every answer write) against the cached fingerprint: one
  // row per submission, no answer read
  const rows: { id: number; rev: unknown; fingerprint: string | null; payload: string | null }[] = await inScope(
    knex('submission as s')
      .leftJoin('submission_score_cache as c', 'c.submission_id', 's.id')
      .select('s.id', 's.answers_rev as rev', 'c.fingerprint', 'c.payload'),
    's',
    'k',
  );

  const bySubmission = new Map<number, CachedScores>();
  const stale: { id: number; fingerprint: string }[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const fp = fingerprintOf(id, scope.instrumentVersionId, r.rev, surveysBySub.get(id) ?? []);
    const hit = r.fingerprint === fp && r.payload ? (parsed.get(fp) ?? fromPayload(r.payload, scope.instrument)) : null;
    if (hit) {
      bySubmission.set(id, hit);
      if (!parsed.has(fp)) remember(fp, hit);
    } else stale.push({ id, fingerprint: fp });
  }

  if (stale.length) {
    // The counters above were read BEFORE these answers are: a write landing in between makes the stored
    // fingerprint older than the scores, so the row is only recomputed once more, never trusted wrongly.
    const cellsBySub = await answersOf(
      em,
      stale.map((s) => s.id),
      (q) => inScope(q.join('submission as s', 's.id', 'a.submission_id'), 's', 'k'),
    );
    const writes: { submission: number; fingerprint: string; payload: string }[] = [];
    const snapshots: [number, string, string, number, number][] = [];
    const day = utcDay(now);
    for (const s of stale) {
      const scores = scoreSubmission(scope.instrument, cellsBySub.get(s.id) ?? [], surveysBySub.get(s.id) ?? []);
      bySubmission.set(s.id, scores);
      remember(s.fingerprint, scores);
      writes.push({ submission: s.id, fingerprint: s.fingerprint, payload: toPayload(scores) });
      for (const l of LEVELS) if (scores.has[l]) snapshots.push([s.id, l, day, scores.scores[l].completeness, scores.scores[l].total]);
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
      await writeSnapshots(em, snapshots);
    } catch (e) {
      // derived data only: the scores are returned anyway and recomputed on the next request
      onWriteError?.(e);
    }
  }
  return { bySubmission, stats: { submissions: rows.length, recomputed: stale.length } };
}

/** Upserts progress snapshots [submission, level, day, completeness, total] (one statement per SNAPSHOT_CHUNK rows). */
export async function writeSnapshots(em: EntityManager, snapshots: readonly [number, string, string, number, number][]): Promise<void> {
  const knex = em.getKnex();
  for (let i = 0; i < snapshots.length; i += SNAPSHOT_CHUNK) {
    const chunk = snapshots.slice(i, i + SNAPSHOT_CHUNK);
    await knex.raw(
      `insert into ?? (??, ??, ??, ??, ??) values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} ` +
        'on conflict (??, ??, ??) do update set ?? = excluded.??, ?? = excluded.??',
      [
        'score_snapshot',
        'submission_id',
        'level',
        'day',
        'completeness',
        'total',
        ...chunk.flat(),
        'submission_id',
        'level',
        'day',
        'completeness',
        'completeness',
        'total',
        'total',
      ],
    );
  }
}

/**
 * The stored answers of some submissions (ONE statement): the database folds each submission's rows into one JSON
 * array text `[[soal, "LEVEL", value], …]` (group_concat / string_agg), so ~500 rows per submission cross the
 * driver as one string and are parsed natively. `byScope` narrows by period × Kanwil instead of a long id list.
 * A submission whose text does not parse (a value_json that is not JSON) is read row by row (one more statement).
 */
export async function answersOf(em: EntityManager, ids: readonly number[], byScope?: (q: any) => any): Promise<Map<number, AnswerCell[]>> {
  const knex = em.getKnex();
  const out = new Map<number, AnswerCell[]>();
  if (!ids.length) return out;
  const pg = em.getPlatform() instanceof PostgreSqlPlatform;
  const item = knex.raw(`'[' || ?? || ',"' || ?? || '",' || coalesce(??, 'null') || ']'`, ['a.soal_id', 'a.level', 'a.value_json']);
  const agg = pg ? knex.raw(`'[' || string_agg(?, ',') || ']' as ??`, [item, 'j']) : knex.raw(`'[' || group_concat(?, ',') || ']' as ??`, [item, 'j']);
  const q = knex('answer as a').select('a.submission_id as sid', agg).groupBy('a.submission_id');
  if (byScope && ids.length > MAX_ID_LIST) byScope(q);
  else q.whereIn('a.submission_id', ids);
  const rows: { sid: number; j: string | null }[] = await q;
  const broken: number[] = [];
  for (const r of rows) {
    const sid = Number(r.sid);
    let list: [number, string, unknown][];
    try {
      list = JSON.parse(r.j ?? '[]');
    } catch {
      broken.push(sid);
      continue;
    }
    const cells: AnswerCell[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const [soalId, level, v] = list[i];
      cells[i] = { level, soalId, value: typeof v === 'string' || typeof v === 'number' ? v : null };
    }
    out.set(sid, cells);
  }
  if (broken.length) {
    const raw: { sid: number; soal_id: number; level: string; value_json: string | null }[] = await knex('answer as a')
      .select('a.submission_id as sid', 'a.soal_id', 'a.level', 'a.value_json')
      .whereIn('a.submission_id', broken);
    for (const a of raw) {
      const sid = Number(a.sid);
      let l = out.get(sid);
      if (!l) out.set(sid, (l = []));
      l.push({ level: a.level, soalId: Number(a.soal_id), value: decodeValue(a.value_json) });
    }
  }
  return out;
}
