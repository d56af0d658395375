/**
 * The submission state machine, enforced by reading the shared table (TRANSITIONS, evaluateGuards, destination):
 * no transition rule lives here, only how the server gathers the facts the guards look at and what each action
 * records besides the status. Every transition runs in one transaction with its audit event; the submission's
 * version column makes a concurrent second transition fail instead of applying twice.
 */
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  ACTION_LABELS,
  INPUT_GUARDS,
  STATUS_LABELS,
  DEFAULT_ROUTE,
  TRANSITIONS,
  destination,
  evaluateGuards,
  findTransition,
  isIsoDate,
  routeTransitions,
  transitionsFor,
  type Guard,
  type ReviewRoute,
  type GuardFacts,
  type GuardResult,
  type Role as SharedRole,
  type SubmissionStatus as SharedStatus,
  type Transition,
  type WorkflowAction,
} from '@pantau/shared';
import { audit } from '../../common/audit';
import { isAssignedEvaluator, requireUser, rolesOn, submissionRef } from '../../common/authz';
import type { AuthUser, Ctx } from '../../common/context';
import { AnswerLevel, ReturnedBy, SubmissionStatus, TargetPredicate } from '../../common/enums';
import { appError, badInput, conflict, forbidden, notFound } from '../../common/errors';
import { Evidence, EvidencePurpose } from '../evidence/entities';
import { instrumentOf } from '../instrument/service';
import { assessNomination, type ChecklistInputData, type NominationAssessment } from '../nomination/checklist';
import { Nomination, NominationStatus } from '../nomination/entities';
import { AwardTrack, Predicate, PredicateHistory } from '../org/entities';
import { submissionRoute } from '../route/lookup';
import { hasTpnResult, tpnScore } from '../results/tpn';
import { DeskEvaluation, RecommendedPredicate, ReviewNote } from '../review/entities';
import { notifyTransition } from '../notification/events';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';
import { assertStageOpen, effectiveDeadline, stageText } from '../period/deadlines';
import { copyLevelAnswers, levelAnswers, unansweredRequired } from './answers';

export interface TransitionInputData {
  reason?: string | null;
  overrideReason?: string | null;
  awarded?: boolean | null;
  predicate?: TargetPredicate | null;
  decreeNumber?: string | null;
  decreeDate?: string | null;
  recommendation?: string | null;
  recommendedPredicate?: RecommendedPredicate | null;
  afirmasi?: boolean | null;
  checklist?: ChecklistInputData | null;
}

const ROLE_TEXT: Record<SharedRole, string> = {
  ADMIN: 'admin',
  KANWIL_HEAD: 'Kepala Kanwil',
  COORDINATOR: 'koordinator ZI unit',
  EVALUATOR: 'evaluator TPI yang ditugaskan',
  VIEWER: 'pemantau',
  ESELON_REVIEWER: 'penilai Eselon I',
  TPM_EVALUATOR: 'Tim Penilai Mandiri (TPM) instansi',
};

const label = (a: WorkflowAction) => ACTION_LABELS[a].id;
const statusLabel = (s: string) => STATUS_LABELS[s as SharedStatus]?.id ?? s;
const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

export async function loadSubmission(em: EntityManager, id: number): Promise<Submission> {
  const sub = await em.findOne(Submission, id, { populate: ['satker', 'satker.kanwil', 'period'] });
  if (!sub) throw notFound('Penilaian', id);
  return sub;
}

/** The user's roles on the submission; FORBIDDEN when they may not even read it. */
export async function rolesForAction(em: EntityManager, user: AuthUser, sub: Submission): Promise<{ roles: SharedRole[]; assigned: boolean }> {
  const roles = rolesOn(user, submissionRef(sub));
  const assigned = roles.includes('EVALUATOR') ? await isAssignedEvaluator(em, user.id, sub.id) : false;
  const reads = roles.some((r) => r !== 'EVALUATOR') || assigned;
  if (!reads) throw forbidden('Anda tidak berwenang pada penilaian unit ini');
  return { roles, assigned };
}

/**
 * The transition of the table for this status, action and roles; otherwise FORBIDDEN (the step exists here but is
 * someone else's, or the user's roles never take it) or INVALID_STATE naming the steps open to the user now.
 */
