import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { SubmissionGql } from '../submission/types';
import { deleteEvidence, evidenceBySubmissionLoader, listEvidence } from './service';
import { EvidenceGql, evidenceView } from './types';

@Resolver(() => EvidenceGql)
export class EvidenceResolver {
  @Query(() => [EvidenceGql], {
    description: 'Evidence of a submission (all items at once when soalId is omitted: one query set for the whole submission), with revisions',
  })
  async evidence(
    @GqlCtx() ctx: Ctx,
    @Arg('submissionId', () => Int) submissionId: number,
    @Arg('soalId', () => Int, { nullable: true }) soalId?: number | null,
  ): Promise<EvidenceGql[]> {
    const rows = await listEvidence(ctx, submissionId, soalId);
    return rows.map(evidenceView);
  }

  @Mutation(() => EvidenceGql, { description: 'Soft-deletes an evidence (its files stay stored and audited)' })
  async deleteEvidence(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<EvidenceGql> {
    return evidenceView(await deleteEvidence(ctx, id));
  }
}

/** `Submission.evidence`: batched across submissions (the parent resolver already authorised the submission). */
@Resolver(() => SubmissionGql)
export class SubmissionEvidenceResolver {
  @FieldResolver(() => [EvidenceGql], { description: 'Evidence of this submission (optionally of one item), with revisions' })
  async evidence(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql, @Arg('soalId', () => Int, { nullable: true }) soalId?: number | null): Promise<EvidenceGql[]> {
    const rows = await evidenceBySubmissionLoader(ctx).load(s.id);
    return (soalId != null ? rows.filter((r) => r.soalId === soalId) : rows).map(evidenceView);
  }
}
