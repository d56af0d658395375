import DataLoader from 'dataloader';
import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { memo } from '../../common/context';
import { SubmissionGql } from '../submission/types';
import { Evidence } from './entities';
import { deleteEvidence, listEvidence } from './service';
import { EvidenceGql, evidenceView } from './types';

/** Evidence of many submissions in one query set (evidence + revisions + uploaders), per request. */
export function evidenceBySubmissionLoader(ctx: Ctx): DataLoader<number, Evidence[]> {
  return memo(ctx, 'loader:evidence', () =>
    new DataLoader<number, Evidence[]>(async (ids) => {
      const rows = await ctx.em.find(
        Evidence,
        { submission: { $in: [...ids] }, deleted: false },
        { populate: ['revisions', 'revisions.uploadedBy'], orderBy: { soalId: 'asc', id: 'asc' } },
      );
      const by = new Map<number, Evidence[]>();
      for (const r of rows) {
        const l = by.get(r.submission.id);
        if (l) l.push(r);
        else by.set(r.submission.id, [r]);
      }
      return ids.map((id) => by.get(id) ?? []);
    }),
  );
}

@Resolver(() => EvidenceGql)
export class EvidenceResolver {
  @Query(() => [EvidenceGql], {
    description:
      'Evidence of a submission (all items at once when soalId is omitted: one query set for the whole submission), with revisions',
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
    await deleteEvidence(ctx, id);
    const e = await ctx.em.findOneOrFail(Evidence, id, { populate: ['revisions', 'revisions.uploadedBy'] });
    return evidenceView(e);
  }
}

/** `Submission.evidence`: batched across submissions (the parent resolver already authorised the submission). */
@Resolver(() => SubmissionGql)
export class SubmissionEvidenceResolver {
  @FieldResolver(() => [EvidenceGql], { description: 'Evidence of this submission (optionally of one item), with revisions' })
  async evidence(
    @GqlCtx() ctx: Ctx,
    @Root() s: SubmissionGql,
    @Arg('soalId', () => Int, { nullable: true }) soalId?: number | null,
  ): Promise<EvidenceGql[]> {
    const rows = await evidenceBySubmissionLoader(ctx).load(s.id);
    return (soalId != null ? rows.filter((r) => r.soalId === soalId) : rows).map(evidenceView);
  }
}