export function resolveTransition(status: SubmissionStatus, action: WorkflowAction, roles: SharedRole[], route: ReviewRoute = DEFAULT_ROUTE): Transition {
  const s = status as SharedStatus;
  const t = findTransition(s, action, roles, route);
  if (t) return t;
  const table = routeTransitions(route);
  const here = table.filter((x) => x.action === action && x.from.includes(s));
  const mine = table.filter((x) => x.action === action && x.roles.some((r) => roles.includes(r)));
  if (here.length || !mine.length) {
    const who = [...new Set((here.length ? here : TRANSITIONS.filter((x) => x.action === action)).flatMap((x) => x.roles))].map((r) => ROLE_TEXT[r]);
    throw forbidden(`Tindakan "${label(action)}"${here.length ? ` pada status "${statusLabel(s)}"` : ''} hanya dapat dilakukan oleh ${who.join(' atau ')}`);
  }
  const allowed = [...new Set(transitionsFor(s, roles, route).map((x) => x.action))];
  throw appError(
    'INVALID_STATE',
    `Tindakan "${label(action)}" tidak dapat dilakukan pada status "${statusLabel(s)}". ` +
      (allowed.length ? `Langkah yang tersedia untuk Anda: ${allowed.map(label).join(', ')}` : 'Tidak ada langkah yang tersedia untuk Anda pada status ini'),
    { status: s, action, allowedActions: allowed },
  );
}

interface FactContext {
  em: EntityManager;
  user: AuthUser;
  sub: Submission;
  t: Transition;
  input: TransitionInputData;
  assigned: boolean;
  now: Date;
  /** Filled by facts(): what the effects need again. */
  nomination?: NominationAssessment;
  tpn?: Awaited<ReturnType<typeof tpnScore>>;
  unanswered?: number[];
}

/** Gathers only the facts the transition's guards look at. */
async function gatherFacts(fc: FactContext): Promise<GuardFacts> {
  const { em, sub, t, input } = fc;
  const need = new Set<Guard>(t.guards);
  const facts: GuardFacts = { now: fc.now.toISOString().slice(0, 10), reason: input.reason ?? null, returnedBy: sub.returnedBy ?? null };
  const inst = await instrumentOf(em, sub.period.instrumentVersion.id);
  if (need.has('complete')) {
    const self = await levelAnswers(em, sub.id, AnswerLevel.SELF);
    fc.unanswered = unansweredRequired(inst, self);
    facts.unansweredCount = fc.unanswered.length;
    facts.completeness = inst.requiredCount ? (inst.requiredCount - fc.unanswered.length) / inst.requiredCount : 1;
  }
  if (need.has('pencanganSet')) facts.pencanganDate = sub.pencananganDate ?? null;
  if (need.has('kanwilAnswersSet')) facts.kanwilAnswersComplete = unansweredRequired(inst, await levelAnswers(em, sub.id, AnswerLevel.KANWIL)).length === 0;
  if (need.has('tpiAnswersSet')) facts.tpiAnswersComplete = unansweredRequired(inst, await levelAnswers(em, sub.id, AnswerLevel.TPI)).length === 0;
  if (need.has('eselonAnswersSet')) facts.eselonAnswersComplete = unansweredRequired(inst, await levelAnswers(em, sub.id, AnswerLevel.ESELON_I)).length === 0;
  if (need.has('tpmAnswersSet')) facts.tpmAnswersComplete = unansweredRequired(inst, await levelAnswers(em, sub.id, AnswerLevel.TPM)).length === 0;
  if (need.has('wbkTarget')) facts.target = sub.target;
  if (need.has('itemNote')) {
    facts.openItemNotes = await em.count(ReviewNote, {
      submission: sub.id,
      // a returner's notes are on its own level (the returner names are level names)
      level: (t.returnedBy ?? 'KANWIL') as AnswerLevel,
      resolved: false,
      parent: null,
    });
  }
  if (need.has('assignedEvaluator')) facts.isAssignedEvaluator = fc.assigned;
  if (need.has('lheUploaded')) facts.lheUploaded = (await em.count(Evidence, { submission: sub.id, purpose: EvidencePurpose.LHE, deleted: false })) > 0;
  if (need.has('recommendationGiven')) facts.recommendation = input.recommendedPredicate ? (input.recommendation ?? null) : null;
  if (need.has('eligibleOrOverride') || need.has('prerequisites') || need.has('noRevocationBan') || need.has('wbbmNeedsWbk')) {
    const a = await assessNomination(em, inst, sub, input.checklist ?? {}, fc.now);
    fc.nomination = a;
    Object.assign(facts, {
      eligible: a.eligible,
      overrideReason: input.overrideReason ?? null,
      prerequisitesMissing: a.prerequisitesMissing,
      target: sub.target,
      hasWbk: a.hasWbk,
      revocationBanUntil: a.revocationBanUntil,
    });
  }
  if (need.has('noTpnResult')) facts.hasTpnResult = await hasTpnResult(em, sub.id);
  if (need.has('decree')) {
    facts.decreeNumber = input.decreeNumber ?? null;
    facts.decreeDate = input.decreeDate ?? null;
  }
  if (need.has('differenceReason')) {
    fc.tpn = await tpnScore(em, inst, sub, t.action === 'recordTpmOutcome' ? 'TPM' : 'TPN');
    facts.outcomeDiffers = !!input.awarded !== fc.tpn.eligibility.eligible;
  }
  if (need.has('beforeDeskReview')) facts.deskReviewStarted = sub.returnedBy === ReturnedBy.TPI || sub.returnedBy === ReturnedBy.TPM || sub.round > 1;
  return facts;
}

