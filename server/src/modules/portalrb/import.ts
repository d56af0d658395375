/**
 * Import of a PortalRB jawaban-unit document into one level (SELF or TPI) of a submission: validated as a whole
 * (shared parseJawabanUnit → every bad answer listed), unit and year checked, written all or nothing in one
 * transaction under the level's write rule, audited, with a report of what changed.
 */
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AnswerValidationError, JawabanUnitShapeError, parseJawabanUnit, type AnswerValue } from '@pantau/shared';
import { audit } from '../../common/audit';
import { assertCanWriteLevel, requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { badInput, conflict, fromAnswerValidation } from '../../common/errors';
import { clearLoaders } from '../../common/loaders';
import { Answer, decodeValue, encodeValue } from '../answer/entities';
import { instrumentOf } from '../instrument/service';
import { User } from '../user/entities';
import { loadSubmission } from '../workflow/service';

const COLUMNS = { SELF: { value: 'jawaban_unit', note: 'catatan_unit' }, TPI: { value: 'jawaban_tpi', note: 'catatan_tpi' } } as const;
const NOTE_MAX = 4000;

export interface ImportChange {
  soalId: number;
  code: string;
  before: AnswerValue;
  after: AnswerValue;
  noteBefore: string | null;
  noteAfter: string | null;
  valueChanged: boolean;
  noteChanged: boolean;
}

export interface ImportReport {
  submissionId: number;
  level: AnswerLevel;
  rows: number;
  changed: ImportChange[];
  unchangedCount: number;
  valuesChanged: number;
  notesChanged: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function importAnswers(ctx: Ctx, submissionId: number, level: AnswerLevel, json: unknown): Promise<ImportReport> {
  const user = requireUser(ctx);
  try {
    const report = await ctx.em.transactional(async (em) => {
      const sub = await loadSubmission(em, submissionId);
      await assertCanWriteLevel({ ...ctx, em }, sub, level);
      // after the scope check: a unit outside the caller's scope is refused, not discussed
      if (level !== AnswerLevel.SELF && level !== AnswerLevel.TPI) throw badInput('Impor hanya untuk tingkat SELF atau TPI');
      const col = COLUMNS[level];
      const inst = await instrumentOf(em, sub.period.instrumentVersion.id);

      let parsed;
      try {
        parsed = parseJawabanUnit(inst, json);
      } catch (e) {
        if (e instanceof AnswerValidationError) throw fromAnswerValidation(e);
        if (e instanceof JawabanUnitShapeError) throw badInput(e.message, { issues: e.issues.map((message) => ({ message })) });
        throw e;
      }
      const mismatch: string[] = [];
      if (parsed.unitId !== null && String(parsed.unitId) !== sub.satker.code && String(parsed.unitId) !== String(sub.satker.id)) {
        mismatch.push(`unit_id ${parsed.unitId} bukan unit penilaian ini (${sub.satker.code})`);
      }
      if (parsed.tahun !== null && parsed.tahun !== sub.period.year)
        mismatch.push(`tahun ${parsed.tahun} bukan tahun periode penilaian ini (${sub.period.year})`);
      const rows = (json as { answers: Record<string, unknown>[] }).answers;
      const noteIssues: { soalId: number; message: string }[] = [];
      for (const r of rows) {
        const n = r[col.note];
        if (n !== undefined && n !== null && typeof n !== 'string') noteIssues.push({ soalId: r.soal_id as number, message: `${col.note} harus berupa teks` });
        else if (typeof n === 'string' && n.length > NOTE_MAX)
          noteIssues.push({ soalId: r.soal_id as number, message: `${col.note} terlalu panjang (maksimal ${NOTE_MAX} karakter)` });
      }
      if (mismatch.length || noteIssues.length) {
        throw badInput(`Berkas tidak dapat diimpor: ${[...mismatch, ...noteIssues.map((i) => `[${i.soalId}] ${i.message}`)].join('; ')}`, {
          issues: [...mismatch.map((message) => ({ message })), ...noteIssues],
        });
      }

      const values = parsed.columns[level];
      const existing = await em.find(Answer, { submission: sub.id, level });
      const bySoal = new Map(existing.map((a) => [a.soalId, a]));
      const now = new Date();
      const userRef = em.getReference(User, user.id);
      const changed: ImportChange[] = [];
      let unchanged = 0;
      for (const r of rows) {
        if (!isObj(r)) continue;
        const soalId = r.soal_id as number;
        const cur = bySoal.get(soalId);
        const beforeValue = decodeValue(cur?.valueJson);
        const beforeNote = cur?.note ?? null;
        const afterValue = col.value in r ? (values[soalId] ?? null) : beforeValue;
        const rawNote = r[col.note];
        const afterNote = col.note in r ? (typeof rawNote === 'string' && rawNote.trim() ? rawNote : null) : beforeNote;
        const valueChanged = encodeValue(afterValue) !== encodeValue(beforeValue);
        const noteChanged = afterNote !== beforeNote;
        if (!valueChanged && !noteChanged) {
          unchanged++;
          continue;
        }
        if (cur) {
          cur.valueJson = encodeValue(afterValue);
          cur.note = afterNote;
          cur.updatedBy = userRef;
          cur.updatedAt = now; // version: bumped by the database (Answer.version is a version property)
        } else {
          em.persist(
            em.create(Answer, {
              submission: sub,
              soalId,
              level,
              valueJson: encodeValue(afterValue),
              note: afterNote,
              updatedBy: userRef,
              updatedAt: now,
              version: 1,
            }),
          );
        }
        changed.push({
          soalId,
          code: inst.itemById[soalId].code,
          before: beforeValue,
          after: afterValue,
          noteBefore: beforeNote,
          noteAfter: afterNote,
          valueChanged,
          noteChanged,
        });
      }
      changed.sort((a, b) => inst.itemById[a.soalId].order - inst.itemById[b.soalId].order);
      const report: ImportReport = {
        submissionId: sub.id,
        level,
        rows: rows.length,
        changed,
        unchangedCount: unchanged,
        valuesChanged: changed.filter((c) => c.valueChanged).length,
        notesChanged: changed.filter((c) => c.noteChanged).length,
      };
      audit(em, ctx, {
        action: 'answers.import',
        objectType: 'Submission',
        objectId: sub.id,
        kanwilId: sub.satker.kanwil.id,
        satkerId: sub.satker.id,
        before: { level, answers: Object.fromEntries(changed.map((c) => [c.soalId, { value: c.before, note: c.noteBefore }])) },
        after: {
          level,
          answers: Object.fromEntries(changed.map((c) => [c.soalId, { value: c.after, note: c.noteAfter }])),
          unchangedCount: unchanged,
          rows: rows.length,
        },
      });
      await em.flush();
      return report;
    });
    clearLoaders(ctx);
    return report;
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException || e instanceof OptimisticLockError)
      throw conflict('Jawaban diubah oleh pengguna lain pada saat yang sama; ulangi impor');
    throw e;
  }
}
