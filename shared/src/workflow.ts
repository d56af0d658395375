/**
 * The submission state machine (DESIGN.md): one table of state × action × role × guard, read by the server
 * (which enforces it) and by the SPA (which shows only the buttons a user may press, and why one is disabled).
 */

import { DEFAULT_ROUTE, routeMatches, type ReviewRoute } from './route';
import type { Level, ReturnedBy, Role, Stage, SubmissionStatus, Target } from './vocabulary';
export type { Level, Role, Stage, SubmissionStatus } from './vocabulary';

export type WorkflowAction =
  | 'submit'
  | 'forward'
  | 'return'
  | 'startDeskReview'
  | 'resubmit'
  | 'finalise'
  | 'nominate'
  | 'withdrawNomination'
  | 'recordTpnOutcome'
  | 'recordTpmOutcome'
  | 'withdraw';

export type Guard =
  | 'complete'
  | 'pencanganSet'
  | 'kanwilAnswersSet'
  | 'eselonAnswersSet'
  | 'tpmAnswersSet'
  | 'wbkTarget'
  | 'itemNote'
  | 'assignedEvaluator'
  | 'tpiAnswersSet'
  | 'lheUploaded'
  | 'recommendationGiven'
  | 'eligibleOrOverride'
  | 'prerequisites'
  | 'wbbmNeedsWbk'
  | 'noRevocationBan'
  | 'noTpnResult'
  | 'decree'
  | 'differenceReason'
  | 'reason'
  | 'beforeDeskReview';

/** Where a transition goes: a status, back to whoever returned it, or the TPN outcome given. */
export type Destination = SubmissionStatus | 'RETURNER' | 'OUTCOME';

export interface Transition {
  from: SubmissionStatus[];
  action: WorkflowAction;
  roles: Role[];
  guards: Guard[];
  to: Destination;
  /** The stage whose deadline closes this transition. */
  stage?: Stage;
  /** Who returned the submission, recorded on a return. */
  returnedBy?: ReturnedBy;
  /** A return by the TPI opens a new round. */
  newRound?: boolean;
  /** Level whose answers start as copies of another level's on entering. */
  copyLevel?: { from: Level; to: Level };
  /** Only on routes with these properties (route.ts); none: on every route. */
  route?: Partial<ReviewRoute>;
}

const BEFORE_DESK: SubmissionStatus[] = ['DRAFT', 'SUBMITTED', 'KANWIL_REVIEWED', 'ESELON_I_REVIEW', 'ESELON_I_REVIEWED', 'REVISION_REQUESTED'];
const BEFORE_NOMINATION: SubmissionStatus[] = [...BEFORE_DESK, 'IN_DESK_REVIEW', 'DESK_EVALUATED'];
/** The statuses the desk team starts from: after the Kanwil, or after the Eselon I step when the route has one. */
const READY_FOR_DESK = [
  { from: 'KANWIL_REVIEWED', level: 'KANWIL', eselonStep: false },
  { from: 'ESELON_I_REVIEWED', level: 'ESELON_I', eselonStep: true },
] as const;

/** The desk team's rows (TPI: the assigned Itjen evaluator; TPM: the instansi's own team), for one route. */
function deskTransitions(team: 'TPI' | 'TPM'): Transition[] {
  const roles: Role[] = team === 'TPI' ? ['EVALUATOR'] : ['TPM_EVALUATOR'];
  const who: Guard[] = team === 'TPI' ? ['assignedEvaluator'] : [];
  return [
    ...READY_FOR_DESK.map((r): Transition => ({
      from: [r.from],
      action: 'startDeskReview',
      roles,
      guards: who,
      to: 'IN_DESK_REVIEW',
      stage: 'deskEvaluation',
      copyLevel: { from: r.level, to: team },
      route: { deskTeam: team, eselonStep: r.eselonStep },
    })),
    {
      from: ['IN_DESK_REVIEW'],
      action: 'return',
      roles,
      guards: [...who, 'itemNote'],
      to: 'REVISION_REQUESTED',
      stage: 'deskEvaluation',
      returnedBy: team,
      newRound: true,
      route: { deskTeam: team },
    },
    {
      from: ['IN_DESK_REVIEW'],
      action: 'finalise',
      roles,
      guards: [...who, team === 'TPI' ? 'tpiAnswersSet' : 'tpmAnswersSet', 'lheUploaded', 'recommendationGiven'],
      to: 'DESK_EVALUATED',
      stage: 'deskEvaluation',
      route: { deskTeam: team },
    },
  ];
}