/** Throws INVALID_STATE (state guards) or BAD_USER_INPUT (missing input) listing every unmet guard. */
function assertGuards(t: Transition, results: GuardResult[], extra: Record<string, unknown> = {}): void {
  const failed = results.filter((r) => !r.ok);
  if (!failed.length) return;
  const stateFailed = failed.filter((r) => !INPUT_GUARDS.includes(r.guard));
  const list = failed.map((r) => ({ guard: r.guard, message: r.message }));
  const msg = `${label(t.action)} belum dapat dilakukan: ${failed.map((r) => r.message).join('; ')}`;
  if (stateFailed.length) throw appError('INVALID_STATE', msg, { guards: list, ...extra });
  throw badInput(msg, { guards: list, ...extra });
}

/** Checks the action-specific input before anything is written (BAD_USER_INPUT). */
function validateInput(action: WorkflowAction, input: TransitionInputData): void {
  if (action === 'recordTpnOutcome' || action === 'recordTpmOutcome') {
    if (input.awarded === undefined || input.awarded === null)
      throw badInput(`Hasil ${action === 'recordTpmOutcome' ? 'TPM' : 'TPN'} (awarded: ya/tidak) harus diisi`);
    if (filled(input.decreeDate) && !isIsoDate(input.decreeDate)) {
      throw badInput('Tanggal keputusan harus berformat YYYY-MM-DD');
    }
  }
  for (const [k, v] of Object.entries(input)) if (typeof v === 'string' && v.length > 4000) throw badInput(`${k} terlalu panjang (maksimal 4000 karakter)`);
}

export interface TransitionOutcome {
  submission: Submission;
  from: SubmissionStatus;
  to: SubmissionStatus;
  action: WorkflowAction;
  auditEventId: number;
  nominationId: number | null;
}

