import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { SubmissionGql } from '../submission/types';
import { submissionRouteCached } from './lookup';
import { listReviewRoutes, setReviewRoute } from './service';
import { InstansiReviewRouteGql, ReviewRouteGql, SetReviewRouteInput, routeRowView, routeView } from './types';

@Resolver()
export class ReviewRouteResolver {
  @Query(() => [InstansiReviewRouteGql], { description: 'ADMIN: every instansi’s review route in a period (the default where none is set)' })
  async reviewRoutes(@GqlCtx() ctx: Ctx, @Arg('periodId', () => Int) periodId: number): Promise<InstansiReviewRouteGql[]> {
    return (await listReviewRoutes(ctx, periodId)).map(routeRowView);
  }

  @Mutation(() => InstansiReviewRouteGql, {
    description: 'ADMIN: set an instansi’s review route for a period; INVALID_STATE once one of its submissions went past the Kanwil step',
  })
  async setReviewRoute(@GqlCtx() ctx: Ctx, @Arg('input', () => SetReviewRouteInput) input: SetReviewRouteInput): Promise<InstansiReviewRouteGql> {
    return routeRowView(await setReviewRoute(ctx, input));
  }
}

@Resolver(() => SubmissionGql)
export class SubmissionRouteResolver {
  @FieldResolver(() => ReviewRouteGql, { description: 'The review route this submission follows (its period’s route for its instansi)' })
  async route(@GqlCtx() ctx: Ctx, @Root() s: SubmissionGql): Promise<ReviewRouteGql> {
    return routeView(await submissionRouteCached(ctx, s.entity));
  }
}
