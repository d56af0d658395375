import { Arg, Ctx as GqlCtx, Int, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { TargetPredicate } from '../../common/enums';
import { userRef } from '../review/types';
import type { ChecklistItem, NominationAssessment } from './checklist';
import type { Nomination } from './entities';
import { listNominations, previewNomination } from './service';
import { NominationAssessmentGql, NominationChecklistInput, NominationGql } from './types';

export function assessmentView(a: NominationAssessment): NominationAssessmentGql {
  const blockers: string[] = [];
  if (a.target === 'WBBM' && !a.hasWbk) blockers.push('WBBM hanya dapat diusulkan untuk unit yang sudah berpredikat WBK');
  if (a.revocationBanUntil && a.nominationDate < a.revocationBanUntil)
    blockers.push(`Predikat unit pernah dicabut: tidak dapat diusulkan sampai ${a.revocationBanUntil}`);
  return {
    target: a.target as TargetPredicate,
    nominationDate: a.nominationDate,
    eligible: a.eligible,
    thresholdFailures: a.thresholdFailures.map((f) => f.message),
    hasWbk: a.hasWbk,
    revocationBanUntil: a.revocationBanUntil,
    checklist: a.checklist,
    prerequisitesMissing: a.prerequisitesMissing,
    blockers,
    eligibility: { ...a.eligibility, score: a.score },
  };
}

export function nominationView(n: Nomination): NominationGql {
  return {
    id: n.id,
    submissionId: n.submission.id,
    target: n.target,
    afirmasi: n.afirmasi,
    status: n.status,
    eligibility: n.eligibility,
    checklist: (n.checklist as ChecklistItem[]) ?? [],
    overrideReason: n.overrideReason ?? null,
    nominatedBy: userRef(n.nominatedBy)!,
    nominatedAt: n.nominatedAt,
    withdrawnAt: n.withdrawnAt ?? null,
    withdrawnReason: n.withdrawnReason ?? null,
    predicate: n.predicate ?? null,
    decreeNumber: n.decreeNumber ?? null,
    decreeDate: n.decreeDate ?? null,
    outcomeReason: n.outcomeReason ?? null,
    tpnEligibility: n.tpnEligibility ?? null,
    decidedAt: n.decidedAt ?? null,
  };
}

@Resolver()
export class NominationResolver {
  @Query(() => NominationAssessmentGql, { description: 'Eligibility on TPI scores + prerequisite checklist, as nominating now would record them' })
  async nominationPreview(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('checklist', () => NominationChecklistInput, { nullable: true }) checklist?: NominationChecklistInput | null,
  ): Promise<NominationAssessmentGql> {
    return assessmentView(await previewNomination(ctx, submissionId, checklist ?? {}));
  }

  @Query(() => [NominationGql], { description: 'Nominations of a submission (with snapshots and TPN outcome), newest first' })
  async nominations(@GqlCtx() ctx: Ctx, @Arg('submissionId', () => Int) submissionId: number): Promise<NominationGql[]> {
    return (await listNominations(ctx, submissionId)).map(nominationView);
  }
}