export async function runTransition(
  ctx: Ctx,
  submissionId: number,
  action: WorkflowAction,
  input: TransitionInputData = {},
  expectedVersion?: number | null,
): Promise<TransitionOutcome> {
  const user = requireUser(ctx);
  try {
    return await ctx.em.transactional(async (em) => {
      const now = new Date();
      const sub = await loadSubmission(em, submissionId);
      const { roles, assigned } = await rolesForAction(em, user, sub);
      if (expectedVersion != null && expectedVersion !== sub.version) {
        throw conflict('Penilaian telah diubah oleh pengguna lain; muat ulang lalu coba lagi', { currentVersion: sub.version });
      }
      const t = resolveTransition(sub.status, action, roles, await submissionRoute(em, sub));
      if (t.guards.includes('assignedEvaluator') && !assigned) throw forbidden('Hanya evaluator yang ditugaskan pada usulan ini');
      if (t.stage) await assertStageOpen(em, sub, t.stage, now);
      validateInput(action, input);

      const fc: FactContext = { em, user, sub, t, input, assigned, now };
      const facts = await gatherFacts(fc);
      assertGuards(t, evaluateGuards(t, facts), fc.unanswered ? { unansweredSoalIds: fc.unanswered } : {});

      const from = sub.status;
      const to = destination(t, { returnedBy: sub.returnedBy ?? null, awarded: !!input.awarded }) as SubmissionStatus;
      const before = { status: from, round: sub.round, returnedBy: sub.returnedBy ?? null, version: sub.version };
      const extra = await applyEffects(fc, from);

      if (t.copyLevel)
        await copyLevelAnswers(
          em,
          await instrumentOf(em, sub.period.instrumentVersion.id),
          sub.id,
          t.copyLevel.from as AnswerLevel,
          t.copyLevel.to as AnswerLevel,
          user.id,
        );
      if (t.returnedBy) {
        sub.returnedBy = t.returnedBy as ReturnedBy;
        sub.returnReason = filled(input.reason) ? input.reason!.trim() : null;
        sub.returnedAt = now;
      } else if (action === 'resubmit') sub.returnedBy = null;
      if (t.newRound) sub.round += 1;
      sub.status = to;
      sub.updatedAt = now;

      const reason = input.reason ?? (action === 'nominate' ? input.overrideReason : null) ?? null;
      const ev = audit(em, ctx, {
        action: `submission.${action}`,
        objectType: 'Submission',
        objectId: sub.id,
        kanwilId: sub.satker.kanwil.id,
        satkerId: sub.satker.id,
        before,
        after: { status: to, round: sub.round, returnedBy: sub.returnedBy ?? null, ...extra.audit },
        reason: filled(reason) ? reason : null,
      });
      await notifyTransition(em, ctx, sub, action, to, filled(reason) ? reason! : null);
      await em.flush();
      return { submission: sub, from, to, action, auditEventId: ev.id, nominationId: extra.nominationId ?? null };
    });
  } catch (e) {
    if (e instanceof OptimisticLockError) throw conflict('Penilaian telah diubah oleh pengguna lain; muat ulang lalu coba lagi');
    throw e;
  }
}

