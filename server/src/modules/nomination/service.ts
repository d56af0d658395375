import { requireUser } from '../../common/authz';
import type { Ctx } from '../../common/context';
import { instrumentOf } from '../instrument/service';
import { loadSubmission, rolesForAction } from '../workflow/service';
import { assessNomination, type ChecklistInputData, type NominationAssessment } from './checklist';
import { Nomination } from './entities';

/** What nominating now would find (eligibility on TPI scores + checklist), without nominating. */
export async function previewNomination(ctx: Ctx, submissionId: number, checklist: ChecklistInputData): Promise<NominationAssessment> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await rolesForAction(ctx.em, user, sub);
  const inst = await instrumentOf(ctx.em, sub.period.instrumentVersion.id);
  return assessNomination(ctx.em, inst, sub, checklist);
}

/** Every nomination of a submission (withdrawn ones too), newest first. */
export async function listNominations(ctx: Ctx, submissionId: number): Promise<Nomination[]> {
  const user = requireUser(ctx);
  const sub = await loadSubmission(ctx.em, submissionId);
  await rolesForAction(ctx.em, user, sub);
  return ctx.em.find(Nomination, { submission: submissionId }, { populate: ['nominatedBy'], orderBy: { id: 'desc' } });
}
