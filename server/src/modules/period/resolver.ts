import { Arg, Ctx as GqlCtx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { DeadlineExtensionInput, PeriodInput, PeriodUpdateInput } from './inputs';
import { createPeriod, extendDeadline, getPeriod, listExtensions, listPeriods, updatePeriod } from './service';
import { DeadlineExtensionGql, extensionView, PeriodGql, periodView } from './types';

@Resolver()
export class PeriodResolver {
  @Query(() => [PeriodGql], { description: 'Evaluation periods visible to you (global ones and those of your Kanwil)' })
  async periods(@GqlCtx() ctx: Ctx, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<PeriodGql[]> {
    return (await listPeriods(ctx, year)).map(periodView);
  }

  @Query(() => PeriodGql)
  async period(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<PeriodGql> {
    return periodView(await getPeriod(ctx, id));
  }

  @Mutation(() => PeriodGql, { description: 'ADMIN: create an evaluation period (instrument: the active version of the year by default)' })
  async createPeriod(@GqlCtx() ctx: Ctx, @Arg('input', () => PeriodInput) input: PeriodInput): Promise<PeriodGql> {
    return periodView(await createPeriod(ctx, input));
  }

  @Mutation(() => PeriodGql, { description: 'ADMIN: rename a period or set its own stage deadlines' })
  async updatePeriod(
    @GqlCtx() ctx: Ctx,
    @Arg('id', () => Int) id: number,
    @Arg('input', () => PeriodUpdateInput) input: PeriodUpdateInput,
  ): Promise<PeriodGql> {
    return periodView(await updatePeriod(ctx, id, input));
  }

  @Mutation(() => DeadlineExtensionGql, { description: 'ADMIN: extend a stage deadline of a period (all units or one), with a reason' })
  async extendDeadline(@GqlCtx() ctx: Ctx, @Arg('input', () => DeadlineExtensionInput) input: DeadlineExtensionInput): Promise<DeadlineExtensionGql> {
    return extensionView(await extendDeadline(ctx, input));
  }

  @Query(() => [DeadlineExtensionGql])
  async deadlineExtensions(@GqlCtx() ctx: Ctx, @Arg('periodId', () => Int) periodId: number): Promise<DeadlineExtensionGql[]> {
    return (await listExtensions(ctx, periodId)).map(extensionView);
  }
}
