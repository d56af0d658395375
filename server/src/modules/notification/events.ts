/**
 * Who hears of which event: called by the workflow and review services inside their transaction, so a
 * notification exists exactly when its event was committed.
 */
import type { EntityManager } from '@mikro-orm/sqlite';
import type { SubmissionStatus as SharedStatus, WorkflowAction } from '@pantau/shared';
import type { Ctx } from '../../common/context';
import type { Submission } from '../submission/entities';
import { NotificationKind } from './messages';
import { notify, recipientsOf, type Audience } from './service';

const lke = (s: Submission) => `/submissions/${s.id}/lke`;
const unit = (s: Submission) => `/submissions/${s.id}`;

const HANDOFF_TO: Partial<Record<WorkflowAction, Audience[]>> = {
  forward: ['evaluators', 'coordinators'],
  startDeskReview: ['coordinators'],
  finalise: ['kanwilHeads', 'coordinators'],
  nominate: ['coordinators'],
  withdrawNomination: ['coordinators'],
  recordTpnOutcome: ['coordinators', 'kanwilHeads'],
  withdraw: ['coordinators', 'kanwilHeads'],
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
  const audience: Audience[] | undefined =
    action === 'submit' || action === 'resubmit' ? (to === 'SUBMITTED' ? ['kanwilHeads'] : ['evaluators']) : HANDOFF_TO[action];
  if (!audience) return;
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
