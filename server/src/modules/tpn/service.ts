/**
 * TPN sub-stages of a nominated submission (issue 15 item 4): the instansi's yearly quota and sanggah deadline,
 * the administrative selection, the one sanggah, and the ranking of the instansi's candidates against its quota.
 * Rules from shared/src/tpn.ts. Recording is for the admin or the Kanwil head (as the TPN outcome is); a sanggah is
 * filed by the unit's coordinator or the Kanwil head. Everything audited.
 */
import {
  AnswerValidationError,
  adminSelectionProblems,
  endOfDayWib,
  fieldChanges,
  isIsoDate,
  overlayAnswers,
  rankAgainstQuota,
  sanggahProblems,
  tpnStepProblems,
  validateAnswers,
  type AnswerValue,
} from '@pantau/shared';
import type { Ctx } from '../../common/context';
import { audit } from '../../common/audit';
import { assertCanReadSubmission, hasRole, isKanwilHeadOf, requireAdmin, requireKanwilHead, requireUser } from '../../common/authz';
import { AnswerLevel, Role, SubmissionStatus } from '../../common/enums';
import { appError, badInput, forbidden, fromAnswerValidation, notFound } from '../../common/errors';
import { clearLoaders } from '../../common/loaders';
import { Answer, encodeValue } from '../answer/entities';
import { instrumentOf } from '../instrument/service';
import { levelAnswers } from '../workflow/answers';
import { Evidence } from '../evidence/entities';
import { Instansi, Kanwil } from '../org/entities';
import { tpnScores } from '../results/tpn';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';
import { TpnCycle, TpnStage, TpnStep, type AdminSelectionOutcome, type TpnEvaluationStep } from './entities';

const AT_TPN: SubmissionStatus[] = [SubmissionStatus.NOMINATED, SubmissionStatus.AWARDED, SubmissionStatus.NOT_AWARDED];

export async function setTpnCycle(
  ctx: Ctx,
  input: { instansiId: number; year: number; quota?: number | null; sanggahDeadline?: string | null },
): Promise<TpnCycle> {
  requireAdmin(ctx);
  if (!Number.isInteger(input.year) || input.year < 2010 || input.year > 2100) throw badInput(`Tahun tidak valid: ${input.year}`);
  if (input.quota != null && (!Number.isInteger(input.quota) || input.quota < 0)) throw badInput('Kuota harus bilangan bulat ≥ 0');
  if (input.sanggahDeadline != null && !isIsoDate(input.sanggahDeadline)) throw badInput('Batas sanggah harus berformat YYYY-MM-DD');
  return ctx.em.transactional(async (em) => {
    const instansi = await em.findOne(Instansi, input.instansiId);
    if (!instansi) throw notFound('Instansi', input.instansiId);
    let c = await em.findOne(TpnCycle, { instansi, year: input.year });
    const before = c ? { quota: c.quota ?? null, sanggahDeadline: c.sanggahDeadline ?? null } : null;
    if (!c) c = em.create(TpnCycle, { instansi, year: input.year });
    c.quota = input.quota ?? null;
    c.sanggahDeadline = input.sanggahDeadline ?? null;
    c.updatedAt = new Date();
    await em.flush();
    audit(em, ctx, {
      action: 'tpn.cycle',
      objectType: 'TpnCycle',
      objectId: c.id,
      before,
      after: { instansiId: instansi.id, year: c.year, quota: c.quota, sanggahDeadline: c.sanggahDeadline },
    });
    await em.flush();
    return c;
  });
}

async function nominated(ctx: Ctx, submissionId: number): Promise<Submission> {
  const sub = await ctx.em.findOne(Submission, submissionId, { populate: ['satker', 'satker.kanwil', 'period'] });
  if (!sub) throw notFound('Penilaian', submissionId);
  return sub;
}

async function stageOf(sub: Submission, em: Ctx['em']): Promise<TpnStage> {
  return (await em.findOne(TpnStage, { submission: sub.id })) ?? em.create(TpnStage, { submission: sub });
}

