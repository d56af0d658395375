import { Arg, Ctx as GqlCtx, Int, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { progressOverTime } from './service';
import { ProgressOverTimeGql } from './types';

@Resolver()
export class ProgressResolver {
  @Query(() => ProgressOverTimeGql, {
    description:
      'Admin, Kanwil head, Kanwil viewer: completeness and total per ISO week at every level, per unit and Kanwil average, from the progress snapshots',
  })
  progressOverTime(
    @GqlCtx() ctx: Ctx,
    @Arg('periodId', () => Int) periodId: number,
    @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null,
  ): Promise<ProgressOverTimeGql> {
    return progressOverTime(ctx, periodId, kanwilId);
  }
}