/** What each action records besides the status (rows of its own module), returned for the audit event. */
async function applyEffects(fc: FactContext, from: SubmissionStatus): Promise<{ audit: Record<string, unknown>; nominationId?: number }> {
  const { em, sub, input, user, now, t } = fc;
  const userRef = em.getReference(User, user.id);
  switch (t.action) {
    case 'finalise': {
      const lhe = await em.findOne(Evidence, { submission: sub.id, purpose: EvidencePurpose.LHE, deleted: false }, { orderBy: { id: 'desc' } });
      const d = em.create(DeskEvaluation, {
        submission: sub,
        round: sub.round,
        recommendation: input.recommendation!.trim(),
        recommendedPredicate: input.recommendedPredicate!,
        lheEvidenceId: lhe?.id ?? null,
        finalisedBy: userRef,
        finalisedAt: now,
      });
      em.persist(d);
      return { audit: { recommendation: d.recommendation, recommendedPredicate: d.recommendedPredicate, lheEvidenceId: d.lheEvidenceId } };
    }
    case 'nominate': {
      const a = fc.nomination!;
      const n = em.create(Nomination, {
        submission: sub,
        target: sub.target,
        afirmasi: !!input.afirmasi,
        status: NominationStatus.ACTIVE,
        eligibility: { ...a.eligibility, score: a.score, hasWbk: a.hasWbk, revocationBanUntil: a.revocationBanUntil, nominationDate: a.nominationDate },
        checklist: a.checklist,
        overrideReason: a.eligible ? null : input.overrideReason!.trim(),
        nominatedBy: userRef,
        nominatedAt: now,
      });
      em.persist(n);
      await em.flush();
      return {
        nominationId: n.id,
        audit: {
          nominationId: n.id,
          afirmasi: n.afirmasi,
          eligible: a.eligible,
          overrideReason: n.overrideReason ?? null,
          failures: a.thresholdFailures.map((f) => f.message),
        },
      };
    }
    case 'withdrawNomination': {
      const n = await activeNomination(em, sub.id);
      if (n) {
        n.status = NominationStatus.WITHDRAWN;
        n.withdrawnBy = userRef;
        n.withdrawnAt = now;
        n.withdrawnReason = input.reason ?? null;
      }
      return { audit: { nominationId: n?.id ?? null } };
    }
    case 'recordTpmOutcome': {
      // WBK-mandiri: the instansi's own team awards WBK with its decree (P5/2024), in the predicate history as TPM
      const tpm = fc.tpn!;
      let predicateId: number | null = null;
      if (input.awarded) {
        const p = em.create(PredicateHistory, {
          satker: sub.satker,
          predicate: Predicate.WBK,
          year: sub.period.year,
          decreeNumber: input.decreeNumber!.trim(),
          decreeDate: input.decreeDate!,
          awardedBy: AwardTrack.TPM,
          revoked: false,
        });
        em.persist(p);
        await em.flush();
        predicateId = p.id;
      }
      return {
        audit: {
          awarded: !!input.awarded,
          awardedBy: AwardTrack.TPM,
          predicate: input.awarded ? Predicate.WBK : null,
          decreeNumber: input.decreeNumber!.trim(),
          decreeDate: input.decreeDate,
          computedEligible: tpm.eligibility.eligible,
          tpmTotal: tpm.score.total,
          predicateId,
        },
      };
    }
    case 'recordTpnOutcome': {
      const tpn = fc.tpn!;
      // A submission marked NOMINATED without a nomination record (imported or older data) still gets its outcome.
      const n =
        (await activeNomination(em, sub.id)) ??
        em.create(Nomination, {
          submission: sub,
          target: sub.target,
          afirmasi: false,
          status: NominationStatus.ACTIVE,
          eligibility: { missing: true, note: 'Usulan tanpa catatan nominasi; dibuat saat hasil TPN dicatat' },
          checklist: [],
          nominatedBy: userRef,
          nominatedAt: now,
        });
      em.persist(n);
      const predicate = (input.predicate ?? sub.target) as TargetPredicate;
      n.status = input.awarded ? NominationStatus.AWARDED : NominationStatus.NOT_AWARDED;
      n.predicate = input.awarded ? predicate : null;
      n.decreeNumber = input.decreeNumber!.trim();
      n.decreeDate = input.decreeDate!;
      n.outcomeReason = input.reason ?? null;
      n.tpnEligibility = { ...tpn.eligibility, total: tpn.score.total, pengungkit: tpn.score.pengungkit, hasil: tpn.score.hasil };
      n.decidedBy = userRef;
      n.decidedAt = now;
      let predicateId: number | null = null;
      if (input.awarded) {
        const p = em.create(PredicateHistory, {
          satker: sub.satker,
          predicate: predicate as unknown as Predicate,
          year: sub.period.year,
          decreeNumber: n.decreeNumber,
          decreeDate: n.decreeDate,
          revoked: false,
        });
        em.persist(p);
        await em.flush();
        predicateId = p.id;
      }
      return {
        nominationId: n.id,
        audit: {
          nominationId: n.id,
          awarded: !!input.awarded,
          predicate: n.predicate ?? null,
          decreeNumber: n.decreeNumber,
          decreeDate: n.decreeDate,
          computedEligible: tpn.eligibility.eligible,
          tpnTotal: tpn.score.total,
          predicateId,
        },
      };
    }
    default:
      return { audit: from === SubmissionStatus.REVISION_REQUESTED ? {} : {} };
  }
}

export function activeNomination(em: EntityManager, submissionId: number): Promise<Nomination | null> {
  return em.findOne(Nomination, { submission: submissionId, status: NominationStatus.ACTIVE }, { orderBy: { id: 'desc' } });
}

// ------------------------------------------------------------------------------------------------------------
// What the SPA shows: the actions open to the user, each enabled or with the reasons it is not.
// ------------------------------------------------------------------------------------------------------------

