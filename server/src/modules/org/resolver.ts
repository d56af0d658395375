import { Arg, Ctx as GqlCtx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { readScope, satkerFilter, assertCanReadSatker, requireUser } from '../../common/authz';
import { notFound } from '../../common/errors';
import { predicatesLoader } from '../../common/loaders';
import { holdsWbk } from '@pantau/shared';
import { Kanwil, Satker } from './entities';
import { KanwilGql, PredicateGql, SatkerGql, kanwilView, predicateView, satkerView } from './types';

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
