import type { EntityManager } from '@mikro-orm/knex';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AnswerValidationError, holdsWbk, isIsoDate, validateAnswers, type Instrument } from '@pantau/shared';
import { localDateMessage } from '../../common/scalars';
import type { Ctx } from '../../common/context';
import { memo } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { assertCanReadSubmission, assertCanWriteLevel, readScope, requireUser, submissionFilter } from '../../common/authz';
import { badInput, conflict, forbidden, fromAnswerValidation, notFound } from '../../common/errors';
import { audit, auditNow } from '../../common/audit';
import { answersLoader, clearLoaders, predicatesLoader, surveysLoader } from '../../common/loaders';
import { Answer, decodeValue, encodeValue } from '../answer/entities';
import type { AnswerRow } from '../answer/rows';
import { columnsOf, pick, toDate } from '../../db/lean';
import { writeTransaction } from '../../db/group-commit';
import { Satker } from '../org/entities';
import { Period } from '../period/entities';
import { instrumentOf } from '../instrument/service';
import { satkerView } from '../org/types';
import { periodView } from '../period/types';
import { computeSubmission, type SubmissionScores } from './compute';
import { surveyRecord } from '../survey/records';
import { Submission } from './entities';
import type { AnswerGql, AnswerInput, SubmissionGql } from './types';

export const SUBMISSION_POPULATE = ['satker', 'period'] as const;

export function submissionView(s: Submission): SubmissionGql {
  return {
    id: s.id,
    satker: satkerView(s.satker),
    period: periodView(s.period),
    target: s.target,
    status: s.status,
    pencananganDate: s.pencananganDate ?? null,
    round: s.round,
    returnedBy: s.returnedBy ?? null,
    returnReason: s.returnReason ?? null,
    returnedAt: s.returnedAt ?? null,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    entity: s,
  };
}

export function answerView(a: AnswerRow): AnswerGql {
  return {
    soalId: a.soalId,
    level: a.level as AnswerLevel,
    value: decodeValue(a.valueJson),
    note: a.note,
    version: a.version,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
  };
}

async function loadSubmission(em: EntityManager, id: number): Promise<Submission> {
  const s = await em.findOne(Submission, id, { populate: SUBMISSION_POPULATE });
  if (!s) throw notFound('Penilaian', id);
  return s;
}

export async function getSubmission(ctx: Ctx, id: number): Promise<Submission> {
  requireUser(ctx);
  const s = await loadSubmission(ctx.em, id);
  await assertCanReadSubmission(ctx, s);
  return s;
}

export async function listSubmissions(ctx: Ctx, periodId: number, satkerId?: number | null): Promise<Submission[]> {
  const scope = await readScope(ctx);
  const where: Record<string, unknown> = { period: periodId };
  if (satkerId != null) where.satker = satkerId;
  const filter = submissionFilter(scope);
  const rows = await ctx.em.find(Submission, filter ? { $and: [where, filter] } : where, {
    populate: SUBMISSION_POPULATE,
    orderBy: { satker: { code: 'asc' } },
  });
  if (satkerId != null && rows.length === 0) {
    // distinguish "no submission" from "not allowed"
    const exists = await ctx.em.count(Submission, where);
    if (exists) throw forbidden('Anda tidak berwenang melihat penilaian unit ini');
  }
  return rows;
}

/** Scores of every level + eligibility (memoised per request; batched loads). */
export function submissionScores(ctx: Ctx, s: Submission): Promise<SubmissionScores & { instrument: Instrument }> {
  return memo(ctx, `scores:${s.id}`, async () => {
    const [instrument, answers, surveys, predicates] = await Promise.all([
      instrumentOf(ctx.em, s.period.instrumentVersion.id),
      answersLoader(ctx).load(s.id),
      surveysLoader(ctx).load(s.id),
      predicatesLoader(ctx).load(s.satker.id),
    ]);
    const computed = computeSubmission(
      instrument,
      answers.map((a) => ({ level: a.level, soalId: a.soalId, value: decodeValue(a.valueJson) })),
      surveys.map(surveyRecord),
      { hasWbk: holdsWbk(predicates) },
    );
    return { ...computed, instrument };
  });
}

export interface SaveResult {
  submission: Submission;
  /** The answers of the batch as stored now (soal order). */
  answers: AnswerGql[];
}

/** A stored answer of the batch as read for a save (a plain row: no entity, no unit of work). */
interface StoredAnswer {
  id: number;
  valueJson: string | null;
  note: string | null;
  version: number;
  updatedAt: Date;
  updatedBy: AnswerGql['updatedBy'];
}

/**
 * The submission (with its satker and period, merged into `em` as entities: authorisation and the payload read them)
 * and the stored answers of `soalIds` at `level` as plain rows, in ONE statement.
 */