/** What the TPN stage of a submission holds: the administrative selection and sanggah, the evaluation steps, the status. */
export interface StageState {
  stage: TpnStage | null;
  steps: TpnStep[];
  status: SubmissionStatus;
}

export async function recordAdminSelection(
  ctx: Ctx,
  submissionId: number,
  outcome: AdminSelectionOutcome,
  notes: string | null | undefined,
): Promise<StageState> {
  const user = requireUser(ctx);
  const sub = await nominated(ctx, submissionId);
  requireKanwilHead(ctx, sub.satker.kanwil.id, 'Hasil seleksi administrasi TPN hanya dapat dicatat oleh admin atau Kepala Kanwil unit tersebut');
  if (!AT_TPN.includes(sub.status))
    throw appError('INVALID_STATE', `Seleksi administrasi TPN hanya untuk penilaian yang sudah diusulkan (status ${sub.status})`);
  const problems = adminSelectionProblems(outcome, notes);
  if (problems.length) throw badInput(problems[0]);
  return ctx.em.transactional(async (em) => {
    const st = await stageOf(sub, em);
    const before = { outcome: st.adminOutcome ?? null, notes: st.adminNotes ?? null };
    st.adminOutcome = outcome;
    st.adminNotes = notes?.trim() || null;
    st.adminRecordedAt = new Date();
    st.adminRecordedBy = em.getReference(User, user.id);
    await em.flush();
    audit(em, ctx, {
      action: 'tpn.adminSelection',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      before,
      after: { outcome, notes: st.adminNotes },
    });
    await em.flush();
    return { stage: st, steps: await em.find(TpnStep, { submission: sub.id }, { populate: ['recordedBy'], orderBy: { id: 'asc' } }), status: sub.status };
  });
}

export async function fileSanggah(ctx: Ctx, submissionId: number, reason: string, evidenceIds: number[], now = new Date()): Promise<StageState> {
  const user = requireUser(ctx);
  const sub = await nominated(ctx, submissionId);
  if (!isKanwilHeadOf(user, sub.satker.kanwil.id) && !hasRole(user, Role.COORDINATOR, { satkerId: sub.satker.id })) {
    throw forbidden('Sanggahan hanya dapat diajukan oleh koordinator ZI unit tersebut, Kepala Kanwil, atau admin');
  }
  return ctx.em.transactional(async (em) => {
    const kanwil = await em.findOneOrFail(Kanwil, sub.satker.kanwil.id);
    const cycle = await em.findOne(TpnCycle, { instansi: kanwil.instansi.id, year: sub.period.year });
    const st = await em.findOne(TpnStage, { submission: sub.id });
    const ids = [...new Set(evidenceIds)];
    const evidence = ids.length ? await em.find(Evidence, { id: { $in: ids }, submission: sub.id, deleted: false }) : [];
    if (evidence.length !== ids.length) throw badInput('Bukti sanggahan harus bukti dukung penilaian ini');
    const problems = sanggahProblems({
      outcome: st?.adminOutcome ?? null,
      alreadyFiled: st?.sanggahFiledAt ? 1 : 0,
      deadline: cycle?.sanggahDeadline ? endOfDayWib(cycle.sanggahDeadline) : null,
      now,
      reason,
      evidenceCount: evidence.length,
    });
    if (problems.length) throw appError(problems[0].code, problems[0].message, { problems: problems.map((p) => p.message) });
    const stage = st!;
    stage.sanggahReason = reason.trim();
    stage.sanggahEvidenceIds = ids;
    stage.sanggahFiledAt = now;
    stage.sanggahFiledBy = em.getReference(User, user.id);
    await em.flush();
    audit(em, ctx, {
      action: 'tpn.sanggah',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      after: { reason: stage.sanggahReason, evidenceIds: ids },
    });
    await em.flush();
    return { stage, steps: await em.find(TpnStep, { submission: sub.id }, { populate: ['recordedBy'], orderBy: { id: 'asc' } }), status: sub.status };
  });
}

