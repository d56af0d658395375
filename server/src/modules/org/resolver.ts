import { Arg, Ctx as GqlCtx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Ctx } from '../../common/context';
import { readScope, satkerFilter, assertCanReadSatker, requireUser } from '../../common/authz';
import { notFound } from '../../common/errors';
import { predicatesLoader } from '../../common/loaders';
import { holdsWbk } from '@pantau/shared';
import { Kanwil, Satker } from './entities';
import { listEselonUnits, listInstansi } from './service';
import { EselonUnitGql, InstansiGql, KanwilGql, PredicateGql, SatkerGql, eselonView, instansiView, kanwilView, predicateView, satkerView } from './types';

@Resolver(() => SatkerGql)
export class OrgResolver {
  @Query(() => [InstansiGql], { description: 'Every instansi (names of the organisation are not restricted)' })
  async instansiList(@GqlCtx() ctx: Ctx): Promise<InstansiGql[]> {
    return (await listInstansi(ctx)).map(instansiView);
  }

  @Query(() => [EselonUnitGql], { description: 'Eselon I units (optionally of one instansi)' })
  async eselonUnits(@GqlCtx() ctx: Ctx, @Arg('instansiId', () => Int, { nullable: true }) instansiId?: number | null): Promise<EselonUnitGql[]> {
    return (await listEselonUnits(ctx, instansiId)).map(eselonView);
  }

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

  @FieldResolver(() => [PredicateGql], { description: 'WBK/WBBM predicate history, including the predecessors’ (lineage; see satkerId)' })
  async predicates(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<PredicateGql[]> {
    return (await predicatesLoader(ctx).load(s.id)).map(predicateView);
  }

  @FieldResolver(() => Boolean, { description: 'Holds a WBK (or WBBM) predicate that was not revoked, itself or through a predecessor' })
  async holdsWbk(@GqlCtx() ctx: Ctx, @Root() s: SatkerGql): Promise<boolean> {
    return holdsWbk(await predicatesLoader(ctx).load(s.id));
  }
}