async function loadForSave(em: EntityManager, submissionId: number, level: AnswerLevel, soalIds: number[]) {
  const knex = em.getKnex();
  const qb = knex
    .select([
      ...columnsOf(em, Submission, 's'),
      ...columnsOf(em, Satker, 'k'),
      ...columnsOf(em, Period, 'p'),
      'a.id as a__id',
      'a.soal_id as a__soal_id',
      'a.value_json as a__value_json',
      'a.note as a__note',
      'a.version as a__version',
      'a.updated_at as a__updated_at',
      'a.updated_by_id as a__updated_by_id',
      'u.username as u__username',
      'u.display_name as u__display_name',
    ])
    .from('submission as s')
    .join('satker as k', 'k.id', 's.satker_id')
    .join('period as p', 'p.id', 's.period_id')
    .leftJoin('answer as a', function () {
      this.on('a.submission_id', '=', 's.id')
        .andOn('a.level', '=', knex.raw('?', [level]))
        .andOnIn('a.soal_id', soalIds);
    })
    .leftJoin('app_user as u', 'u.id', 'a.updated_by_id')
    .where('s.id', submissionId);
  const rows = await em.execute<Record<string, unknown>[]>(qb);
  if (!rows.length) throw notFound('Penilaian', submissionId);
  em.map(Satker, pick(rows[0], 'k') as never);
  em.map(Period, pick(rows[0], 'p') as never);
  const sub = em.map(Submission, pick(rows[0], 's') as never);
  const existing = new Map<number, StoredAnswer>();
  for (const r of rows) {
    if (r.a__id == null) continue;
    existing.set(Number(r.a__soal_id), {
      id: Number(r.a__id),
      valueJson: (r.a__value_json as string | null) ?? null,
      note: (r.a__note as string | null) ?? null,
      version: Number(r.a__version),
      updatedAt: toDate(r.a__updated_at),
      updatedBy:
        r.a__updated_by_id == null || r.u__username == null
          ? null
          : { id: Number(r.a__updated_by_id), username: String(r.u__username), displayName: String(r.u__display_name) },
    });
  }
  return { sub, existing };
}

const conflictMessage = (soalIds: number[]) =>
  `Jawaban soal ${soalIds.map((id) => `[${id}]`).join(', ')} telah diubah oleh pengguna lain. Muat ulang lalu simpan kembali.`;

/**
 * Saves a batch of answers of one level, all or nothing: authorisation (assertCanWriteLevel), validation of every
 * answer (BAD_USER_INPUT listing each bad one), optimistic-lock check of every answer (CONFLICT with current values),
 * then the writes and one audit event, in one transaction. A single-answer save is 5 statements besides the
 * session lookup: BEGIN, one read (submission + answers), the answer write, the audit event, COMMIT. On SQLite
 * concurrent saves share the BEGIN/COMMIT (db/group-commit.ts: one fsync for the batch, a SAVEPOINT each, every save
 * answered after its COMMIT). The writes are direct statements (no unit of work): an update is
 * `update answer … set version = version + 1 … where id = ? and version = ?`, so the database enforces the optimistic
 * lock (a concurrent save from another process that got there first leaves it matching no row: CONFLICT).
 * Scores are not computed here (SaveAnswersPayload.score does that when asked for).
 */