/**
 * DESIGN.md's transition table, for every route (rows with `route` belong to one kind of route only). ADMIN may do
 * everything a Kanwil head may, on the Eselon I step too; the desk steps are the desk team's own.
 */
export const TRANSITIONS: Transition[] = [
  {
    from: ['DRAFT'],
    action: 'submit',
    roles: ['COORDINATOR'],
    guards: ['complete', 'pencanganSet'],
    to: 'SUBMITTED',
    stage: 'selfAssessment',
    copyLevel: { from: 'SELF', to: 'KANWIL' },
  },
  {
    from: ['SUBMITTED'],
    action: 'forward',
    roles: ['KANWIL_HEAD', 'ADMIN'],
    guards: ['kanwilAnswersSet'],
    to: 'KANWIL_REVIEWED',
    stage: 'kanwilReview',
    route: { eselonStep: false },
  },
  {
    from: ['SUBMITTED'],
    action: 'forward',
    roles: ['KANWIL_HEAD', 'ADMIN'],
    guards: ['kanwilAnswersSet'],
    to: 'ESELON_I_REVIEW',
    stage: 'kanwilReview',
    copyLevel: { from: 'KANWIL', to: 'ESELON_I' },
    route: { eselonStep: true },
  },
  {
    from: ['SUBMITTED'],
    action: 'return',
    roles: ['KANWIL_HEAD', 'ADMIN'],
    guards: ['itemNote'],
    to: 'REVISION_REQUESTED',
    stage: 'kanwilReview',
    returnedBy: 'KANWIL',
  },
  {
    from: ['ESELON_I_REVIEW'],
    action: 'forward',
    roles: ['ESELON_REVIEWER', 'ADMIN'],
    guards: ['eselonAnswersSet'],
    to: 'ESELON_I_REVIEWED',
    stage: 'eselonReview',
    route: { eselonStep: true },
  },
  {
    from: ['ESELON_I_REVIEW'],
    action: 'return',
    roles: ['ESELON_REVIEWER', 'ADMIN'],
    guards: ['itemNote'],
    to: 'REVISION_REQUESTED',
    stage: 'eselonReview',
    returnedBy: 'ESELON_I',
    route: { eselonStep: true },
  },
  ...deskTransitions('TPI'),
  ...deskTransitions('TPM'),
  { from: ['REVISION_REQUESTED'], action: 'resubmit', roles: ['COORDINATOR'], guards: ['complete'], to: 'RETURNER' },
  {
    from: ['DESK_EVALUATED'],
    action: 'nominate',
    roles: ['KANWIL_HEAD', 'ADMIN'],
    guards: ['eligibleOrOverride', 'prerequisites', 'wbbmNeedsWbk', 'noRevocationBan'],
    to: 'NOMINATED',
    stage: 'nomination',
  },
  { from: ['NOMINATED'], action: 'withdrawNomination', roles: ['KANWIL_HEAD', 'ADMIN'], guards: ['noTpnResult', 'reason'], to: 'DESK_EVALUATED' },
  { from: ['NOMINATED'], action: 'recordTpnOutcome', roles: ['KANWIL_HEAD', 'ADMIN'], guards: ['decree', 'differenceReason'], to: 'OUTCOME' },
  // WBK-mandiri (P5/2024): on a TPM route the instansi's own team awards WBK with its decree (WBBM still goes to the TPN)
  {
    from: ['DESK_EVALUATED'],
    action: 'recordTpmOutcome',
    roles: ['TPM_EVALUATOR'],
    guards: ['wbkTarget', 'decree', 'differenceReason'],
    to: 'OUTCOME',
    route: { deskTeam: 'TPM' },
  },
  {
    from: BEFORE_DESK,
    action: 'withdraw',
    roles: ['COORDINATOR'],
    guards: ['beforeDeskReview', 'reason'],
    to: 'WITHDRAWN',
  },
  { from: BEFORE_NOMINATION, action: 'withdraw', roles: ['KANWIL_HEAD', 'ADMIN'], guards: ['reason'], to: 'WITHDRAWN' },
];