export interface RecordStepInput {
  step: TpnEvaluationStep;
  heldOn: string;
  notes?: string | null;
  /** FIELD only: the field team's values by soal_id. */
  fieldAnswers?: Record<string, unknown> | null;
}

/**
 * Records (or corrects) a TPN evaluation step of a nominated submission: admin or the unit's Kanwil head, in order
 * (shared tpnStepProblems). The field step's values that differ from the TPN level as it stands (TPI with the desk
 * answers over it) are written into the TPN answers, so the TPN score and the computed outcome follow them.
 */
export async function recordTpnStep(ctx: Ctx, submissionId: number, input: RecordStepInput): Promise<{ step: TpnStep; changed: number[] }> {
  const user = requireUser(ctx);
  const sub = await nominated(ctx, submissionId);
  requireKanwilHead(ctx, sub.satker.kanwil.id, 'Tahapan evaluasi TPN hanya dapat dicatat oleh admin atau Kepala Kanwil unit tersebut');
  if (!AT_TPN.includes(sub.status)) throw appError('INVALID_STATE', `Evaluasi TPN hanya untuk penilaian yang sudah diusulkan (status ${sub.status})`);
  if (!isIsoDate(input.heldOn)) throw badInput('Tanggal pelaksanaan harus berformat YYYY-MM-DD');
  if (input.step !== 'FIELD' && input.fieldAnswers && Object.keys(input.fieldAnswers).length)
    throw badInput('Nilai hasil evaluasi lapangan hanya untuk tahap evaluasi lapangan');
  const inst = await instrumentOf(ctx.em, sub.period.instrumentVersion.id);
  let field: Record<number, AnswerValue> = {};
  if (input.step === 'FIELD' && input.fieldAnswers) {
    try {
      field = validateAnswers(inst, input.fieldAnswers) as Record<number, AnswerValue>;
    } catch (e) {
      if (e instanceof AnswerValidationError) throw fromAnswerValidation(e);
      throw e;
    }
  }
  const result = await ctx.em.transactional(async (em) => {
    const [stage, steps] = await Promise.all([em.findOne(TpnStage, { submission: sub.id }), em.find(TpnStep, { submission: sub.id })]);
    const problems = tpnStepProblems(input.step, {
      adminOutcome: stage?.adminOutcome ?? null,
      sanggahFiled: !!stage?.sanggahFiledAt,
      steps: steps.map((x) => x.step),
      resultRecorded: sub.status !== SubmissionStatus.NOMINATED,
    });
    if (problems.length) throw appError('INVALID_STATE', problems[0]);
    let st = steps.find((x) => x.step === input.step);
    const before = st ? { heldOn: st.heldOn, notes: st.notes ?? null, fieldAnswers: st.fieldAnswers ?? null } : null;
    const now = new Date();
    const userRef = em.getReference(User, user.id);
    if (!st) {
      st = em.create(TpnStep, { submission: sub, step: input.step, heldOn: input.heldOn, recordedBy: userRef, recordedAt: now });
      em.persist(st);
    }
    st.heldOn = input.heldOn;
    st.notes = input.notes?.trim() || null;
    st.fieldAnswers = input.step === 'FIELD' ? Object.fromEntries(Object.entries(field).map(([k, v]) => [String(k), v])) : null;
    st.recordedBy = userRef;
    st.recordedAt = now;

    // field values over the TPN level (TPI ⟵ desk): only where they differ
    const [tpi, tpn] = await Promise.all([levelAnswers(em, sub.id, AnswerLevel.TPI), levelAnswers(em, sub.id, AnswerLevel.TPN)]);
    const changes = fieldChanges<AnswerValue>(overlayAnswers(tpi, tpn), field, (a, b) => encodeValue(a ?? null) === encodeValue(b ?? null));
    if (changes.length) {
      const rows = await em.find(Answer, { submission: sub.id, level: AnswerLevel.TPN, soalId: { $in: changes.map((c) => c.soalId) } });
      const bySoal = new Map(rows.map((r) => [r.soalId, r]));
      for (const c of changes) {
        const row = bySoal.get(c.soalId);
        if (row) {
          row.valueJson = encodeValue(c.after);
          row.updatedBy = userRef;
          row.updatedAt = now; // version: bumped by the database
        } else {
          em.persist(
            em.create(Answer, {
              submission: sub,
              soalId: c.soalId,
              level: AnswerLevel.TPN,
              valueJson: encodeValue(c.after),
              note: null,
              updatedBy: userRef,
              updatedAt: now,
              version: 1,
            }),
          );
        }
      }
    }
    await em.flush();
    audit(em, ctx, {
      action: 'tpn.step',
      objectType: 'Submission',
      objectId: sub.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      before,
      after: {
        step: input.step,
        heldOn: st.heldOn,
        notes: st.notes,
        fieldAnswers: st.fieldAnswers,
        tpnAnswersChanged: Object.fromEntries(changes.map((c) => [c.soalId, { before: c.before, after: c.after }])),
      },
    });
    await em.flush();
    return { step: st, changed: changes.map((c) => c.soalId) };
  });
  clearLoaders(ctx);
  return result;
}

