import { Arg, Ctx as GqlCtx, Int, Mutation, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { PredicateGql, predicateView } from '../org/types';
import { revokePredicate } from './service';
import { LocalDate } from '../../common/scalars';

@Resolver()
export class ResultsResolver {
  @Mutation(() => PredicateGql, { description: 'ADMIN / KANWIL_HEAD: revoke a predicate (reason + decree date); the unit cannot be proposed for 2 years' })
  async revokePredicate(
    @GqlCtx() ctx: Ctx,
    @Arg('predicateId', () => Int) predicateId: number,
    @Arg('reason') reason: string,
    @Arg('decreeDate', () => LocalDate) decreeDate: string,
  ): Promise<PredicateGql> {
    return predicateView(await revokePredicate(ctx, predicateId, reason, decreeDate));
  }
}
