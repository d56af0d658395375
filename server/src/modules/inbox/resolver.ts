import { Arg, Ctx as GqlCtx, Int, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { inbox } from './service';
import { InboxEntryGql } from './types';

@Resolver()
export class InboxResolver {
  @Query(() => [InboxEntryGql], { description: 'Beranda: what waits for the signed-in user in a period (default: the latest), per role held' })
  async inbox(@GqlCtx() ctx: Ctx, @Arg('periodId', () => Int, { nullable: true }) periodId?: number | null): Promise<InboxEntryGql[]> {
    return inbox(ctx, periodId);
  }
}