export async function tpnStageOf(ctx: Ctx, submissionId: number): Promise<StageState> {
  requireUser(ctx);
  const sub = await nominated(ctx, submissionId);
  await assertCanReadSubmission(ctx, sub);
  const [stage, steps] = await Promise.all([
    ctx.em.findOne(TpnStage, { submission: submissionId }),
    ctx.em.find(TpnStep, { submission: submissionId }, { populate: ['recordedBy'], orderBy: { id: 'asc' } }),
  ]);
  return { stage, steps, status: sub.status };
}

export interface RankingRow {
  submission: Submission;
  score: number;
  outcome: AdminSelectionOutcome | null;
  rank: number | null;
  withinQuota: boolean;
}

/** The instansi's TPN candidates of a year ranked against its quota: admin, or a Kanwil head of that instansi. */
export async function tpnRanking(ctx: Ctx, instansiId: number, year: number): Promise<{ cycle: TpnCycle | null; rows: RankingRow[] }> {
  const user = requireUser(ctx);
  const kanwils = await ctx.em.find(Kanwil, { instansi: instansiId }, { fields: ['id'] });
  if (!kanwils.some((k) => isKanwilHeadOf(user, k.id)) && !hasRole(user, Role.ADMIN))
    throw forbidden('Peringkat usulan TPN hanya untuk admin atau Kepala Kanwil instansi tersebut');
  const cycle = await ctx.em.findOne(TpnCycle, { instansi: instansiId, year });
  const subs = await ctx.em.find(
    Submission,
    { status: { $in: AT_TPN }, period: { year }, satker: { kanwil: { instansi: instansiId } } },
    { populate: ['satker', 'period'], orderBy: { id: 'asc' } },
  );
  const stages = subs.length ? await ctx.em.find(TpnStage, { submission: { $in: subs.map((s) => s.id) } }) : [];
  const outcomeOf = new Map(stages.map((s) => [s.submission.id, s.adminOutcome ?? null]));
  const scores = await tpnScores(ctx.em, subs);
  const scored = subs.map((sub) => ({ sub, score: scores.get(sub.id)!.total }));
  const ranks = new Map(
    rankAgainstQuota(
      scored.map((s) => ({ id: s.sub.id, score: s.score, outcome: outcomeOf.get(s.sub.id) ?? null })),
      cycle?.quota ?? null,
    ).map((r, i) => [r.id, { ...r, order: i }]),
  );
  const rows = scored
    .map((s) => ({
      submission: s.sub,
      score: s.score,
      outcome: outcomeOf.get(s.sub.id) ?? null,
      rank: ranks.get(s.sub.id)!.rank,
      withinQuota: ranks.get(s.sub.id)!.withinQuota,
      order: ranks.get(s.sub.id)!.order,
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _o, ...r }) => r);
  return { cycle, rows };
}