export async function saveAnswers(ctx: Ctx, submissionId: number, level: AnswerLevel, inputs: AnswerInput[]): Promise<SaveResult> {
  const user = requireUser(ctx);
  if (!inputs.length) throw badInput('Tidak ada jawaban yang dikirim');
  const seen = new Set<number>();
  const dupes = inputs.filter((i) => (seen.has(i.soalId) ? true : (seen.add(i.soalId), false)));
  if (dupes.length) {
    throw badInput('Soal yang sama dikirim lebih dari sekali', {
      issues: dupes.map((d) => ({ soalId: d.soalId, value: d.value ?? null, message: 'soal dikirim lebih dari sekali dalam satu permintaan' })),
    });
  }

  let result: SaveResult;
  try {
    result = await writeTransaction(ctx.em, async (em) => {
      const { sub, existing: bySoal } = await loadForSave(
        em,
        submissionId,
        level,
        inputs.map((i) => i.soalId),
      );
      await assertCanWriteLevel({ ...ctx, em }, sub, level);
      const instrument = await instrumentOf(em, sub.period.instrumentVersion.id);

      let canonical: ReturnType<typeof validateAnswers>;
      try {
        canonical = validateAnswers(instrument, Object.fromEntries(inputs.map((i) => [i.soalId, i.value ?? null])));
      } catch (e) {
        if (e instanceof AnswerValidationError) throw fromAnswerValidation(e);
        throw e;
      }

      const conflicts = [];
      for (const i of inputs) {
        const cur = bySoal.get(i.soalId);
        const expected = i.expectedVersion ?? null;
        if ((cur ? cur.version : null) !== expected) {
          conflicts.push({
            soalId: i.soalId,
            expectedVersion: expected,
            currentVersion: cur?.version ?? null,
            currentValue: cur ? decodeValue(cur.valueJson) : null,
            currentNote: cur?.note ?? null,
            updatedBy: cur?.updatedBy?.displayName ?? null,
            updatedAt: cur?.updatedAt?.toISOString() ?? null,
          });
        }
      }
      if (conflicts.length) throw conflict(conflictMessage(conflicts.map((c) => c.soalId)), { conflicts });

      const before: Record<number, unknown> = {};
      const after: Record<number, unknown> = {};
      const now = new Date();
      const me = { id: user.id, username: user.username, displayName: user.displayName };
      const answers: AnswerGql[] = [];
      for (const i of inputs) {
        const valueJson = encodeValue(canonical[i.soalId]);
        const note = i.note === undefined ? undefined : i.note === null || i.note.trim() === '' ? null : i.note;
        const cur = bySoal.get(i.soalId);
        if (cur) {
          const newNote = note === undefined ? cur.note : note;
          if (cur.valueJson === valueJson && cur.note === newNote) {
            answers.push({
              soalId: i.soalId,
              level,
              value: decodeValue(cur.valueJson),
              note: cur.note,
              version: cur.version,
              updatedAt: cur.updatedAt,
              updatedBy: cur.updatedBy,
            });
            continue;
          }
          const version = cur.version + 1;
          // Answer.version is the optimistic lock: the row must still carry the version read above
          const n = await em.nativeUpdate(
            Answer,
            { id: cur.id, version: cur.version },
            { valueJson, note: newNote, updatedBy: user.id, updatedAt: now, version },
          );
          if (n !== 1) throw conflict(conflictMessage([i.soalId]));
          before[i.soalId] = { value: decodeValue(cur.valueJson), note: cur.note, version: cur.version };
          after[i.soalId] = { value: decodeValue(valueJson), note: newNote, version };
          answers.push({ soalId: i.soalId, level, value: decodeValue(valueJson), note: newNote, version, updatedAt: now, updatedBy: me });
        } else {
          if (valueJson === null && !note) continue;
          // a concurrent insert of the same slot fails the unique (submission, soal, level) key: CONFLICT below
          await em.insert(Answer, {
            submission: sub.id,
            soalId: i.soalId,
            level,
            valueJson,
            note: note ?? null,
            updatedBy: user.id,
            updatedAt: now,
            version: 1,
          } as never);
          before[i.soalId] = null;
          after[i.soalId] = { value: decodeValue(valueJson), note: note ?? null, version: 1 };
          answers.push({ soalId: i.soalId, level, value: decodeValue(valueJson), note: note ?? null, version: 1, updatedAt: now, updatedBy: me });
        }
      }
      if (Object.keys(after).length) {
        await auditNow(em, ctx, {
          action: 'answers.save',
          objectType: 'Submission',
          objectId: sub.id,
          kanwilId: sub.satker.kanwil.id,
          satkerId: sub.satker.id,
          before: { level, answers: before },
          after: { level, answers: after },
        });
      }
      return { submission: sub, answers: answers.sort((x, y) => x.soalId - y.soalId) };
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      throw conflict('Jawaban telah dibuat oleh pengguna lain pada saat yang sama. Muat ulang lalu simpan kembali.');
    }
    throw e;
  }
  clearLoaders(ctx);
  return result;
}

/**
 * Sets the ZI declaration (pencanangan) date. It is the unit's own (SELF) data: written under the SELF level rule of the
 * shared writer table and its stage deadline (assertCanWriteLevel), like the SELF answers.
 */
export async function setPencanangan(ctx: Ctx, submissionId: number, date: string | null, expectedVersion?: number | null): Promise<Submission> {
  requireUser(ctx);
  if (date !== null) {
    // the LocalDate scalar has refused anything but a real calendar date (also checked for internal callers)
    if (!isIsoDate(date)) throw badInput(localDateMessage(date));
    if (new Date(`${date}T00:00:00Z`).getTime() > Date.now() + 24 * 3600 * 1000) throw badInput('Tanggal pencanangan tidak boleh di masa depan');
  }
  const sub = await ctx.em.transactional(async (em) => {
    const s = await loadSubmission(em, submissionId);
    await assertCanWriteLevel({ ...ctx, em }, s, AnswerLevel.SELF, { what: 'Tanggal pencanangan' });
    if (expectedVersion != null && expectedVersion !== s.version) {
      throw conflict('Penilaian telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.', { currentVersion: s.version });
    }
    const before = s.pencananganDate ?? null;
    if (before === date) return s;
    s.pencananganDate = date;
    audit(em, ctx, {
      action: 'submission.setPencanangan',
      objectType: 'Submission',
      objectId: s.id,
      kanwilId: s.satker.kanwil.id,
      satkerId: s.satker.id,
      before: { pencananganDate: before },
      after: { pencananganDate: date },
    });
    await em.flush();
    return s;
  });
  clearLoaders(ctx);
  return sub;
}
