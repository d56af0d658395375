import { Arg, Ctx as GqlCtx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Ctx } from '../../common/context';
import { readScope, satkerFilter, assertCanReadPeriod, assertCanReadSatker, periodFilter, requireUser } from '../../common/authz';
import { notFound } from '../../common/errors';
import { predicatesLoader } from '../../common/loaders';
import { holdsWbk } from '../submission/compute';
import { Kanwil, Satker } from './entities';
import { KanwilGql, PredicateGql, SatkerGql, kanwilView, predicateView, satkerView } from './types';
import { Period } from '../period/entities';
import { PeriodGql, periodView } from '../period/types';

@Resolver(() => SatkerGql)
export class OrgResolver {
  @Query(() => [KanwilGql], { description: 'Kanwil you may see' })
  async kanwils(@GqlCtx() ctx: Ctx): Promise<KanwilGql[]> {
    const scope = await readScope(ctx);
    const rows = await ctx.em.find(Kanwil, scope.all ? {} : { id: { $in: [...scope.kanwilIds] } }, { orderBy: { name: 'asc' } });
    return rows.map(kanwilView);
  }

  @Query(() => [SatkerGql], { description: 'Units you may see (optionally of one Kanwil)' })
  async satkers(@GqlCtx() ctx: Ctx, @Arg('kanwilId', () => Int, { nullable: true }) kanwilId?: number | null): Promise<SatkerGql[]> {
    const scope = await readScope(ctx);
    const filter = satkerFilter(scope);
    const where = kanwilId != null ? { kanwil: kanwilId } : {};
    const rows = await ctx.em.find(Satker, filter ? { $and: [where, filter] } : where, { orderBy: { code: 'asc' } });
    return rows.map(satkerView);
  }

  @Query(() => SatkerGql)
  async satker(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<SatkerGql> {
    requireUser(ctx);
    const s = await ctx.em.findOne(Satker, id);
    if (!s) throw notFound('Unit', id);
    await assertCanReadSatker(ctx, s);
    return satkerView(s);
  }

  @Query(() => [PeriodGql], { description: 'Evaluation periods visible to you (global ones and those of your Kanwil)' })
  async periods(@GqlCtx() ctx: Ctx, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<PeriodGql[]> {
    requireUser(ctx);
    const scoped = await periodFilter(ctx);
    const where = { ...(year != null ? { year } : {}), ...((scoped ?? {}) as object) } as FilterQuery<Period>;
    const rows = await ctx.em.find(Period, where, { orderBy: { year: 'desc', id: 'asc' } });
    return rows.map(periodView);
  }

  @Query(() => PeriodGql)
  async period(@GqlCtx() ctx: Ctx, @Arg('id', () => Int) id: number): Promise<PeriodGql> {
    requireUser(ctx);
    const p = await ctx.em.findOne(Period, id);
    if (!p) throw notFound('Periode', id);
    await assertCanReadPeriod(ctx, p);
    return periodView(p);
  }

  @FieldResolver(() => KanwilGql)
  async kanwil(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<KanwilGql> {
    const k = await ctx.em.findOneOrFail(Kanwil, s.kanwilId);
    return kanwilView(k);
  }

  @FieldResolver(() => [PredicateGql], { description: 'WBK/WBBM predicate history' })
  async predicates(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<PredicateGql[]> {
    return (await predicatesLoader(ctx).load(s.id)).map(predicateView);
  }

  @FieldResolver(() => Boolean, { description: 'Holds a WBK (or WBBM) predicate that was not revoked' })
  async holdsWbk(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<boolean> {
    return holdsWbk(await predicatesLoader(ctx).load(s.id));
  }
}