/** Who writes which level in which status (everything else is read-only for that role), on which routes. */
export const LEVEL_WRITERS: { level: Level; roles: Role[]; statuses: SubmissionStatus[]; assignedOnly?: boolean; route?: Partial<ReviewRoute> }[] = [
  { level: 'SELF', roles: ['COORDINATOR'], statuses: ['DRAFT', 'REVISION_REQUESTED'] },
  { level: 'KANWIL', roles: ['KANWIL_HEAD', 'ADMIN'], statuses: ['SUBMITTED'] },
  { level: 'ESELON_I', roles: ['ESELON_REVIEWER', 'ADMIN'], statuses: ['ESELON_I_REVIEW'], route: { eselonStep: true } },
  { level: 'TPI', roles: ['EVALUATOR'], statuses: ['IN_DESK_REVIEW'], assignedOnly: true, route: { deskTeam: 'TPI' } },
  { level: 'TPM', roles: ['TPM_EVALUATOR'], statuses: ['IN_DESK_REVIEW'], route: { deskTeam: 'TPM' } },
  { level: 'TPN', roles: ['KANWIL_HEAD', 'ADMIN'], statuses: ['NOMINATED'] },
];

/** Stage whose deadline closes writing a level. */
export const LEVEL_STAGE: Partial<Record<Level, Stage>> = {
  SELF: 'selfAssessment',
  KANWIL: 'kanwilReview',
  ESELON_I: 'eselonReview',
  TPI: 'deskEvaluation',
  TPM: 'deskEvaluation',
};

/** The stage a returner works within (the unit revises within it). */
const RETURNER_STAGE: Record<ReturnedBy, Stage> = { KANWIL: 'kanwilReview', ESELON_I: 'eselonReview', TPI: 'deskEvaluation', TPM: 'deskEvaluation' };

/**
 * The stage whose deadline closes writing a level in a status. SELF answers are closed by the self-assessment
 * deadline, except during a revision: then the unit works within the stage of whoever returned the submission.
 */
export function levelWriteStage(level: Level, status: SubmissionStatus, returnedBy?: ReturnedBy | null): Stage | null {
  if (level === 'SELF' && status === 'REVISION_REQUESTED') return RETURNER_STAGE[returnedBy ?? 'KANWIL'];
  return LEVEL_STAGE[level] ?? null;
}

/** Guards met by what the user types with the action (a missing one is bad input, not a wrong state). */
export const INPUT_GUARDS: Guard[] = ['reason', 'decree', 'differenceReason', 'recommendationGiven'];

/** The level writers of a route. */
export function levelWritersOn(route: ReviewRoute = DEFAULT_ROUTE) {
  return LEVEL_WRITERS.filter((w) => routeMatches(w.route, route));
}

/** Whether who writes a level depends on the route (only then need the route be looked up). */
export function levelWritersDependOnRoute(level: Level): boolean {
  return LEVEL_WRITERS.some((w) => w.level === level && !!w.route);
}

export function canWriteLevel(level: Level, status: SubmissionStatus, roles: Role[], isAssigned = false, route: ReviewRoute = DEFAULT_ROUTE): boolean {
  return levelWritersOn(route).some(
    (w) => w.level === level && w.statuses.includes(status) && w.roles.some((r) => roles.includes(r)) && (!w.assignedOnly || isAssigned),
  );
}

/** Statuses in which a submission is finished: nothing about it changes any more (notes, assignments). */
export const FINAL_STATUSES: SubmissionStatus[] = ['AWARDED', 'NOT_AWARDED', 'WITHDRAWN'];

/**
 * Who replies in a review note's thread: admin, Kanwil head, the unit's coordinator, an assigned evaluator, and the
 * reviewers of a route's later steps (Eselon I reviewer, the instansi's TPM).
 */
export function mayReplyNotes(roles: Role[], isAssigned = false): boolean {
  return (
    roles.some((r) => r === 'ADMIN' || r === 'KANWIL_HEAD' || r === 'COORDINATOR' || r === 'ESELON_REVIEWER' || r === 'TPM_EVALUATOR') ||
    (roles.includes('EVALUATOR') && isAssigned)
  );
}

/** Replying in a note's thread now: one who may reply, while the submission is not final. */
export function canReplyNotes(status: SubmissionStatus, roles: Role[], isAssigned = false): boolean {
  return !FINAL_STATUSES.includes(status) && mayReplyNotes(roles, isAssigned);
}

/** The transitions of a route (the common rows and the route's own). */
export function routeTransitions(route: ReviewRoute = DEFAULT_ROUTE): Transition[] {
  return TRANSITIONS.filter((t) => routeMatches(t.route, route));
}

/** Transitions of a status open to any of the given roles on a route (guards not yet checked). */
export function transitionsFor(status: SubmissionStatus, roles: Role[], route: ReviewRoute = DEFAULT_ROUTE): Transition[] {
  return routeTransitions(route).filter((t) => t.from.includes(status) && t.roles.some((r) => roles.includes(r)));
}