export interface ActionAvailability {
  action: WorkflowAction;
  label: string;
  labelEn: string;
  enabled: boolean;
  /** Unmet guards and closed deadlines (Indonesian). */
  reasons: string[];
  /** Guards the user meets by filling the action's form (reason, decree, recommendation, override). */
  needsInput: string[];
  to: string;
  deadline: Date | null;
}

export async function availableActions(ctx: Ctx, submissionId: number): Promise<ActionAvailability[]> {
  const user = requireUser(ctx);
  const em = ctx.em;
  const now = new Date();
  const sub = await loadSubmission(em, submissionId);
  const { roles, assigned } = await rolesForAction(em, user, sub);
  const out: ActionAvailability[] = [];
  const seen = new Set<WorkflowAction>();
  for (const t of transitionsFor(sub.status as SharedStatus, roles, await submissionRoute(em, sub))) {
    if (seen.has(t.action)) continue;
    seen.add(t.action);
    const reasons: string[] = [];
    const needsInput: string[] = [];
    let deadline: Date | null = null;
    if (t.stage) {
      deadline = await effectiveDeadline(em, sub.period, t.stage, sub.satker.id);
      if (deadline && now.getTime() > deadline.getTime())
        reasons.push(`Batas waktu ${stageText(t.stage)} (${deadline.toISOString().slice(0, 10)}) telah lewat`);
    }
    let blocking = reasons.length > 0;
    const fc: FactContext = { em, user, sub, t, input: {}, assigned, now };
    try {
      const results = evaluateGuards(t, await gatherFacts(fc));
      for (const r of results.filter((x) => !x.ok)) {
        if (INPUT_GUARDS.includes(r.guard) || r.guard === 'eligibleOrOverride') needsInput.push(r.guard);
        else blocking = true;
        if (!INPUT_GUARDS.includes(r.guard)) reasons.push(r.message);
      }
    } catch (e) {
      blocking = true;
      reasons.push(e instanceof Error ? e.message : String(e));
    }
    out.push({
      action: t.action,
      label: ACTION_LABELS[t.action].id,
      labelEn: ACTION_LABELS[t.action].en,
      enabled: !blocking,
      reasons,
      needsInput,
      to: String(t.to),
      deadline,
    });
  }
  return out;
}

export interface SubmitBlockers {
  action: WorkflowAction;
  unansweredSoalIds: number[];
  unansweredCodes: string[];
  pencananganMissing: boolean;
  deadline: Date | null;
  deadlinePassed: boolean;
  guards: GuardResult[];
  canSubmit: boolean;
}

/** What stands between the coordinator and submitting (or resubmitting): unanswered items, date, deadline. */
export async function submitBlockers(ctx: Ctx, submissionId: number): Promise<SubmitBlockers> {
  const user = requireUser(ctx);
  const em = ctx.em;
  const sub = await loadSubmission(em, submissionId);
  const { assigned } = await rolesForAction(em, user, sub);
  const action: WorkflowAction = sub.status === SubmissionStatus.REVISION_REQUESTED ? 'resubmit' : 'submit';
  const t = TRANSITIONS.find((x) => x.action === action && x.roles.includes('COORDINATOR'))!;
  const now = new Date();
  const fc: FactContext = { em, user, sub, t, input: {}, assigned, now };
  const facts = await gatherFacts(fc);
  const guards = evaluateGuards(t, facts);
  const inst = await instrumentOf(em, sub.period.instrumentVersion.id);
  const deadline = t.stage ? await effectiveDeadline(em, sub.period, t.stage, sub.satker.id) : null;
  const passed = !!deadline && now.getTime() > deadline.getTime();
  const statusOk = t.from.includes(sub.status as SharedStatus);
  return {
    action,
    unansweredSoalIds: fc.unanswered ?? [],
    unansweredCodes: (fc.unanswered ?? []).map((id) => inst.itemById[id]?.code ?? String(id)),
    pencananganMissing: !filled(sub.pencananganDate),
    deadline,
    deadlinePassed: passed,
    guards,
    canSubmit: statusOk && !passed && guards.every((g) => g.ok),
  };
}
