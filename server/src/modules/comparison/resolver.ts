import { Arg, Ctx as GqlCtx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { kanwilComparison, rowGap } from './service';
import { ComparisonRowGql, GapSummaryGql, KanwilComparisonGql } from './types';

@Resolver(() => ComparisonRowGql)
export class ComparisonResolver {
  @Query(() => KanwilComparisonGql, {
    description: 'Every unit of a Kanwil in a period: status, scores per level, area %, eligibility, next deadline, gap',
  })
  kanwilComparison(
    @GqlCtx() ctx: Ctx,
    @Arg('periodId', () => Int) periodId: number,
    @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null,
  ): Promise<KanwilComparisonGql> {
    return kanwilComparison(ctx, periodId, kanwilId);
  }

  @FieldResolver(() => GapSummaryGql, { nullable: true, description: 'Gap to the target (null without a submission)' })
  gap(@GqlCtx() ctx: Ctx, @Root() row: ComparisonRowGql): Promise<GapSummaryGql | null> {
    return rowGap(ctx, row);
  }
}