export function findTransition(status: SubmissionStatus, action: WorkflowAction, roles: Role[], route: ReviewRoute = DEFAULT_ROUTE): Transition | null {
  return transitionsFor(status, roles, route).find((t) => t.action === action) ?? null;
}

/** Every action that exists from a status on a route, whoever may take it (for INVALID_STATE messages). */
export function actionsFrom(status: SubmissionStatus, route: ReviewRoute = DEFAULT_ROUTE): WorkflowAction[] {
  return [
    ...new Set(
      routeTransitions(route)
        .filter((t) => t.from.includes(status))
        .map((t) => t.action),
    ),
  ];
}

/**
 * Who acts next once a submission reaches a status on its route: the roles that may take one of its forward
 * actions (withdrawing is not the next step; the admin stands in for everyone and is not told of each hand-off).
 */
export function nextActors(status: SubmissionStatus, route: ReviewRoute = DEFAULT_ROUTE): Role[] {
  const roles = routeTransitions(route)
    .filter((t) => t.from.includes(status) && t.action !== 'withdraw')
    .flatMap((t) => t.roles)
    .filter((r) => r !== 'ADMIN');
  return [...new Set(roles)];
}

/** Facts about a submission that guards look at; the server gathers them, the SPA may too. */
export interface GuardFacts {
  completeness?: number;
  unansweredCount?: number;
  pencanganDate?: string | null;
  kanwilAnswersComplete?: boolean;
  eselonAnswersComplete?: boolean;
  tpmAnswersComplete?: boolean;
  openItemNotes?: number;
  isAssignedEvaluator?: boolean;
  tpiAnswersComplete?: boolean;
  lheUploaded?: boolean;
  recommendation?: string | null;
  eligible?: boolean;
  overrideReason?: string | null;
  /** Unmet prerequisite names (empty = all met). */
  prerequisitesMissing?: string[];
  target?: Target;
  hasWbk?: boolean;
  /** ISO date until which a revocation bans new proposals. */
  revocationBanUntil?: string | null;
  now?: string;
  hasTpnResult?: boolean;
  decreeNumber?: string | null;
  decreeDate?: string | null;
  /** The outcome recorded differs from the computed TPN result. */
  outcomeDiffers?: boolean;
  reason?: string | null;
  returnedBy?: ReturnedBy | null;
  deskReviewStarted?: boolean;
}

