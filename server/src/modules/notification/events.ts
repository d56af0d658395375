/**
 * Who hears of which event: called by the workflow and review services inside their transaction, so a
 * notification exists exactly when its event was committed.
 */
import type { EntityManager } from '@mikro-orm/sqlite';
import { nextActors, type Role, type SubmissionStatus as SharedStatus, type WorkflowAction } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import type { Submission } from '../submission/entities';
import { NotificationKind } from './messages';
import { submissionRoute } from '../route/lookup';
import { notify, recipientsOf, type Audience } from './service';

const lke = (s: Submission) => `/submissions/${s.id}/lke`;
const unit = (s: Submission) => `/submissions/${s.id}`;

/** 'next': whoever acts next on the submission's route (shared nextActors), e.g. the Eselon I reviewers or the TPM. */
type HandoffAudience = Audience | 'next';
const HANDOFF_TO: Partial<Record<WorkflowAction, HandoffAudience[]>> = {
  submit: ['next'],
  resubmit: ['next'],
  forward: ['next', 'coordinators'],
  startDeskReview: ['coordinators'],
  finalise: ['next', 'coordinators'],
  nominate: ['coordinators'],
  withdrawNomination: ['coordinators'],
  recordTpnOutcome: ['coordinators', 'kanwilHeads'],
  withdraw: ['coordinators', 'kanwilHeads'],
};

const AUDIENCE_OF: Partial<Record<Role, Audience>> = {
  COORDINATOR: 'coordinators',
  KANWIL_HEAD: 'kanwilHeads',
  EVALUATOR: 'evaluators',
  ESELON_REVIEWER: 'eselonReviewers',
  TPM_EVALUATOR: 'tpmEvaluators',
};

const optsOf = (ctx: Ctx) => ({ emailEnabled: !!ctx.config.smtpUrl });

export async function notifyTransition(em: EntityManager, ctx: Ctx, sub: Submission, action: WorkflowAction, to: string, reason: string | null): Promise<void> {
  const actor = ctx.user?.id ?? null;
  if (action === 'return') {
    await notify(em, optsOf(ctx), {
      userIds: await recipientsOf(em, sub, ['coordinators']),
      exceptUserId: actor,
      message: { kind: NotificationKind.RETURNED, unit: sub.satker.name, by: sub.returnedBy ?? 'KANWIL', reason },
      path: lke(sub),
      submission: sub,
    });
    return;
  }
  const handoff = HANDOFF_TO[action];
  if (!handoff) return;
  const audience: Audience[] = handoff.filter((a): a is Audience => a !== 'next');
  if (handoff.includes('next'))
    for (const role of nextActors(to as SharedStatus, await submissionRoute(em, sub))) if (AUDIENCE_OF[role]) audience.push(AUDIENCE_OF[role]);
  await notify(em, optsOf(ctx), {
    userIds: await recipientsOf(em, sub, audience),
    exceptUserId: actor,
    message: { kind: NotificationKind.HANDOFF, unit: sub.satker.name, action, to: to as SharedStatus },
    path: ['submit', 'resubmit', 'forward', 'startDeskReview'].includes(action) ? lke(sub) : unit(sub),
    submission: sub,
  });
}

/** A reviewer's note reaches the unit; a reply reaches the thread's author and the unit (never the writer). */
export async function notifyNote(
  em: EntityManager,
  ctx: Ctx,
  sub: Submission,
  note: { soalId: number; itemCode: string; body: string; rootAuthorId: number | null },
): Promise<void> {
  const userIds = await recipientsOf(em, sub, ['coordinators']);
  if (note.rootAuthorId != null) userIds.push(note.rootAuthorId);
  await notify(em, optsOf(ctx), {
    userIds,
    exceptUserId: ctx.user?.id ?? null,
    message: {
      kind: note.rootAuthorId != null ? NotificationKind.REPLY : NotificationKind.NOTE,
      unit: sub.satker.name,
      item: note.itemCode,
      author: ctx.user?.displayName ?? '',
      body: note.body,
    },
    path: `${lke(sub)}?item=${note.soalId}`,
    submission: sub,
  });
}

export async function notifyAssigned(em: EntityManager, ctx: Ctx, sub: Submission, evaluatorId: number): Promise<void> {
  await notify(em, optsOf(ctx), {
    userIds: [evaluatorId],
    exceptUserId: ctx.user?.id ?? null,
    message: { kind: NotificationKind.ASSIGNED, unit: sub.satker.name },
    path: lke(sub),
    submission: sub,
  });
}