export interface GuardResult {
  guard: Guard;
  ok: boolean;
  message: string;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/** Indonesian sentences saying what a guard needs. */
const GUARD_MESSAGES: Record<Guard, (f: GuardFacts) => string> = {
  complete: (f) => `Semua butir wajib harus dijawab (${f.unansweredCount ?? 0} butir belum dijawab)`,
  pencanganSet: () => 'Tanggal pencanangan ZI harus diisi',
  kanwilAnswersSet: () => 'Semua jawaban tingkat Kanwil harus diisi',
  eselonAnswersSet: () => 'Semua jawaban tingkat Eselon I harus diisi',
  tpmAnswersSet: () => 'Semua jawaban TPM harus diisi',
  wbkTarget: () => 'TPM hanya dapat menetapkan predikat WBK; WBBM diusulkan ke TPN',
  itemNote: () => 'Tulis minimal satu catatan pada butir yang perlu diperbaiki',
  assignedEvaluator: () => 'Hanya evaluator yang ditugaskan pada usulan ini',
  tpiAnswersSet: () => 'Semua jawaban TPI harus diisi',
  lheUploaded: () => 'Laporan Hasil Evaluasi (LHE) harus diunggah',
  recommendationGiven: () => 'Rekomendasi evaluator harus diisi',
  eligibleOrOverride: () => 'Unit belum memenuhi syarat nilai: tuliskan alasan pengecualian',
  prerequisites: (f) => `Persyaratan belum lengkap: ${(f.prerequisitesMissing ?? []).join(', ')}`,
  wbbmNeedsWbk: () => 'WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK',
  noRevocationBan: (f) => `Predikat unit pernah dicabut: tidak dapat diusulkan sampai ${f.revocationBanUntil ?? '-'}`,
  noTpnResult: () => 'Hasil TPN sudah dicatat: usulan tidak dapat ditarik',
  decree: () => 'Nomor dan tanggal keputusan harus diisi',
  differenceReason: () => 'Hasil berbeda dari perhitungan nilai TPN: tuliskan alasannya',
  reason: () => 'Alasan harus diisi',
  beforeDeskReview: () => 'Koordinator hanya dapat menarik usulan sebelum evaluasi desk dimulai',
};

export function checkGuard(guard: Guard, f: GuardFacts): boolean {
  switch (guard) {
    case 'complete':
      return (f.completeness ?? 0) >= 1 - 1e-12;
    case 'pencanganSet':
      return filled(f.pencanganDate);
    case 'kanwilAnswersSet':
      return !!f.kanwilAnswersComplete;
    case 'eselonAnswersSet':
      return !!f.eselonAnswersComplete;
    case 'tpmAnswersSet':
      return !!f.tpmAnswersComplete;
    case 'wbkTarget':
      return f.target === 'WBK';
    case 'itemNote':
      return (f.openItemNotes ?? 0) > 0;
    case 'assignedEvaluator':
      return !!f.isAssignedEvaluator;
    case 'tpiAnswersSet':
      return !!f.tpiAnswersComplete;
    case 'lheUploaded':
      return !!f.lheUploaded;
    case 'recommendationGiven':
      return filled(f.recommendation);
    case 'eligibleOrOverride':
      return !!f.eligible || filled(f.overrideReason);
    case 'prerequisites':
      return (f.prerequisitesMissing ?? []).length === 0;
    case 'wbbmNeedsWbk':
      return f.target !== 'WBBM' || !!f.hasWbk;
    case 'noRevocationBan':
      return !f.revocationBanUntil || !f.now || f.now >= f.revocationBanUntil;
    case 'noTpnResult':
      return !f.hasTpnResult;
    case 'decree':
      return filled(f.decreeNumber) && filled(f.decreeDate);
    case 'differenceReason':
      return !f.outcomeDiffers || filled(f.reason);
    case 'reason':
      return filled(f.reason);
    case 'beforeDeskReview':
      return !f.deskReviewStarted;
  }
}

export function evaluateGuards(t: Transition, facts: GuardFacts): GuardResult[] {
  return t.guards.map((g) => ({ guard: g, ok: checkGuard(g, facts), message: GUARD_MESSAGES[g](facts) }));
}

/** Where a resubmission goes: back to the step that returned it. */
const RETURNER_STATUS: Record<ReturnedBy, SubmissionStatus> = {
  KANWIL: 'SUBMITTED',
  ESELON_I: 'ESELON_I_REVIEW',
  TPI: 'IN_DESK_REVIEW',
  TPM: 'IN_DESK_REVIEW',
};

/** The status a transition leads to. */
export function destination(t: Transition, ctx: { returnedBy?: ReturnedBy | null; awarded?: boolean }): SubmissionStatus {
  if (t.to === 'RETURNER') return RETURNER_STATUS[ctx.returnedBy ?? 'KANWIL'];
  if (t.to === 'OUTCOME') return ctx.awarded ? 'AWARDED' : 'NOT_AWARDED';
  return t.to;
}

/** Two years from a revocation decree date (ISO yyyy-mm-dd): the first day a unit may be proposed again. */
export function revocationBanUntil(revokedOn: string): string {
  const [y, m, d] = revokedOn.slice(0, 10).split('-').map(Number);
  // 29 Feb + 2 years rolls over to 1 Mar
  return new Date(Date.UTC(y + 2, m - 1, d)).toISOString().slice(0, 10);
}

export const ACTION_LABELS: Record<WorkflowAction, { id: string; en: string }> = {
  submit: { id: 'Ajukan', en: 'Submit' },
  forward: { id: 'Teruskan', en: 'Forward' },
  return: { id: 'Kembalikan untuk perbaikan', en: 'Return for revision' },
  startDeskReview: { id: 'Mulai evaluasi desk', en: 'Start desk review' },
  resubmit: { id: 'Ajukan ulang', en: 'Resubmit' },
  finalise: { id: 'Selesaikan evaluasi', en: 'Finalise evaluation' },
  nominate: { id: 'Usulkan ke TPN', en: 'Nominate to TPN' },
  withdrawNomination: { id: 'Tarik usulan TPN', en: 'Withdraw nomination' },
  recordTpnOutcome: { id: 'Catat hasil TPN', en: 'Record TPN outcome' },
  recordTpmOutcome: { id: 'Tetapkan hasil TPM (WBK mandiri)', en: 'Record TPM outcome (WBK-mandiri)' },
  withdraw: { id: 'Tarik pengajuan', en: 'Withdraw' },
};
